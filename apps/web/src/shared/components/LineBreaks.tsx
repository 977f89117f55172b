import { Fragment } from 'react';

/** Text in parts with a line-break opportunity (<wbr>) between them; it reads and copies as one. */
export function LineBreaks({ parts }: { parts: readonly string[] }) {
  return parts.map((part, index) => (
    // The parts of one text never reorder: their place is their identity.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above.
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
