import { describe, expect, it } from 'vitest';
import { RoleMapSchema } from './oidc-config.js';
import { OidcLoginError } from './oidc-error.js';
import { claimAt, groupsFromClaim, identityFromClaims, usernameFromClaims } from './oidc-identity.js';

const config = {
  usernameClaim: 'preferred_username',
  groupsClaim: 'groups',
  roleMap: RoleMapSchema.parse('storage-admins=admin,storage-ops=operator'),
};

describe('usernameFromClaims', () => {
  it('takes the configured claim, lowercased', () => {
    expect(
      usernameFromClaims({ sub: 'x1', preferred_username: 'Alice', email: 'a@x.io' }, 'preferred_username'),
    ).toBe('alice');
  });

  it('falls back to a verified email, then sub, when the claim is missing or not a valid username', () => {
    expect(
      usernameFromClaims(
        { sub: 'x1', preferred_username: 'Alice Smith', email: 'A@x.io' },
        'preferred_username',
      ),
    ).toBe('a@x.io');
    expect(
      usernameFromClaims({ sub: 'x1', email: 'a@x.io', email_verified: false }, 'preferred_username'),
    ).toBe('x1');
    expect(usernameFromClaims({ sub: '!!' }, 'preferred_username')).toBeUndefined();
  });
});

describe('claims', () => {
  it('reads exact names first, then dotted paths, never prototype keys', () => {
    expect(claimAt({ 'https://x.io/groups': ['a'] }, 'https://x.io/groups')).toEqual(['a']);
    expect(claimAt({ realm_access: { roles: ['ops'] } }, 'realm_access.roles')).toEqual(['ops']);
    expect(claimAt({}, 'constructor')).toBeUndefined();
    expect(claimAt({ a: {} }, 'a.toString')).toBeUndefined();
  });

  it('accepts groups as a list or a single string', () => {
    expect(groupsFromClaim(['a', 7, 'b'])).toEqual(['a', 'b']);
    expect(groupsFromClaim('ops')).toEqual(['ops']);
    expect(groupsFromClaim(undefined)).toEqual([]);
  });
});

describe('identityFromClaims', () => {
  it('maps groups to a role', () => {
    const claims = { sub: 's-1', preferred_username: 'olga', groups: ['storage-ops', 'x'] };
    expect(identityFromClaims(claims, config)).toEqual({
      subject: 's-1',
      username: 'olga',
      groups: ['storage-ops', 'x'],
      role: 'operator',
    });
    expect(identityFromClaims({ sub: 's-2', groups: ['x'] }, config).role).toBeNull();
  });

  it('refuses claims without a subject', () => {
    expect(() => identityFromClaims({ preferred_username: 'olga' }, config)).toThrow(OidcLoginError);
  });
});
