import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256, hex: what the store keeps of session cookies and token secrets. */
export function digestOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** 32 random bytes, base64url: a session cookie or a token secret. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
