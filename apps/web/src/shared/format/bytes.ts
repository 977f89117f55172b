const UNITS = [
  { name: 'B', size: 1 },
  { name: 'kB', size: 1e3 },
  { name: 'MB', size: 1e6 },
  { name: 'GB', size: 1e9 },
  { name: 'TB', size: 1e12 },
  { name: 'PB', size: 1e15 },
  { name: 'EB', size: 1e18 },
] as const;

export type ByteUnit = (typeof UNITS)[number]['name'];

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Decimal units with one decimal, as drive vendors count: "100.9 GB", "44.8 TB", "1.3 EB".
 * Picks the largest unit the value reaches, never below `smallest` (the overview counts in
 * TB at least) nor above EB; rounding up to 1000 moves to the next unit ("1.0 PB").
 */
export function formatBytes(bytes: number, smallest: ByteUnit = 'B'): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return `0 ${smallest}`;
  const floor = UNITS.findIndex((unit) => unit.name === smallest);
  let index = floor;
  while (index < UNITS.length - 1 && bytes >= (UNITS[index + 1] as (typeof UNITS)[number]).size) index += 1;
  let unit = UNITS[index] as (typeof UNITS)[number];
  if (index < UNITS.length - 1 && Math.round((bytes / unit.size) * 10) / 10 >= 1000) {
    unit = UNITS[index + 1] as (typeof UNITS)[number];
  }
  if (unit.name === 'B') return `${whole.format(bytes)} B`;
  return `${oneDecimal.format(bytes / unit.size)} ${unit.name}`;
}

/** Slices are GiB-aligned and the API speaks GiB: "GiB 120–214 (94 GiB)". */
export function formatSliceExtent(slice: { offsetGiB: number; sizeGiB: number }): string {
  return `GiB ${whole.format(slice.offsetGiB)}–${whole.format(slice.offsetGiB + slice.sizeGiB)} (${whole.format(slice.sizeGiB)} GiB)`;
}

const tbFormats = [0, 1, 2].map(
  (digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }),
);

/** Decimal terabytes, as drive vendors count them: "3.84 TB", "16 TB", "1,395,776 TB". */
export function formatTB(bytes: number): string {
  const tb = bytes / 1e12;
  const digits = tb < 10 ? 2 : tb < 1000 ? 1 : 0;
  return `${(tbFormats[digits] as Intl.NumberFormat).format(tb)} TB`;
}
