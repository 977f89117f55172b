import { SelectorError } from './label-selector.js';
import { readPath, readString } from './object-path.js';
import type { KubeObject } from './types.js';

/** One `path=value` or `path!=value` term of a field selector. */
export interface FieldRequirement {
  path: string;
  value: string;
  negated: boolean;
}

const TERM = /^([A-Za-z0-9_.]+)\s*(==|!=|=)\s*(.*)$/;

/**
 * Parses `spec.nodeName=n1,status.phase!=Running`; like the apiserver it only accepts the fields
 * each kind indexes (`allowed`, plus metadata.name and metadata.namespace).
 */
export function parseFieldSelector(text: string, allowed: readonly string[]): FieldRequirement[] {
  if (text.trim() === '') return [];
  const known = ['metadata.name', 'metadata.namespace', ...allowed];
  return text.split(',').map((raw) => {
    const term = TERM.exec(raw.trim());
    if (!term) throw new SelectorError(`invalid selector: '${text}'; can't understand '${raw}'`);
    const path = term[1]!;
    if (!known.includes(path))
      throw new SelectorError(
        `field label not supported: ${path} (only ${known.map((k) => `"${k}"`).join(', ')})`,
      );
    return { path, value: term[3]!.trim(), negated: term[2] === '!=' };
  });
}

/** True when every term holds; a missing field reads as '' (so `spec.nodeName=` finds unscheduled pods). */
export function matchesFields(requirements: FieldRequirement[], object: KubeObject): boolean {
  return requirements.every((req) => (fieldValue(object, req.path) === req.value) !== req.negated);
}

// Boolean fields the apiserver converts from Go values, so an absent one reads as "false".
const BOOLEAN_FIELDS = new Set(['spec.unschedulable', 'spec.hostNetwork']);

/** The string form of a dotted field of an object, '' when absent. */
export function fieldValue(object: KubeObject, path: string): string {
  // The events `source` field selects on source.component, as the apiserver's field set does.
  if (path === 'source') return readString(object, 'source.component');
  const value = readPath(object, path);
  if (value === undefined && BOOLEAN_FIELDS.has(path)) return 'false';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : readString(object, path);
}
