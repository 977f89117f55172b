import { describe, expect, it } from 'vitest';
import { safeNext } from './oidc-login.js';
import { MemoryPendingLogins } from './pending-logins.js';

describe('safeNext', () => {
  it('keeps same-site paths', () => {
    expect(safeNext('/volumes?site=a#x')).toBe('/volumes?site=a#x');
    expect(safeNext('/')).toBe('/');
  });

  it('sends anything that could leave the site to /', () => {
    for (const next of [
      undefined,
      '',
      'volumes',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
    ]) {
      expect(safeNext(next), String(next)).toBe('/');
    }
    expect(safeNext('/\t/evil.example')).toBe('/');
    expect(safeNext(`/${'a'.repeat(3000)}`)).toBe('/');
  });
});

describe('MemoryPendingLogins', () => {
  const pending = (expiresAt: number) => ({ codeVerifier: 'v', nonce: 'n', next: '/', expiresAt });

  it('hands each state out once', async () => {
    const store = new MemoryPendingLogins();
    await store.put('s1', pending(Date.now() + 1000));
    expect(await store.take('s1')).toMatchObject({ next: '/' });
    expect(await store.take('s1')).toBeUndefined();
  });

  it('stays bounded: drops expired sign-ins, then the oldest', async () => {
    let now = 0;
    const store = new MemoryPendingLogins(2, () => now);
    await store.put('old', pending(10));
    now = 20;
    await store.put('a', pending(100));
    expect(store.size).toBe(1);
    await store.put('b', pending(100));
    await store.put('c', pending(100));
    expect(store.size).toBe(2);
    expect(await store.take('a')).toBeUndefined();
    expect(await store.take('c')).toBeDefined();
  });
});
