import { EmptyState } from '../../../shared/components/EmptyState';

/** Nothing recorded, or nothing matching: say which, and what to do. */
export function NoAuditRecords({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  if (filtered) {
    return (
      <EmptyState title="No records match these filters">
        <p>
          Actor, action and target match parts of the text (try “bob” rather than “user:bob”), and the time
          range is in UTC.{' '}
          <button type="button" onClick={onClear}>
            Clear filters
          </button>
        </p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Nothing recorded yet">
      <p>
        Every change made through the API or this console is recorded here, allowed or not, as soon as it
        happens.
      </p>
    </EmptyState>
  );
}
