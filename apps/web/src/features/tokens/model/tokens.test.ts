import type { ApiToken } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { checkNewToken, roleForScope, tokenStatus, usableScopes } from './tokens';

const token = (patch: Partial<ApiToken> = {}): ApiToken => ({
  id: 'tok-1',
  name: 'ci',
  owner: 'alice',
  scopes: ['read'],
  createdAt: '2030-01-01T00:00:00Z',
  expiresAt: '2030-04-01T00:00:00Z',
  ...patch,
});

describe('tokenStatus', () => {
  const now = Date.parse('2030-02-01T00:00:00Z');

  it('is active until it expires', () => {
    expect(tokenStatus(token(), now)).toBe('active');
    expect(tokenStatus(token({ expiresAt: '2030-01-15T00:00:00Z' }), now)).toBe('expired');
  });

  it('says revoked over expired', () => {
    expect(
      tokenStatus(token({ revokedAt: '2030-01-02T00:00:00Z', expiresAt: '2030-01-03T00:00:00Z' }), now),
    ).toBe('revoked');
  });
});

describe('scopes', () => {
  it('offers the scopes the role can use', () => {
    expect(usableScopes('viewer')).toEqual(['read']);
    expect(usableScopes('operator')).toEqual(['read', 'write']);
    expect(usableScopes('admin')).toEqual(['read', 'write', 'admin']);
  });

  it('knows the role each scope needs', () => {
    expect(roleForScope('write')).toBe('operator');
  });
});

describe('checkNewToken', () => {
  it('defaults the expiry to 90 days', () => {
    expect(checkNewToken({ name: ' ci ', scopes: ['read'], expiresInDays: '' })).toEqual({
      ok: true,
      request: { name: 'ci', scopes: ['read'], expiresInDays: 90 },
    });
  });

  it('names what is missing or out of range', () => {
    const result = checkNewToken({ name: '', scopes: [], expiresInDays: '400' });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: 'is required',
        scopes: 'needs at least one scope',
        expiresInDays: 'must be a whole number of days from 1 to 366',
      },
    });
  });
});
