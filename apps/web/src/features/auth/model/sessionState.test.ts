import type { SessionInfo } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/apiError';
import { loginErrorText, loginNotice } from './loginMessages';
import { endSession, mergeSession, SIGNED_OUT, sessionAllows, signedIn } from './sessionState';

const info = (role: SessionInfo['user']['role']): SessionInfo => ({
  user: { username: 'alice', role, source: 'local' },
  expiresAt: '2030-01-01T00:00:00Z',
  idleTimeoutSeconds: 1800,
});

describe('session state', () => {
  it('says a session that was there has expired', () => {
    expect(endSession(signedIn(info('viewer')))).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it('keeps the reason of a session that was already ended', () => {
    const out = endSession(signedIn(info('viewer')), 'password-changed');
    expect(endSession(out)).toBe(out);
    expect(mergeSession(out, SIGNED_OUT)).toBe(out);
  });

  it('gives no reason when nobody was signed in', () => {
    expect(mergeSession(undefined, SIGNED_OUT)).toEqual(SIGNED_OUT);
  });

  it('takes a fresh session as it is', () => {
    const fresh = signedIn(info('admin'));
    expect(mergeSession(SIGNED_OUT, fresh)).toBe(fresh);
  });

  it('allows what the role includes, and nothing when signed out', () => {
    expect(sessionAllows(signedIn(info('operator')), 'viewer')).toBe(true);
    expect(sessionAllows(signedIn(info('operator')), 'operator')).toBe(true);
    expect(sessionAllows(signedIn(info('operator')), 'admin')).toBe(false);
    expect(sessionAllows(SIGNED_OUT, 'viewer')).toBe(false);
    expect(sessionAllows(undefined, 'viewer')).toBe(false);
  });
});

describe('login messages', () => {
  it('tells a wrong password from a lockout', () => {
    const wrong = new ApiError('UNAUTHENTICATED', 'wrong username or password', { status: 401 });
    const locked = new ApiError(
      'RESOURCE_EXHAUSTED',
      'too many failed sign-ins: alice is locked until 2030-01-01T10:15:00Z; try again then',
      { status: 429 },
    );
    expect(loginErrorText(wrong)).toMatch(/^Wrong username or password/);
    expect(loginErrorText(locked)).toMatch(/^Locked out — too many failed sign-ins/);
    expect(loginErrorText(locked)).toContain('locked until 2030-01-01T10:15:00Z');
  });

  it('says when the server cannot be reached', () => {
    expect(loginErrorText(new ApiError('NETWORK', 'x'))).toMatch(/Could not reach/);
  });

  it('has a notice for each reason', () => {
    expect(loginNotice('password-changed')).toBe('Password changed; sign in again.');
    expect(loginNotice('expired')).toMatch(/session ended/);
    expect(loginNotice(undefined)).toBeUndefined();
  });
});
