import { type FormEvent, useState } from 'react';
import type { WorkloadFilters } from '../model/workloadFilters';

interface WorkloadFilterBarProps {
  filters: WorkloadFilters;
  namespaces: readonly string[];
  onChange: (patch: { namespace?: string; q?: string; workload?: string }) => void;
}

/** Namespace (not for nodes, which have none) applies at once; the text on Enter, Apply or leaving the field. Both follow the URL. */
export function WorkloadFilterBar({ filters, namespaces, onChange }: WorkloadFilterBarProps) {
  const [text, setText] = useState(filters.q ?? '');
  const [shown, setShown] = useState(filters.q);
  if (shown !== filters.q) {
    // The URL changed (back/forward, a link): show what it says.
    setShown(filters.q);
    setText(filters.q ?? '');
  }
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: text });
  };
  const filtered = Boolean(filters.namespace || filters.q || filters.workload);

  return (
    <form className="filter-bar" aria-label="Workload filters" onSubmit={handleSubmit}>
      {filters.tab !== 'nodes' && (
        <label>
          Namespace
          <select
            name="namespace"
            value={filters.namespace ?? ''}
            onChange={(e) => onChange({ namespace: e.target.value, workload: undefined })}
          >
            <option value="">All namespaces</option>
            {namespaces.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Name contains
        <input
          name="q"
          type="search"
          value={text}
          placeholder="namespace/name"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setText(e.target.value)}
          onBlur={() => text.trim() !== (filters.q ?? '') && onChange({ q: text })}
        />
      </label>
      <button type="submit">Apply</button>
      {filters.workload && (
        <span className="filter-chip" data-filter="workload">
          Workload {filters.workload}
        </span>
      )}
      {filtered && (
        <button
          type="button"
          onClick={() => onChange({ namespace: undefined, q: undefined, workload: undefined })}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
