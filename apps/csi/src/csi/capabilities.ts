import type { AccessModeName, VolumeCapability } from './messages.js';
import { invalid } from './status.js';

/**
 * A Drivebay volume is attached to one server at a time (seed 002: one logical node per volume),
 * so only the single-node access modes can be honoured.
 */
const SINGLE_NODE_MODES: ReadonlySet<AccessModeName> = new Set([
  'SINGLE_NODE_WRITER',
  'SINGLE_NODE_READER_ONLY',
  'SINGLE_NODE_SINGLE_WRITER',
  'SINGLE_NODE_MULTI_WRITER',
]);
export const FILESYSTEMS = ['ext4', 'xfs'] as const;
export type Filesystem = (typeof FILESYSTEMS)[number];

/** A capability as the plugin acts on it. */
export interface Access {
  accessType: 'mount' | 'block';
  /** Mount only: the fs_type asked for ('' when the CO leaves it to the plugin). */
  fsType: string;
  mountFlags: string[];
  mode: AccessModeName;
}

/** Why Drivebay cannot honour a capability, or undefined if it can. */
export function capabilityProblem(capability: VolumeCapability | null | undefined): string | undefined {
  if (!capability) return 'a volume capability is required';
  const type =
    capability.access_type ?? (capability.block ? 'block' : capability.mount ? 'mount' : undefined);
  if (!type) return 'access_type is required: block or mount';
  const mode = capability.access_mode?.mode ?? 'UNKNOWN';
  if (mode === 'UNKNOWN') return 'access_mode is required';
  if (!SINGLE_NODE_MODES.has(mode))
    return `access mode ${mode} is not supported: a Drivebay volume is attached to one server at a time (use a SINGLE_NODE_* mode)`;
  const fsType = type === 'mount' ? (capability.mount?.fs_type ?? '') : '';
  if (fsType && !(FILESYSTEMS as readonly string[]).includes(fsType))
    return `fs_type "${fsType}" is not supported: use ${FILESYSTEMS.join(' or ')}`;
  return undefined;
}

/** The capability, or INVALID_ARGUMENT naming the field and what is allowed. */
export function readCapability(capability: VolumeCapability | null | undefined, field: string): Access {
  const problem = capabilityProblem(capability);
  if (problem || !capability) throw invalid(`${field}: ${problem}`);
  const accessType = capability.access_type ?? (capability.block ? 'block' : 'mount');
  return {
    accessType,
    fsType: accessType === 'mount' ? (capability.mount?.fs_type ?? '') : '',
    mountFlags: accessType === 'mount' ? [...(capability.mount?.mount_flags ?? [])] : [],
    mode: capability.access_mode?.mode ?? 'UNKNOWN',
  };
}

/** Every capability of a list, which must not be empty. */
export function readCapabilities(capabilities: VolumeCapability[] | undefined, field: string): Access[] {
  if (!capabilities || capabilities.length === 0) throw invalid(`${field} is required (at least one)`);
  return capabilities.map((capability, i) => readCapability(capability, `${field}[${i}]`));
}
