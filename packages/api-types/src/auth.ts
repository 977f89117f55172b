import { z } from 'zod';

/** viewer reads everything; operator also composes and runs volumes; admin also manages users and the site. */
export const RoleSchema = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Each role includes the ones before it. */
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

/** Whether `role` includes `needed`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/**
 * What an API token may do; each also needs its owner's role to allow it.
 * read: every GET; write: operator actions (volumes, incidents); admin: users, tokens, settings, faults.
 * Each includes the ones before it, as roles do: a write token (the CSI plugin's) reads what it changes.
 */
export const TokenScopeSchema = z.enum(['read', 'write', 'admin']);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

const SCOPE_RANK: Record<TokenScope, number> = { read: 0, write: 1, admin: 2 };

/** Whether a token's scopes cover what a route needs. */
export function scopesAllow(granted: readonly TokenScope[], needed: TokenScope): boolean {
  return granted.some((scope) => SCOPE_RANK[scope] >= SCOPE_RANK[needed]);
}

/** The scope a route needs follows from its role. */
export const scopeForRole: Record<Role, TokenScope> = { viewer: 'read', operator: 'write', admin: 'admin' };

/** Usernames: what people type, and safe in store keys and logs. */
export const UsernameSchema = z
  .string()
  .min(1, 'is required')
  .max(64, 'is at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'may hold a–z, 0–9 and . _ @ -, starting with a letter or digit');

/** NIST 800-63B: length, not composition rules. 12 characters at least. */
export const PasswordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters');

/** A user as the API shows it: never a password hash. */
export const UserSchema = z.object({
  username: z.string(),
  role: RoleSchema,
  /** local: password in the store; oidc: signs in through the identity provider. */
  source: z.enum(['local', 'oidc']),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Until when failed sign-ins keep the account locked, if they do. */
  lockedUntil: z.string().optional(),
});
export type User = z.infer<typeof UserSchema>;

export const LoginRequestSchema = z
  .object({ username: z.string().max(64), password: z.string().max(256) })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Who is signed in (GET /api/v1/auth/me, and the answer to a login). */
export const SessionInfoSchema = z.object({
  user: z.object({ username: z.string(), role: RoleSchema, source: z.enum(['local', 'oidc']) }),
  /** When the session ends whatever the activity (absolute limit). */
  expiresAt: z.string(),
  /** Idle timeout, in seconds: the session ends after this long without a request. */
  idleTimeoutSeconds: z.number().int().positive(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** GET /api/v1/auth/config: what the login page offers. Public. */
export const AuthConfigSchema = z.object({
  /** Sign in through an OpenID Connect provider at GET /api/v1/auth/oidc/login. */
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  /**
   * While the first admin's password file is still on the server: where it is, so the sign-in page
   * can say where to look. Null once it is gone (delete it after changing the password).
   */
  initialPasswordFile: z.string().nullable(),
});
export type AuthConfig = z.infer<typeof AuthConfigSchema>;

export const ChangePasswordRequestSchema = z
  .object({ currentPassword: z.string().max(256), newPassword: PasswordSchema })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/** POST /api/v1/users (admin). */
export const CreateUserRequestSchema = z
  .object({ username: UsernameSchema, role: RoleSchema, password: PasswordSchema })
  .strict();
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/** PATCH /api/v1/users/:username (admin): a new role and/or a password reset. Either ends the user's sessions. */
export const UpdateUserRequestSchema = z
  .object({ role: RoleSchema.optional(), password: PasswordSchema.optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.password !== undefined, { message: 'give role or password' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const UserListSchema = z.object({ users: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;

/** An API token as listed: never its secret. */
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  scopes: z.array(TokenScopeSchema),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().optional(),
  lastUsedAt: z.string().optional(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** POST /api/v1/tokens: a token for the caller, at most `expiresInDays` (default 90) long. */
export const CreateTokenRequestSchema = z
  .object({
    name: z.string().min(1, 'is required').max(100, 'is at most 100 characters'),
    scopes: z.array(TokenScopeSchema).min(1, 'needs at least one scope'),
    expiresInDays: z.number().int().min(1).max(366).default(90),
  })
  .strict();
export type CreateTokenRequest = z.input<typeof CreateTokenRequestSchema>;

/** The answer to creating a token: the only time its secret is shown. Use as `Authorization: Bearer <secret>`. */
export const CreatedTokenSchema = z.object({ token: ApiTokenSchema, secret: z.string() });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

export const TokenListSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type TokenList = z.infer<typeof TokenListSchema>;
