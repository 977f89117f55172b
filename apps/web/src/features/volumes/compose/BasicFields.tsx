import { VolumeTypeSchema } from '@drivebay/api-types';
import type { FieldErrors } from '../../../shared/api/fieldErrors';
import { FieldError } from '../../../shared/components/FieldError';
import { formatBytes } from '../../../shared/format/bytes';
import { ComposeField } from './ComposeField';
import { COMPOSE_FIELDS, type ComposeForm } from './composeForm';
import { parseSize } from './parseSize';

const TYPE_LABELS = {
  hdd: 'HDD: whole hard drives',
  ssd: 'SSD: whole SSDs',
  slice: 'SSD slice: part of an SSD',
};

interface FieldsProps {
  form: ComposeForm;
  errors: FieldErrors;
  onChange: (patch: Partial<ComposeForm>) => void;
}

/** Name, size, type and mirroring: what most volumes need. */
export function BasicFields({ form, errors, onChange }: FieldsProps) {
  const size = parseSize(form.size);
  return (
    <div className="compose-basic">
      <ComposeField
        id="compose-name"
        label="Name"
        hint="Lowercase letters, digits, . _ -"
        error={errors[COMPOSE_FIELDS.name]}
      >
        {(describedBy) => (
          <input
            id="compose-name"
            value={form.name}
            placeholder="pvc-demo-1"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={errors[COMPOSE_FIELDS.name] ? true : undefined}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        )}
      </ComposeField>
      <ComposeField
        id="compose-size"
        label="Size"
        hint={
          size.ok
            ? `= ${formatBytes(size.bytes)} (${size.bytes.toLocaleString('en-US')} bytes)`
            : 'e.g. 500 GB, 2 TB or 100 GiB'
        }
        error={errors[COMPOSE_FIELDS.size]}
      >
        {(describedBy) => (
          <input
            id="compose-size"
            value={form.size}
            placeholder="500 GB"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={describedBy}
            aria-invalid={errors[COMPOSE_FIELDS.size] ? true : undefined}
            onChange={(e) => onChange({ size: e.target.value })}
          />
        )}
      </ComposeField>
      <ComposeField id="compose-type" label="Type" error={errors[COMPOSE_FIELDS.type]}>
        {(describedBy) => (
          <select
            id="compose-type"
            value={form.type}
            aria-describedby={describedBy}
            onChange={(e) => onChange({ type: VolumeTypeSchema.parse(e.target.value) })}
          >
            {VolumeTypeSchema.options.map((type) => (
              <option key={type} value={type}>
                {TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        )}
      </ComposeField>
      <div className="field">
        <label className="check">
          <input
            type="checkbox"
            checked={form.redundancy}
            aria-describedby="compose-redundancy-hint"
            onChange={(e) => onChange({ redundancy: e.target.checked })}
          />
          Redundancy (RAID1 mirror)
        </label>
        <p id="compose-redundancy-hint" className="field-hint">
          Two copies on different drives, so the volume survives a drive failure.
        </p>
        <FieldError id="compose-redundancy-error" message={errors[COMPOSE_FIELDS.redundancy]} />
      </div>
    </div>
  );
}
