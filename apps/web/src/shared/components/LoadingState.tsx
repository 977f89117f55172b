/** A quiet placeholder while data loads. */
export function LoadingState({ what }: { what: string }) {
  return (
    <p className="state state-loading" aria-busy="true">
      Loading {what}…
    </p>
  );
}
