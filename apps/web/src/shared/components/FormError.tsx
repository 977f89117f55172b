import { errorMessage } from '../api/apiError';

/** A failed submit that is not about one field: what the server said, announced at once. */
export function FormError({ error, prefix }: { error: unknown; prefix?: string }) {
  if (!error) return null;
  return (
    <p role="alert" className="form-error">
      <span aria-hidden="true">⚠ </span>
      {prefix}
      {errorMessage(error)}
    </p>
  );
}
