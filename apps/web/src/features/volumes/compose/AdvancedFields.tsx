import type { FieldErrors } from '../../../shared/api/fieldErrors';
import { ComposeField } from './ComposeField';
import { COMPOSE_FIELDS, type ComposeForm } from './composeForm';
import { FlagField } from './FlagField';

interface FieldsProps {
  form: ComposeForm;
  errors: FieldErrors;
  onChange: (patch: Partial<ComposeForm>) => void;
}

const ADVANCED: readonly (keyof ComposeForm)[] = [
  'reclaimPolicy',
  'cluster',
  'raidMaxDrives',
  'requiredTags',
  'storageGroup',
  'sgResiliency',
  'jbodResiliency',
  'softDomains',
  'encrypt',
];

/** The other StorageClass parameters, folded away at their defaults; opens by itself when one is wrong. */
export function AdvancedFields({ form, errors, onChange }: FieldsProps) {
  const hasError = ADVANCED.some((name) => errors[COMPOSE_FIELDS[name]]);
  const text = (
    name: 'cluster' | 'requiredTags' | 'storageGroup' | 'raidMaxDrives',
    label: string,
    hint: string,
  ) => (
    <ComposeField id={`compose-${name}`} label={label} hint={hint} error={errors[COMPOSE_FIELDS[name]]}>
      {(describedBy) => (
        <input
          id={`compose-${name}`}
          value={form[name]}
          type={name === 'raidMaxDrives' ? 'number' : 'text'}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={errors[COMPOSE_FIELDS[name]] ? true : undefined}
          onChange={(e) => onChange({ [name]: e.target.value })}
        />
      )}
    </ComposeField>
  );
  const flag = (
    name: 'sgResiliency' | 'jbodResiliency' | 'softDomains' | 'encrypt',
    label: string,
    hint: string,
  ) => (
    <FlagField
      id={`compose-${name}`}
      label={label}
      hint={hint}
      checked={form[name]}
      error={errors[COMPOSE_FIELDS[name]]}
      onChange={(checked) => onChange({ [name]: checked })}
    />
  );

  return (
    <details className="compose-advanced" open={hasError || undefined}>
      <summary>Advanced</summary>
      <div className="compose-advanced-grid">
        <ComposeField
          id="compose-reclaimPolicy"
          label="Reclaim policy"
          hint="Retain keeps the data after a delete, until purged."
          error={errors[COMPOSE_FIELDS.reclaimPolicy]}
        >
          {(describedBy) => (
            <select
              id="compose-reclaimPolicy"
              value={form.reclaimPolicy}
              aria-describedby={describedBy}
              onChange={(e) => onChange({ reclaimPolicy: e.target.value === 'Retain' ? 'Retain' : 'Delete' })}
            >
              <option value="Delete">Delete</option>
              <option value="Retain">Retain</option>
            </select>
          )}
        </ComposeField>
        {text('cluster', 'Cluster', 'The Kubernetes cluster the volume belongs to.')}
        {text('raidMaxDrives', 'Most drives in one RAID set', '2 to 64.')}
        {text('requiredTags', 'Required tags', 'Comma-separated; every drive used has them all.')}
        {text('storageGroup', 'Storage groups', 'Comma-separated; empty means any.')}
        {flag(
          'sgResiliency',
          'Survive a storage-group failure',
          'RAID copies in different storage groups, or fail.',
        )}
        {flag(
          'jbodResiliency',
          'Survive an enclosure failure',
          'RAID copies in different enclosures, or fail.',
        )}
        {flag('softDomains', 'Soft bandwidth domains', 'Allow RAID members in the same bandwidth domain.')}
        {flag('encrypt', 'Encrypt', 'Encrypt the data at rest with a per-volume key.')}
      </div>
    </details>
  );
}
