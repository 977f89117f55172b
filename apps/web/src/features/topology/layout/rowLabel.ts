/**
 * A data-centre row's label: row 0 → "Row A", 25 → "Row Z", 26 → "Row AA". Follows the site's
 * convention of lettering rows from A, the letter rack names start with ("Rack A01" stands in
 * row 0), so the map and the floor use the same words.
 */
export function rowLabel(row: number): string {
  if (!Number.isInteger(row) || row < 0) return `Row ${row}`;
  return `Row ${rowLetters(row)}`;
}

/** Bijective base-26 letters, as spreadsheet columns: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA. */
export function rowLetters(row: number): string {
  let letters = '';
  for (let n = row + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
