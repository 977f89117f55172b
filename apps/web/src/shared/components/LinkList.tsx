import { Fragment } from 'react';
import { Link } from 'react-router';

/** Links in a sentence, comma-separated ("data-0, data-1"); labels are unique within one list. */
export function LinkList({ links }: { links: readonly { to: string; label: string }[] }) {
  return (
    <>
      {links.map((link, index) => (
        <Fragment key={link.label}>
          {index > 0 && ', '}
          <Link to={link.to}>{link.label}</Link>
        </Fragment>
      ))}
    </>
  );
}
