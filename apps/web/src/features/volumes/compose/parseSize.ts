/** Bytes per unit; decimal (kB, GB) as vendors count, binary (KiB, GiB) as the API's slices do, and Kubernetes' G / Gi. */
const UNITS: Readonly<Record<string, number>> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  p: 1e15,
  pb: 1e15,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
  pi: 2 ** 50,
  pib: 2 ** 50,
};

const SIZE = /^(\d+(?:\.\d*)?|\.\d+)\s*([a-z]*)$/i;

export type SizeResult = { ok: true; bytes: number } | { ok: false; message: string };

/**
 * "2 TB" → 2,000,000,000,000; "500 GiB" → 536,870,912,000; "1.5TB", "100Gi" too. A unit is
 * required (a bare "500" is too easy to get wrong by a factor of 1,000). Rounds up to whole bytes.
 */
export function parseSize(text: string): SizeResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'is required, e.g. 500 GB or 2 TB' };
  const match = SIZE.exec(trimmed);
  if (!match) return { ok: false, message: 'should be a number and a unit, e.g. 500 GB, 2 TB or 100 GiB' };
  const [, number = '', unit = ''] = match;
  if (unit === '') return { ok: false, message: `needs a unit: ${number} GB? ${number} GiB? ${number} TB?` };
  const size = UNITS[unit.toLowerCase()];
  if (size === undefined)
    return { ok: false, message: `unknown unit “${unit}”; use kB, MB, GB, TB, PB or KiB … PiB` };
  const bytes = Math.ceil(Number(number) * size);
  if (bytes <= 0) return { ok: false, message: 'must be more than 0' };
  if (!Number.isSafeInteger(bytes)) return { ok: false, message: 'is too large' };
  return { ok: true, bytes };
}
