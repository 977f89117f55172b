import { randomBytes } from 'node:crypto';
import type { ApiToken, TokenScope } from '@drivebay/api-types';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { CommandError } from '../commands/errors.js';
import { keyOf, putRecord } from '../state/collections.js';
import { getRecord, listRecords } from '../state/record-reads.js';
import type { TokenRecord } from '../state/records.js';
import type { StateStore } from '../store/types.js';
import { digestOf, randomSecret, sameDigest } from './digest.js';

const DAY_MS = 86_400_000;
const TOKEN_FORMAT = /^dbt_(tok-[0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/**
 * API tokens for automation: `dbt_<id>_<secret>`, sent as `Authorization: Bearer`. The id finds
 * the record; only the secret's SHA-256 is stored, so a copy of the store opens nothing.
 */
export class TokenBook {
  constructor(
    private readonly store: StateStore,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(owner: string, name: string, scopes: TokenScope[], days: number) {
    const id = `tok-${randomBytes(6).toString('hex')}`;
    const secret = `dbt_${id}_${randomSecret()}`;
    const now = this.clock.now();
    const record: TokenRecord = {
      id,
      name,
      owner,
      scopes: [...new Set(scopes)],
      secretDigest: digestOf(secret),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
    };
    await this.audit.commit({
      compare: [{ key: keyOf('tokens', id), modRevision: 0 }],
      operations: [putRecord('tokens', id, record)],
    });
    return { token: publicToken(record), secret };
  }

  /** The live token a bearer secret names, or undefined (unknown, wrong secret, revoked, expired). */
  async resolve(secret: string): Promise<TokenRecord | undefined> {
    const match = TOKEN_FORMAT.exec(secret);
    if (!match?.[1]) return undefined;
    const record = (await getRecord(this.store, 'tokens', match[1]))?.value;
    if (!record) return undefined;
    if (!sameDigest(record.secretDigest, digestOf(secret))) return undefined;
    if (record.revokedAt || Date.parse(record.expiresAt) <= this.clock.now().getTime()) return undefined;
    return record;
  }

  /** Whether a token is still usable (not revoked, not expired): sockets opened with it stay open while so. */
  async isLive(id: string): Promise<boolean> {
    const record = (await getRecord(this.store, 'tokens', id))?.value;
    if (!record) return false;
    return !record.revokedAt && Date.parse(record.expiresAt) > this.clock.now().getTime();
  }

  async list(owner?: string): Promise<ApiToken[]> {
    return (await listRecords(this.store, 'tokens'))
      .map((r) => r.value)
      .filter((t) => owner === undefined || t.owner === owner)
      .map(publicToken);
  }

  /** Revokes a token (idempotent); only its owner or an admin may. */
  async revoke(id: string, by: { username: string; admin: boolean }): Promise<void> {
    const entry = await getRecord(this.store, 'tokens', id);
    const record = entry?.value;
    if (!entry || !record || (record.owner !== by.username && !by.admin)) {
      throw new CommandError('NOT_FOUND', `no token ${id} of yours`, 'params.id');
    }
    if (record.revokedAt) return;
    const revoked = { ...record, revokedAt: this.clock.now().toISOString() };
    const outcome = await this.audit.commit({
      compare: [{ key: entry.key, modRevision: entry.modRevision }],
      operations: [putRecord('tokens', id, revoked)],
    });
    if (!outcome.succeeded) throw new CommandError('ABORTED', `token ${id} changed meanwhile; retry`);
  }
}

function publicToken(record: TokenRecord): ApiToken {
  const { secretDigest: _digest, ...token } = record;
  return token;
}
