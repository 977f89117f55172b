import { RoleSchema, TokenScopeSchema } from '@drivebay/api-types';
import { z } from 'zod';

/**
 * Stored records that are not domain state and so have no shape in api-types: users, sessions,
 * tokens, lockout counters and leases. Their values never reach a browser.
 */

/** A user as stored: the password only as a scrypt hash. */
export const UserRecordSchema = z.object({
  username: z.string(),
  role: RoleSchema,
  source: z.enum(['local', 'oidc']),
  passwordHash: z.string().optional(),
  /** For OIDC users: the provider's stable subject; a reused username with another subject is refused. */
  subject: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserRecord = z.infer<typeof UserRecordSchema>;

/** A session, stored under the SHA-256 of its cookie value so a copy of the store opens none. */
export const SessionRecordSchema = z.object({
  username: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The absolute limit: the session ends then, whatever the activity. */
  expiresAt: z.string(),
  address: z.string(),
});
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** An API token: only the SHA-256 of its secret is kept. */
export const TokenRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  scopes: z.array(TokenScopeSchema),
  secretDigest: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
  lastUsedAt: z.string().optional(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

/** Failed sign-ins of an account (consecutive) or an address (within a window). */
export const FailureRecordSchema = z.object({
  count: z.number().int().nonnegative(),
  /** Start of the counting window (addresses) or of the run of failures (accounts). */
  since: z.string(),
  lockedUntil: z.string().optional(),
});
export type FailureRecord = z.infer<typeof FailureRecordSchema>;

/** A singleton's lease: who holds it, and until when unless renewed. */
export const LeaseRecordSchema = z.object({
  holder: z.string().min(1),
  renewedAt: z.iso.datetime(),
  ttlMs: z.number().int().positive(),
});
export type LeaseRecord = z.infer<typeof LeaseRecordSchema>;
