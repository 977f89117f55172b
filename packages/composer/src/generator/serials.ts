import type { DriveModel } from './catalog.js';
import { hashString, type Random } from './random.js';

/** The part of a drive model that decides what its serials look like. */
export type SerialFormat = Pick<DriveModel, 'serialPrefix' | 'serialLength'>;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const RADIX = BigInt(ALPHABET.length);

// The character after the prefix is a production batch. A site is built from early batches and
// spares come from later ones, so a spare's serial can never equal one the site was built with.
const SITE_BATCHES = [...'ABCDEFGHJK'];
const SPARE_BATCHES = [...'RSTVWXYZ'];

function bodyLength(format: SerialFormat): number {
  return format.serialLength - format.serialPrefix.length - 1;
}

/** Mints serials for a generated site, never the same one twice. */
export function createSerialMint(random: Random): (format: SerialFormat) => string {
  const used = new Set<string>();
  return (format) => {
    for (;;) {
      let serial = format.serialPrefix + random.pick(SITE_BATCHES);
      for (let i = bodyLength(format); i > 0; i--) serial += ALPHABET[random.int(0, ALPHABET.length - 1)];
      if (used.has(serial)) continue;
      used.add(serial);
      return serial;
    }
  };
}

/**
 * The serial of the spare that replaces `failedSerial`. The body is an affine permutation of
 * `sequence`, so distinct sequences (under one seed and format) give distinct serials.
 */
export function spareSerial(
  format: SerialFormat,
  failedSerial: string,
  sequence: number,
  seed: number,
): string {
  const length = bodyLength(format);
  const space = RADIX ** BigInt(length);
  if (!Number.isSafeInteger(sequence) || sequence < 0 || BigInt(sequence) >= space) {
    throw new RangeError(`spare sequence ${sequence} is outside 0..${space - 1n}`);
  }
  const mixed = BigInt(hashString(`${seed}:${format.serialPrefix}`));
  // Not divisible by 2 or 3, so coprime with 36^length: the map below is a bijection.
  const multiplier = (mixed * 6n + 1n + (space / 7n) * 6n) % space;
  const offset = BigInt(hashString(`${format.serialPrefix}:${seed}`)) % space;
  let value = (multiplier * BigInt(sequence) + offset) % space;
  let body = '';
  for (let i = 0; i < length; i++) {
    body = ALPHABET[Number(value % RADIX)] + body;
    value /= RADIX;
  }
  const first = hashString(`${failedSerial}:${seed}`) % SPARE_BATCHES.length;
  for (let i = 0; i < SPARE_BATCHES.length; i++) {
    const serial = format.serialPrefix + SPARE_BATCHES[(first + i) % SPARE_BATCHES.length] + body;
    if (serial !== failedSerial) return serial;
  }
  throw new Error('unreachable: spare batches differ from each other');
}
