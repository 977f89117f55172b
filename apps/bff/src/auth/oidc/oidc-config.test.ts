import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { loadOidcConfig, RoleMapSchema, roleForGroups } from './oidc-config.js';

const roleMap = (text: string) => RoleMapSchema.parse(text);

const valid = {
  OIDC_ISSUER: 'https://idp.example.com/realms/storage',
  OIDC_CLIENT_ID: 'drivebay',
  OIDC_CLIENT_SECRET: 's3cret-value',
  OIDC_REDIRECT_URL: 'https://drivebay.example.com/api/v1/auth/oidc/callback',
  OIDC_ROLE_MAP: 'storage-admins=admin,storage-ops=operator,*=viewer',
};

/** The message of the ConfigError that loading `values` throws. */
function errorOf(values: Record<string, string | undefined>): string {
  try {
    loadOidcConfig(values);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('roleForGroups', () => {
  const map = roleMap('storage-admins=admin,storage-ops=operator,*=viewer');

  it('grants the highest role among the groups, whatever their order', () => {
    expect(roleForGroups(['storage-ops', 'storage-admins'], map)).toBe('admin');
    expect(roleForGroups(['storage-admins', 'storage-ops'], map)).toBe('admin');
    expect(roleForGroups(['storage-ops', 'finance'], map)).toBe('operator');
  });

  it('gives every signed-in user the "*" role, and nothing without "*" or a match', () => {
    expect(roleForGroups([], map)).toBe('viewer');
    expect(roleForGroups(['finance'], map)).toBe('viewer');
    expect(roleForGroups(['finance'], roleMap('storage-ops=operator'))).toBeNull();
    expect(roleForGroups([], roleMap('storage-ops=operator'))).toBeNull();
  });

  it('matches group names exactly, never inherited object keys', () => {
    const strict = roleMap('Storage-Ops=operator');
    expect(roleForGroups(['storage-ops'], strict)).toBeNull();
    expect(roleForGroups(['constructor', 'toString', '__proto__'], strict)).toBeNull();
  });

  it('parses group names holding "=" or "/", ignoring spaces and empty entries', () => {
    expect([...roleMap(' cn=ops = operator , /storage/admins=admin,, *=viewer ')]).toEqual([
      ['cn=ops', 'operator'],
      ['/storage/admins', 'admin'],
      ['*', 'viewer'],
    ]);
  });
});

describe('loadOidcConfig', () => {
  it('is off without OIDC_ISSUER', () => {
    expect(loadOidcConfig({})).toBeUndefined();
    expect(loadOidcConfig({ OIDC_ISSUER: ' ', OIDC_CLIENT_ID: 'x' })).toBeUndefined();
  });

  it('fills the defaults', () => {
    const config = loadOidcConfig(valid);
    expect(config).toMatchObject({
      issuer: valid.OIDC_ISSUER,
      clientId: 'drivebay',
      clientSecret: 's3cret-value',
      scopes: ['openid', 'profile', 'email', 'groups'],
      usernameClaim: 'preferred_username',
      groupsClaim: 'groups',
      label: 'Single sign-on',
    });
    expect(config?.roleMap.get('*')).toBe('viewer');
    expect(loadOidcConfig({ ...valid, OIDC_CLIENT_SECRET: '' })?.clientSecret).toBeUndefined();
    expect(loadOidcConfig({ ...valid, OIDC_SCOPES: 'openid  email,groups' })?.scopes).toEqual([
      'openid',
      'email',
      'groups',
    ]);
  });

  it('names the variable and what is allowed', () => {
    expect(errorOf({ ...valid, OIDC_ISSUER: 'not a url' })).toMatch(/^OIDC_ISSUER: must be an absolute URL/);
    expect(errorOf({ ...valid, OIDC_ISSUER: 'http://idp.example.com' })).toBe(
      'OIDC_ISSUER: must be https:// (http:// only for localhost)',
    );
    expect(errorOf({ ...valid, OIDC_CLIENT_ID: undefined })).toBe('OIDC_CLIENT_ID: is required');
    expect(errorOf({ ...valid, OIDC_REDIRECT_URL: 'https://drivebay.example.com/callback' })).toMatch(
      /^OIDC_REDIRECT_URL: must end in \/api\/v1\/auth\/oidc\/callback/,
    );
    expect(errorOf({ ...valid, OIDC_SCOPES: 'profile email' })).toMatch(/^OIDC_SCOPES: must include openid/);
    expect(errorOf({ ...valid, OIDC_ROLE_MAP: undefined })).toMatch(/^OIDC_ROLE_MAP: is required, e\.g\. /);
    expect(errorOf({ ...valid, OIDC_ROLE_MAP: 'ops=root' })).toBe(
      'OIDC_ROLE_MAP: "ops=root" is not group=role (role: viewer, operator, admin)',
    );
    expect(errorOf({ ...valid, OIDC_ROLE_MAP: 'ops=admin,ops=viewer' })).toBe(
      'OIDC_ROLE_MAP: names group "ops" twice',
    );
    expect(errorOf({ ...valid, OIDC_LABEL: 'x'.repeat(61) })).toBe('OIDC_LABEL: is at most 60 characters');
  });

  it('never echoes the client secret in an error', () => {
    expect(errorOf({ ...valid, OIDC_ROLE_MAP: 'bad' })).not.toContain('s3cret-value');
  });
});
