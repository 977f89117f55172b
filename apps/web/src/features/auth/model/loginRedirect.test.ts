import { describe, expect, it } from 'vitest';
import { loginRedirect } from './loginRedirect';

describe('loginRedirect', () => {
  it('keeps the deep link of a first visit, with no notice', () => {
    expect(loginRedirect('/audit?actor=bob&result=denied', undefined)).toBe(
      '/login?next=%2Faudit%3Factor%3Dbob%26result%3Ddenied',
    );
  });

  it('keeps the deep link and says why when the session expired or the password changed', () => {
    expect(loginRedirect('/volumes/pvc-1', 'expired')).toBe('/login?next=%2Fvolumes%2Fpvc-1&reason=expired');
    expect(loginRedirect('/account', 'password-changed')).toBe(
      '/login?next=%2Faccount&reason=password-changed',
    );
  });

  it('drops the page after a deliberate sign-out', () => {
    expect(loginRedirect('/admin/users', 'signed-out')).toBe('/login?reason=signed-out');
  });
});
