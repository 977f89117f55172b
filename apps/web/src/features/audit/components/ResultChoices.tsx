import type { AuditResult } from '@drivebay/api-types';
import { AUDIT_RESULTS } from '../model/auditFilters';

interface ResultChoicesProps {
  /** The results asked for; none means all. */
  selected: readonly AuditResult[] | undefined;
  onToggle: (result: AuditResult, on: boolean) => void;
}

/** One checkbox per result; with none ticked every result is shown. */
export function ResultChoices({ selected, onToggle }: ResultChoicesProps) {
  return (
    <fieldset className="result-choices">
      <legend>Result (none ticked: all)</legend>
      {AUDIT_RESULTS.map((result) => (
        <label key={result}>
          <input
            type="checkbox"
            name="result"
            value={result}
            checked={selected?.includes(result) ?? false}
            onChange={(e) => onToggle(result, e.target.checked)}
          />
          {result}
        </label>
      ))}
    </fieldset>
  );
}
