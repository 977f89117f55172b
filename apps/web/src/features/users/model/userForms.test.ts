import type { User } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { checkNewUser, checkPassword, lockedUntil } from './userForms';

const user = (lockedUntil?: string): User => ({
  username: 'bob',
  role: 'viewer',
  source: 'local',
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  ...(lockedUntil ? { lockedUntil } : {}),
});

describe('checkNewUser', () => {
  it('trims the username and accepts a valid user', () => {
    expect(checkNewUser({ username: ' bob ', role: 'operator', password: 'twelve chars!' })).toEqual({
      ok: true,
      value: { username: 'bob', role: 'operator', password: 'twelve chars!' },
    });
  });

  it('puts each problem beside its field', () => {
    const result = checkNewUser({ username: 'Bob!', role: 'viewer', password: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['password', 'username']);
    expect(result.errors.password).toBe('must be at least 12 characters');
  });
});

describe('checkPassword', () => {
  it('needs 12 characters', () => {
    expect(checkPassword('123456789012')).toEqual({ ok: true, value: '123456789012' });
    expect(checkPassword('x')).toEqual({ ok: false, errors: { password: 'must be at least 12 characters' } });
  });
});

describe('lockedUntil', () => {
  const now = Date.parse('2030-01-01T12:00:00Z');

  it('shows a lock that has not run out', () => {
    expect(lockedUntil(user('2030-01-01T12:15:00Z'), now)).toBe('2030-01-01T12:15:00Z');
  });

  it('hides a lock that has run out, and the absence of one', () => {
    expect(lockedUntil(user('2030-01-01T11:00:00Z'), now)).toBeUndefined();
    expect(lockedUntil(user(), now)).toBeUndefined();
  });
});
