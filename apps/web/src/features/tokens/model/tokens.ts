import {
  type ApiToken,
  type CreateTokenRequest,
  CreateTokenRequestSchema,
  ROLES,
  type Role,
  roleAllows,
  scopeForRole,
  type TokenScope,
} from '@drivebay/api-types';
import { type FieldErrors, issueFieldErrors } from '../../../shared/api/fieldErrors';

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** Whether the token still works at `now`. */
export function tokenStatus(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

/** The scopes a token of a user with `role` can use: each also needs the owner's role. */
export function usableScopes(role: Role): TokenScope[] {
  return ROLES.filter((r) => roleAllows(role, r)).map((r) => scopeForRole[r]);
}

/** The role a scope needs its owner to have. */
export function roleForScope(scope: TokenScope): Role {
  return ROLES.find((role) => scopeForRole[role] === scope) ?? 'admin';
}

/** What the new-token form holds. */
export interface NewTokenInput {
  name: string;
  scopes: readonly TokenScope[];
  /** As typed. */
  expiresInDays: string;
}

/** The request to send, or messages by field, by the API's own schema. */
export function checkNewToken(
  input: NewTokenInput,
): { ok: true; request: CreateTokenRequest } | { ok: false; errors: FieldErrors } {
  const days = input.expiresInDays.trim();
  const parsed = CreateTokenRequestSchema.safeParse({
    name: input.name.trim(),
    scopes: [...input.scopes],
    expiresInDays: days === '' ? undefined : Number(days),
  });
  if (parsed.success) return { ok: true, request: parsed.data };
  const errors = { ...issueFieldErrors(parsed.error.issues) };
  if (errors.expiresInDays) errors.expiresInDays = 'must be a whole number of days from 1 to 366';
  return { ok: false, errors };
}
