import { type VolumeRequest, VolumeRequestSchema, type VolumeType } from '@drivebay/api-types';
import { ApiError } from '../../../shared/api/apiError';
import { type FieldErrors, inputField } from '../../../shared/api/fieldErrors';
import type { ParseIssue } from '../../../shared/api/parser';
import { parseSize } from './parseSize';

/** What the compose form holds, as typed; advanced fields start at the StorageClass defaults. */
export interface ComposeForm {
  name: string;
  /** "500 GB", "2 TB", "100 GiB". */
  size: string;
  type: VolumeType;
  redundancy: boolean;
  reclaimPolicy: 'Delete' | 'Retain';
  cluster: string;
  raidMaxDrives: string;
  sgResiliency: boolean;
  jbodResiliency: boolean;
  softDomains: boolean;
  encrypt: boolean;
  /** Comma-separated. */
  requiredTags: string;
  /** Comma-separated; empty means any. */
  storageGroup: string;
}

export const DEFAULT_COMPOSE_FORM: ComposeForm = {
  name: '',
  size: '',
  type: 'hdd',
  redundancy: false,
  reclaimPolicy: 'Delete',
  cluster: 'default',
  raidMaxDrives: '16',
  sgResiliency: true,
  jbodResiliency: true,
  softDomains: false,
  encrypt: false,
  requiredTags: '',
  storageGroup: '',
};

/** Form field → the request path its errors come back under. */
export const COMPOSE_FIELDS = {
  name: 'name',
  size: 'capacityBytes',
  type: 'parameters.type',
  redundancy: 'parameters.redundancy',
  reclaimPolicy: 'reclaimPolicy',
  cluster: 'cluster',
  raidMaxDrives: 'parameters.raidMaxDrives',
  sgResiliency: 'parameters.sgResiliency',
  jbodResiliency: 'parameters.jbodResiliency',
  softDomains: 'parameters.softDomains',
  encrypt: 'parameters.encrypt',
  requiredTags: 'parameters.requiredTags',
  storageGroup: 'parameters.storageGroup',
} as const satisfies Record<keyof ComposeForm, string>;

const KNOWN: readonly string[] = Object.values(COMPOSE_FIELDS);

export type CheckedCompose = { ok: true; request: VolumeRequest } | { ok: false; errors: FieldErrors };

/** The request for POST /volumes and the preview, checked by the API's own schema; or messages by request path. */
export function toVolumeRequest(form: ComposeForm): CheckedCompose {
  const size = parseSize(form.size);
  const parsed = VolumeRequestSchema.safeParse({
    name: form.name.trim(),
    capacityBytes: size.ok ? size.bytes : 1,
    reclaimPolicy: form.reclaimPolicy,
    cluster: form.cluster.trim() || 'default',
    parameters: {
      type: form.type,
      redundancy: form.redundancy,
      raidMaxDrives: form.raidMaxDrives.trim() === '' ? undefined : Number(form.raidMaxDrives),
      sgResiliency: form.sgResiliency,
      jbodResiliency: form.jbodResiliency,
      softDomains: form.softDomains,
      encrypt: form.encrypt,
      requiredTags: splitList(form.requiredTags),
      storageGroup: splitList(form.storageGroup),
    },
  });
  const errors: Record<string, string> = parsed.success ? {} : { ...issueErrors(parsed.error.issues) };
  if (!size.ok) errors.capacityBytes = size.message;
  if (!parsed.success || !size.ok) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

/** The server's error beside the field it blames ("body.parameters.requiredTags.1" → requiredTags). */
export function composeFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.field) return {};
  const field = listField(inputField(error.field));
  if (!KNOWN.includes(field)) return {};
  return { [field]: error.message.replace(/^[\w.[\]]+: /, '') };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** Errors about one item of a list belong to the list's field. */
function listField(path: string): string {
  return path.replace(/(\.\d+)+$/, '');
}

function issueErrors(issues: readonly ParseIssue[]): FieldErrors {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const items = issue.path.map(String);
    const field = listField(items.join('.'));
    const index = items.length > field.split('.').length ? ` (item ${Number(items.at(-1)) + 1})` : '';
    if (!(field in out)) out[field] = `${issue.message}${index}`;
  }
  return out;
}
