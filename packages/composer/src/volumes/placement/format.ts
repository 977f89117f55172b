/**
 * Figures as operators read them in explanations and errors: drives are sold in decimal units
 * ("3.84 TB"), slices are carved in binary ones ("100 GiB"). Locale-free so that output is stable.
 */

const UNITS: readonly [number, string][] = [
  [1e15, 'PB'],
  [1e12, 'TB'],
  [1e9, 'GB'],
  [1e6, 'MB'],
];

/** Decimal bytes with at most two decimals: 3840000000000 → "3.84 TB". */
export function formatBytes(bytes: number): string {
  for (const [size, unit] of UNITS) {
    if (bytes >= size) return `${trim(bytes / size)} ${unit}`;
  }
  return `${bytes} B`;
}

/** Whole GiB with thousands separators: 14305 → "14,305 GiB". */
export function formatGiB(giB: number): string {
  return `${formatCount(giB)} GiB`;
}

/** An integer with thousands separators: 61234 → "61,234". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "1 drive", "3 drives": counts in messages read naturally. */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** A share as a percentage with one decimal: 0.0312 → "3.1%". */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function trim(n: number): string {
  return String(Number(n.toFixed(2)));
}
