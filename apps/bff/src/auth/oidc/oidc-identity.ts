import { type Role, UsernameSchema } from '@drivebay/api-types';
import { type OidcConfig, roleForGroups } from './oidc-config.js';
import { OidcLoginError } from './oidc-error.js';

/** Who signed in at the provider, and the role their groups grant (null: no access). */
export interface OidcIdentity {
  /** The provider's stable id of the user (`sub`); usernames may be renamed or reused, this may not. */
  subject: string;
  username: string;
  groups: string[];
  role: Role | null;
}

export type Claims = Readonly<Record<string, unknown>>;

/** A claim by exact name first (Auth0 names claims by URL, dots and all), else as a dotted path (Keycloak's realm_access.roles). */
export function claimAt(claims: Claims, name: string): unknown {
  // Own properties only: a claim named "constructor" must not find Object.prototype's.
  if (Object.hasOwn(claims, name)) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** Providers send groups as a list, or a single string when there is one. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.filter((group): group is string => typeof group === 'string');
}

/**
 * The configured claim, then email, then sub: the first that is a valid Drivebay username once
 * lowercased. An email the provider marks unverified is skipped, since anyone could have typed it.
 */
export function usernameFromClaims(claims: Claims, usernameClaim: string): string | undefined {
  for (const name of new Set([usernameClaim, 'email', 'sub'])) {
    if (name === 'email' && claims.email_verified === false) continue;
    const value = claimAt(claims, name);
    if (typeof value !== 'string') continue;
    const parsed = UsernameSchema.safeParse(value.trim().toLowerCase());
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** The identity of verified ID token (and userinfo) claims. */
export function identityFromClaims(
  claims: Claims,
  config: Pick<OidcConfig, 'usernameClaim' | 'groupsClaim' | 'roleMap'>,
): OidcIdentity {
  const subject = claims.sub;
  if (typeof subject !== 'string' || !subject) {
    throw new OidcLoginError('claims', 'the identity provider sent no subject');
  }
  const username = usernameFromClaims(claims, config.usernameClaim);
  if (!username) {
    throw new OidcLoginError(
      'claims',
      'the identity provider sent no usable username',
      `none of ${config.usernameClaim}, email, sub is a valid username`,
    );
  }
  const groups = groupsFromClaim(claimAt(claims, config.groupsClaim));
  return { subject, username, groups, role: roleForGroups(groups, config.roleMap) };
}
