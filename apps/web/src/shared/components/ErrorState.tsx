import { errorMessage } from '../api/apiError';

interface ErrorStateProps {
  title: string;
  error: unknown;
  /** What the operator can do about it. */
  hint: string;
  onRetry: () => void;
}

/** A failure: what failed, the server's message, what to do, and a Retry button. */
export function ErrorState({ title, error, hint, onRetry }: ErrorStateProps) {
  return (
    <div role="alert" className="state state-error">
      <h2>{title}</h2>
      <p className="state-message">{errorMessage(error)}</p>
      <p>{hint}</p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
