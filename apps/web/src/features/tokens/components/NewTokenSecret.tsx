import type { CreatedToken } from '@drivebay/api-types';
import { useRef, useState } from 'react';

/** The new token's secret in a copyable box, with the warning that this is the only time it is shown. */
export function NewTokenSecret({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const handleCopy = async () => {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied('yes');
    } catch {
      // Clipboard access needs a secure context; the text is selected for Ctrl+C instead.
      setCopied('no');
    }
  };
  return (
    <section className="token-secret" aria-labelledby="token-secret-heading">
      <h2 id="token-secret-heading">
        <span aria-hidden="true">⚠ </span>Copy the secret of “{created.token.name}” now
      </h2>
      <p>
        It is shown only this once; Drivebay keeps only a hash. If you lose it, revoke the token and create
        another.
      </p>
      <div className="token-secret-box">
        <label className="visually-hidden" htmlFor="token-secret">
          Token secret
        </label>
        <input
          id="token-secret"
          ref={inputRef}
          readOnly
          value={created.secret}
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button-primary" onClick={() => void handleCopy()}>
          Copy
        </button>
      </div>
      <p role="status" className="token-secret-status">
        {copied === 'yes' && 'Copied to the clipboard.'}
        {copied === 'no' &&
          'Could not reach the clipboard: the secret is selected, press Ctrl+C (⌘C) to copy it.'}
      </p>
      <button type="button" onClick={onDone}>
        I have stored it safely
      </button>
    </section>
  );
}
