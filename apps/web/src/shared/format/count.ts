const countFormat = new Intl.NumberFormat('en-US');

/** A count with thousands separators: 100000 -> "100,000". */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** "1 drive", "2 drives", with thousands separators. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
