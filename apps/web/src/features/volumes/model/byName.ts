import type { Volume } from '@drivebay/api-types';

/** The server's list order: by name, in code-unit order (names are lowercase ids), then id. */
export function compareByName(a: Volume, b: Volume): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
}

/** Whether `list` is already in name order; O(n), so a sort can be skipped. */
export function isSortedByName(list: readonly Volume[]): boolean {
  for (let i = 1; i < list.length; i++) {
    if (compareByName(list[i - 1] as Volume, list[i] as Volume) > 0) return false;
  }
  return true;
}

/** Merges two name-ordered lists into one. */
export function mergeByName(a: readonly Volume[], b: readonly Volume[]): Volume[] {
  const out: Volume[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as Volume;
    const right = b[j] as Volume;
    if (compareByName(left, right) <= 0) {
      out.push(left);
      i += 1;
    } else {
      out.push(right);
      j += 1;
    }
  }
  while (i < a.length) out.push(a[i++] as Volume);
  while (j < b.length) out.push(b[j++] as Volume);
  return out;
}
