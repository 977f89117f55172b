import { VolumeLifecycleSchema, VolumeTypeSchema } from '@drivebay/api-types';
import { VOLUME_HEALTH_WORST_FIRST } from '@drivebay/composer/health';
import { type FormEvent, useState } from 'react';
import {
  filtersFromInput,
  hasFilters,
  type VolumeFilterName,
  type VolumeFilters,
} from '../model/volumeFilters';

const TYPE_LABELS = { hdd: 'HDD', ssd: 'SSD', slice: 'SSD slice' } as const;
const FIELD_NAMES: Record<VolumeFilterName, string> = {
  q: 'Search',
  health: 'Health',
  lifecycle: 'Lifecycle',
  type: 'Type',
  cluster: 'Cluster',
  storageGroup: 'Storage group',
  drive: 'Drive',
};

interface VolumeFilterBarProps {
  filters: VolumeFilters;
  onChange: (filters: VolumeFilters) => void;
}

/**
 * Filters: the choices apply at once; cluster and storage group apply on Enter, Apply or
 * leaving the field (each change reloads the list). The fields follow the URL (back/forward).
 */
export function VolumeFilterBar({ filters, onChange }: VolumeFilterBarProps) {
  const [q, setQ] = useState(filters.q ?? '');
  const [cluster, setCluster] = useState(filters.cluster ?? '');
  const [storageGroup, setStorageGroup] = useState(filters.storageGroup ?? '');
  const [rejected, setRejected] = useState<VolumeFilterName[]>([]);
  const [shown, setShown] = useState(filters);
  if (
    shown.cluster !== filters.cluster ||
    shown.storageGroup !== filters.storageGroup ||
    shown.q !== filters.q
  ) {
    setShown(filters);
    setQ(filters.q ?? '');
    setCluster(filters.cluster ?? '');
    setStorageGroup(filters.storageGroup ?? '');
  }

  const apply = (patch: Partial<Record<VolumeFilterName, string>>) => {
    const input: Partial<Record<VolumeFilterName, string>> = {
      ...filters,
      q,
      cluster,
      storageGroup,
      ...patch,
    };
    const result = filtersFromInput(input);
    setRejected(result.rejected);
    onChange(result.filters);
  };
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const handleClear = () => {
    setRejected([]);
    onChange({});
  };

  return (
    <form className="volume-filters" aria-label="Volume filters" onSubmit={handleSubmit}>
      <label className="volume-search">
        Search
        <input
          name="q"
          type="search"
          value={q}
          placeholder="name, PVC, workload, pod"
          spellCheck={false}
          onChange={(e) => setQ(e.target.value)}
          onBlur={() => q.trim() !== (filters.q ?? '') && apply({})}
        />
      </label>
      <label>
        Health
        <select
          name="health"
          value={filters.health ?? ''}
          onChange={(e) => apply({ health: e.target.value })}
        >
          <option value="">Any</option>
          {VOLUME_HEALTH_WORST_FIRST.map((health) => (
            <option key={health} value={health}>
              {health}
            </option>
          ))}
        </select>
      </label>
      <label>
        Lifecycle
        <select
          name="lifecycle"
          value={filters.lifecycle ?? ''}
          onChange={(e) => apply({ lifecycle: e.target.value })}
        >
          <option value="">Any</option>
          {VolumeLifecycleSchema.options.map((lifecycle) => (
            <option key={lifecycle} value={lifecycle}>
              {lifecycle}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type
        <select name="type" value={filters.type ?? ''} onChange={(e) => apply({ type: e.target.value })}>
          <option value="">Any</option>
          {VolumeTypeSchema.options.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Cluster
        <input
          name="cluster"
          value={cluster}
          placeholder="any"
          spellCheck={false}
          onChange={(e) => setCluster(e.target.value)}
          onBlur={() => cluster.trim() !== (filters.cluster ?? '') && apply({})}
        />
      </label>
      <label>
        Storage group
        <input
          name="storageGroup"
          value={storageGroup}
          placeholder="any"
          spellCheck={false}
          onChange={(e) => setStorageGroup(e.target.value)}
          onBlur={() => storageGroup.trim() !== (filters.storageGroup ?? '') && apply({})}
        />
      </label>
      <button type="submit">Apply</button>
      {filters.drive && (
        <span className="filter-chip" data-filter="drive">
          Drive {filters.drive}
        </span>
      )}
      {hasFilters(filters) && (
        <button type="button" onClick={handleClear}>
          Clear filters
        </button>
      )}
      {rejected.length > 0 && (
        <p className="filter-message" role="alert">
          Not applied: {rejected.map((name) => FIELD_NAMES[name]).join(', ')} must be lowercase letters,
          digits, “.”, “_” or “-”.
        </p>
      )}
    </form>
  );
}
