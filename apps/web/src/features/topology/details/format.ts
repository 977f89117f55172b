const tbFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('en-US');

/** Decimal terabytes, as drive vendors count them: 16000000000000 -> "16 TB". */
export function formatTB(bytes: number): string {
  return `${tbFormat.format(bytes / 1e12)} TB`;
}

/** A count with thousands separators: 100000 -> "100,000". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** "1 drive", "2 drives", with thousands separators. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
