import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeDir, startTestApp } from '../testing/test-app.js';
import { bootstrapAdmin } from './bootstrap.js';
import { DEFAULT_PASSWORD_COST, generatePassword, hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with scrypt, salted, self-describing, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery', 2 ** 10);
    const b = await hashPassword('correct horse battery', 2 ** 10);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });

  it('defaults to OWASP’s scrypt cost', () => {
    expect(DEFAULT_PASSWORD_COST).toBeGreaterThanOrEqual(2 ** 17);
  });

  it('generates long random passwords', () => {
    const passwords = new Set(Array.from({ length: 100 }, generatePassword));
    expect(passwords.size).toBe(100);
    for (const p of passwords) expect(p.length).toBeGreaterThanOrEqual(24);
  });
});

describe('first start', () => {
  it('creates admin with a random password in an owner-only file, once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drivebay-bootstrap-'));
    const t = await startTestApp({ dataDir });
    try {
      // The test app already has users: not a first start.
      expect(await bootstrapAdmin(t.app.security.users, dataDir)).toBeUndefined();
      for (const u of await t.app.security.users.list()) {
        if (u.username !== 'ada') await t.app.security.users.remove(u.username);
      }
      // With no users at all, it is.
      await t.store.txn({ operations: [{ type: 'delete', key: 'users/ada' }] });
      const admin = await bootstrapAdmin(t.app.security.users, dataDir);
      expect(admin?.username).toBe('admin');
      expect(readFileSync(admin!.file, 'utf8').trim()).toBe(admin!.password);
      expect(statSync(admin!.file).mode & 0o777).toBe(0o600);
      const login = await fetch(`${t.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'drivebay' },
        body: JSON.stringify({ username: 'admin', password: admin!.password }),
      });
      expect(login.status).toBe(200);
      expect(await bootstrapAdmin(t.app.security.users, dataDir)).toBeUndefined();
    } finally {
      await t.stop();
      removeDir(dataDir);
    }
  });
});
