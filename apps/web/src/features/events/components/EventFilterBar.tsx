import { type FormEvent, useState } from 'react';
import type { Bound } from '../../../shared/format/utcText';
import { type EventFilters, hasEventFilters, SEVERITIES, SOURCES } from '../model/eventFilters';
import { type EventForm, type FormProblem, filtersFromForm, formFromFilters } from '../model/filterForm';
import { FilterChoices } from './FilterChoices';

interface EventFilterBarProps {
  filters: EventFilters;
  onChange: (filters: EventFilters) => void;
}

const TIME_FIELDS: readonly { name: Bound; label: string }[] = [
  { name: 'since', label: 'Since (UTC)' },
  { name: 'until', label: 'Until (UTC)' },
];

/** Severity and source apply at once (with what is typed); object and time on Enter or Apply. The fields follow the URL. */
export function EventFilterBar({ filters, onChange }: EventFilterBarProps) {
  const [form, setForm] = useState<EventForm>(() => formFromFilters(filters));
  const [shown, setShown] = useState(filters);
  const [problem, setProblem] = useState<FormProblem>();
  if (shown !== filters) {
    // The URL changed (back/forward, a link): show what it says.
    setShown(filters);
    setForm(formFromFilters(filters));
    setProblem(undefined);
  }
  const apply = (next: EventFilters) => {
    const checked = filtersFromForm(form, next);
    setProblem(checked.ok ? undefined : checked.problem);
    if (checked.ok) onChange(checked.filters);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(filters);
  };

  return (
    <form className="filter-bar" aria-label="Event filters" onSubmit={handleSubmit}>
      <div className="filter-group">
        <FilterChoices
          legend="Severity"
          choices={SEVERITIES}
          selected={filters.severity}
          onChange={(severity) => apply({ ...filters, severity })}
        />
        <FilterChoices
          legend="Source"
          choices={SOURCES}
          selected={filters.source}
          onChange={(source) => apply({ ...filters, source })}
        />
      </div>
      <div className="filter-group">
        <label>
          Object
          <input
            name="object"
            value={form.object}
            placeholder="drive drv-1 or an id"
            spellCheck={false}
            onChange={(e) => setForm({ ...form, object: e.target.value })}
          />
        </label>
        {TIME_FIELDS.map(({ name, label }) => (
          <label key={name}>
            {label}
            <input
              name={name}
              value={form[name]}
              placeholder="YYYY-MM-DD HH:MM"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={problem?.field === name || undefined}
              aria-describedby={problem?.field === name ? 'event-filter-problem' : undefined}
              onChange={(e) => setForm({ ...form, [name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit">Apply</button>
        {hasEventFilters(filters) && (
          <button type="button" onClick={() => onChange({})}>
            Clear filters
          </button>
        )}
      </div>
      {problem && (
        <p id="event-filter-problem" className="filter-message" role="alert">
          Not applied: {problem.message}
        </p>
      )}
    </form>
  );
}
