const tbFormats = [0, 1, 2].map(
  (digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }),
);
const countFormat = new Intl.NumberFormat('en-US');

/** Decimal terabytes, as drive vendors count them: "3.84 TB", "16 TB", "1,395,776 TB". */
export function formatTB(bytes: number): string {
  const tb = bytes / 1e12;
  const digits = tb < 10 ? 2 : tb < 1000 ? 1 : 0;
  return `${(tbFormats[digits] as Intl.NumberFormat).format(tb)} TB`;
}

/** A count with thousands separators: 100000 -> "100,000". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** "1 drive", "2 drives", with thousands separators. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
