/** Row letters as racks are labelled on the floor: 0 → a, 25 → z, 26 → aa. */
export function rowLetters(row: number): string {
  let letters = '';
  for (let n = row + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(97 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Two-digit, one-based label: 0 → "01". */
export function twoDigits(index: number): string {
  return String(index + 1).padStart(2, '0');
}

/** A rack's short code from its place on the floor: row 0, position 0 → "a01". */
export function rackCode(row: number, position: number): string {
  return `${rowLetters(row)}${twoDigits(position)}`;
}

/** A drive's id: its serial, lowercased (serials are unique, ids must be lowercase). */
export function driveId(serial: string): string {
  return `drv-${serial.toLowerCase()}`;
}
