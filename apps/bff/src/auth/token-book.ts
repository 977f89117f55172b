import { randomBytes } from 'node:crypto';
import type { ApiToken, TokenScope } from '@drivebay/api-types';
import type { AuditTrail } from '../audit/audit-trail.js';
import type { Clock } from '../clock.js';
import { CommandError } from '../commands/errors.js';
import type { JsonValue, StateStore } from '../store/types.js';
import { digestOf, randomSecret, sameDigest } from './digest.js';
import { authKeys, type TokenRecord, TokenRecordSchema } from './records.js';

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
      compare: [{ key: authKeys.token(id), modRevision: 0 }],
      operations: [{ type: 'put', key: authKeys.token(id), value: record as unknown as JsonValue }],
    });
    return { token: publicToken(record), secret };
  }

  /** The live token a bearer secret names, or undefined (unknown, wrong secret, revoked, expired). */
  async resolve(secret: string): Promise<TokenRecord | undefined> {
    const match = TOKEN_FORMAT.exec(secret);
    if (!match?.[1]) return undefined;
    const entry = await this.store.get(authKeys.token(match[1]));
    if (!entry) return undefined;
    const record = TokenRecordSchema.parse(entry.value);
    if (!sameDigest(record.secretDigest, digestOf(secret))) return undefined;
    if (record.revokedAt || Date.parse(record.expiresAt) <= this.clock.now().getTime()) return undefined;
    return record;
  }

  /** Whether a token is still usable (not revoked, not expired): sockets opened with it stay open while so. */
  async isLive(id: string): Promise<boolean> {
    const entry = await this.store.get(authKeys.token(id));
    if (!entry) return false;
    const record = TokenRecordSchema.parse(entry.value);
    return !record.revokedAt && Date.parse(record.expiresAt) > this.clock.now().getTime();
  }

  async list(owner?: string): Promise<ApiToken[]> {
    const { entries } = await this.store.range('tokens/');
    return entries
      .map((e) => TokenRecordSchema.parse(e.value))
      .filter((t) => owner === undefined || t.owner === owner)
      .map(publicToken);
  }

  /** Revokes a token (idempotent); only its owner or an admin may. */
  async revoke(id: string, by: { username: string; admin: boolean }): Promise<void> {
    const entry = await this.store.get(authKeys.token(id));
    const record = entry ? TokenRecordSchema.parse(entry.value) : undefined;
    if (!entry || !record || (record.owner !== by.username && !by.admin)) {
      throw new CommandError('NOT_FOUND', `no token ${id} of yours`, 'params.id');
    }
    if (record.revokedAt) return;
    const revoked = { ...record, revokedAt: this.clock.now().toISOString() };
    const outcome = await this.audit.commit({
      compare: [{ key: entry.key, modRevision: entry.modRevision }],
      operations: [{ type: 'put', key: entry.key, value: revoked as unknown as JsonValue }],
    });
    if (!outcome.succeeded) throw new CommandError('ABORTED', `token ${id} changed meanwhile; retry`);
  }
}

function publicToken(record: TokenRecord): ApiToken {
  const { secretDigest: _digest, ...token } = record;
  return token;
}
