/** A message under a form field, tied to it with aria-describedby; an icon and words, not colour alone. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
