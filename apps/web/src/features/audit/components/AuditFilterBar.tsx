import { type FormEvent, useState } from 'react';
import { type AuditFilters, hasAuditFilters } from '../model/auditFilters';
import { type AuditForm, filtersFromForm, formFromFilters, toggleResult } from '../model/auditForm';
import { ResultChoices } from './ResultChoices';

const TEXT_FIELDS = [
  { name: 'actor', label: 'Actor', placeholder: 'e.g. bob' },
  { name: 'action', label: 'Action', placeholder: 'e.g. DELETE or volumes' },
  { name: 'target', label: 'Target', placeholder: 'e.g. volume:pvc-1' },
] as const;

interface AuditFilterBarProps {
  filters: AuditFilters;
  onChange: (filters: AuditFilters) => void;
}

/**
 * Result choices apply at once; text and time filters on Enter or Apply. The fields follow the URL.
 * Three groups (results; who, what and which; when, with the buttons) wrap as wholes.
 */
export function AuditFilterBar({ filters, onChange }: AuditFilterBarProps) {
  const [form, setForm] = useState<AuditForm>(() => formFromFilters(filters));
  const [shown, setShown] = useState(filters);
  const [problem, setProblem] = useState<string>();
  if (shown !== filters) {
    // The URL changed (back/forward, a link): show what it says.
    setShown(filters);
    setForm(formFromFilters(filters));
  }
  const apply = (result = filters.result) => {
    const checked = filtersFromForm(form, result);
    setProblem(checked.ok ? undefined : checked.message);
    if (checked.ok) onChange(checked.filters);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply();
  };
  const set = (name: keyof AuditForm) => (value: string) => setForm({ ...form, [name]: value });

  return (
    <form className="filter-bar" aria-label="Audit filters" onSubmit={handleSubmit}>
      <ResultChoices
        selected={filters.result}
        onToggle={(result, on) => apply(toggleResult(filters.result, result, on))}
      />
      <div className="filter-group">
        {TEXT_FIELDS.map((field) => (
          <label key={field.name}>
            {field.label}
            <input
              name={field.name}
              value={form[field.name]}
              placeholder={field.placeholder}
              spellCheck={false}
              onChange={(e) => set(field.name)(e.target.value)}
            />
          </label>
        ))}
      </div>
      <div className="filter-group">
        <label>
          Since (UTC)
          <input
            name="since"
            value={form.since}
            placeholder="YYYY-MM-DD HH:MM"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set('since')(e.target.value)}
          />
        </label>
        <label>
          Until (UTC)
          <input
            name="until"
            value={form.until}
            placeholder="YYYY-MM-DD HH:MM"
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set('until')(e.target.value)}
          />
        </label>
        <button type="submit">Apply</button>
        {hasAuditFilters(filters) && (
          <button type="button" onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
      {problem && (
        <p className="filter-message" role="alert">
          Not applied: {problem}
        </p>
      )}
    </form>
  );
}
