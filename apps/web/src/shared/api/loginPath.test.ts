import { describe, expect, it } from 'vitest';
import { loginPath, parseLoginReason, safeNext } from './loginPath';

describe('loginPath', () => {
  it('keeps the deep link, query string included', () => {
    expect(loginPath('/volumes?health=failed&sort=name')).toBe(
      '/login?next=%2Fvolumes%3Fhealth%3Dfailed%26sort%3Dname',
    );
  });

  it('adds the reason after the link', () => {
    expect(loginPath('/audit?actor=bob', 'expired')).toBe(
      '/login?next=%2Faudit%3Factor%3Dbob&reason=expired',
    );
  });

  it('leaves out a next of "/" and of the login page itself', () => {
    expect(loginPath('/')).toBe('/login');
    expect(loginPath('/login?next=%2Fvolumes')).toBe('/login');
    expect(loginPath(undefined, 'signed-out')).toBe('/login?reason=signed-out');
  });

  it('round-trips through URLSearchParams', () => {
    const next = '/volumes/pvc-a?tab=layout#events';
    const params = new URL(loginPath(next), 'https://console.example').searchParams;
    expect(safeNext(params.get('next'))).toBe(next);
  });
});

describe('safeNext', () => {
  it('accepts paths in this app', () => {
    expect(safeNext('/admin/users')).toBe('/admin/users');
  });

  it('refuses other origins and odd paths, falling back to the overview', () => {
    for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'volumes', '', null]) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});

describe('parseLoginReason', () => {
  it('knows the three reasons and nothing else', () => {
    expect(parseLoginReason('password-changed')).toBe('password-changed');
    expect(parseLoginReason('hacked')).toBeUndefined();
    expect(parseLoginReason(null)).toBeUndefined();
  });
});
