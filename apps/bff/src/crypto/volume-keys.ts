import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const KEY_INFO = 'drivebay volume encryption key v1';

/**
 * Per-volume encryption keys derived from one site secret with HKDF (seed 002, slide 30:
 * keys derived from a customer-supplied secret). Only a key's id is ever stored or shown;
 * the key is derived again when a server agent needs it, and never leaves this object
 * except through `deriveKey`.
 */
export class VolumeKeys {
  private constructor(private readonly secret: Buffer) {}

  /**
   * The site secret comes from DRIVEBAY_SITE_SECRET (base64, ≥ 32 bytes) or a file under the
   * data dir created on first start, readable by the owner only.
   */
  static open(options: { secretFile: string; secretFromEnv?: string | undefined }): VolumeKeys {
    if (options.secretFromEnv) {
      const secret = Buffer.from(options.secretFromEnv, 'base64');
      if (secret.length < 32)
        throw new Error('DRIVEBAY_SITE_SECRET: must be at least 32 bytes, base64-encoded');
      return new VolumeKeys(secret);
    }
    if (!existsSync(options.secretFile)) {
      mkdirSync(dirname(options.secretFile), { recursive: true });
      writeFileSync(options.secretFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    return new VolumeKeys(Buffer.from(readFileSync(options.secretFile, 'utf8').trim(), 'base64'));
  }

  /** A stable, non-secret name for the volume's key (an HMAC, so it reveals nothing of the key). */
  keyIdFor(volumeId: string): string {
    return `kid-${createHmac('sha256', this.secret).update(`key-id:${volumeId}`).digest('hex').slice(0, 24)}`;
  }

  /** The volume's 256-bit key, for the key distribution channel to a server agent only. */
  deriveKey(volumeId: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.secret, Buffer.from(volumeId), KEY_INFO, 32));
  }
}
