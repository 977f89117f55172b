/** Kubernetes quantities as PVCs and StorageClasses write them, in bytes. */
const SUFFIXES: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
};

/** A Kubernetes quantity ("10Gi", "500M", "1e9") in bytes; null when it is not one. */
export function quantityBytes(quantity: string): number | null {
  const match = /^([0-9]+(?:\.[0-9]+)?(?:[eE][0-9]+)?)([kMGTP]i?|Ki)?$/.exec(quantity);
  if (!match) return null;
  const factor = SUFFIXES[match[2] ?? ''];
  if (factor === undefined) return null;
  return Math.ceil(Number(match[1]) * factor);
}
