const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

/**
 * Bytes as the quantity the external-provisioner writes on a PV (`resource.NewQuantity(bytes,
 * BinarySI)`): the largest binary unit that divides it exactly, else plain bytes.
 * 2.4 TB is 2343750000Ki; 500 GiB is 500Gi.
 */
export function binaryQuantity(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (unit < BINARY_SUFFIXES.length - 1 && value >= 1024 && value % 1024 === 0) {
    value /= 1024;
    unit += 1;
  }
  return `${value}${BINARY_SUFFIXES[unit]}`;
}
