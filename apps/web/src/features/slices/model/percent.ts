/**
 * A share (0..1) as a whole percent that never lies at the ends: a sliver reads "<1%", not
 * "0%", and an almost full SSD reads "99%", not "100%" (which means full).
 */
export function percent(share: number): string {
  if (share <= 0) return '0%';
  if (share >= 1) return '100%';
  if (share < 0.01) return '<1%';
  return `${Math.min(99, Math.round(share * 100))}%`;
}
