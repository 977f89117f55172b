import { RoleSchema, TokenScopeSchema } from '@drivebay/api-types';
import { z } from 'zod';

/** The store's auth keys. Values under them never reach a browser (the live feed skips them). */
export const authKeys = {
  user: (username: string) => `users/${username}`,
  session: (digest: string) => `sessions/${digest}`,
  token: (id: string) => `tokens/${id}`,
  accountFailures: (username: string) => `auth-failures/account/${username}`,
  addressFailures: (address: string) => `auth-failures/address/${address}`,
  audit: (id: string) => `audit/${id}`,
} as const;

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
