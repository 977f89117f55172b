import type { Severity } from '@drivebay/api-types';
import { type FormEvent, useState } from 'react';
import { isoToUtcInput, utcInputToIso } from '../../audit/model/utcInput';
import { type EventFilters, hasEventFilters, SEVERITIES, SOURCES } from '../model/eventFilters';

interface EventFilterBarProps {
  filters: EventFilters;
  onChange: (filters: EventFilters) => void;
}

interface TextFields {
  object: string;
  since: string;
  until: string;
}

const fieldsOf = (filters: EventFilters): TextFields => ({
  object: filters.object ?? '',
  since: isoToUtcInput(filters.since),
  until: isoToUtcInput(filters.until),
});

/** Severity and source apply at once; object and time on Enter or Apply. The fields follow the URL. */
export function EventFilterBar({ filters, onChange }: EventFilterBarProps) {
  const [fields, setFields] = useState(() => fieldsOf(filters));
  const [shown, setShown] = useState(filters);
  if (shown !== filters) {
    setShown(filters);
    setFields(fieldsOf(filters));
  }
  const toggle = <T extends string>(list: readonly T[] | undefined, value: T, on: boolean): T[] =>
    on ? [...(list ?? []), value] : (list ?? []).filter((v) => v !== value);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const object = fields.object.trim();
    onChange({
      ...filters,
      object: object === '' ? undefined : object,
      since: utcInputToIso(fields.since),
      until: utcInputToIso(fields.until),
    });
  };

  return (
    <form className="filter-bar" aria-label="Event filters" onSubmit={handleSubmit}>
      <fieldset className="result-choices">
        <legend>Severity (none ticked: all)</legend>
        {SEVERITIES.map((severity: Severity) => (
          <label key={severity}>
            <input
              type="checkbox"
              checked={filters.severity?.includes(severity) ?? false}
              onChange={(e) =>
                onChange({ ...filters, severity: toggle(filters.severity, severity, e.target.checked) })
              }
            />
            {severity}
          </label>
        ))}
      </fieldset>
      <fieldset className="result-choices">
        <legend>Source (none ticked: all)</legend>
        {SOURCES.map((source) => (
          <label key={source}>
            <input
              type="checkbox"
              checked={filters.source?.includes(source) ?? false}
              onChange={(e) =>
                onChange({ ...filters, source: toggle(filters.source, source, e.target.checked) })
              }
            />
            {source}
          </label>
        ))}
      </fieldset>
      <label>
        Object
        <input
          name="object"
          value={fields.object}
          placeholder="e.g. drive:drv-1 or pvc-1"
          spellCheck={false}
          onChange={(e) => setFields({ ...fields, object: e.target.value })}
        />
      </label>
      <label>
        Since (UTC)
        <input
          type="datetime-local"
          value={fields.since}
          onChange={(e) => setFields({ ...fields, since: e.target.value })}
        />
      </label>
      <label>
        Until (UTC)
        <input
          type="datetime-local"
          value={fields.until}
          onChange={(e) => setFields({ ...fields, until: e.target.value })}
        />
      </label>
      <button type="submit">Apply</button>
      {hasEventFilters(filters) && (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      )}
    </form>
  );
}
