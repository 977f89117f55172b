import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, usage } from './config.js';

const mistake = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    loadConfig(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('flags and environment', () => {
  it('says what was given, where, and what is allowed, in one line', () => {
    expect(mistake(['--port', 'abc'])).toBe(
      '--port "abc": not allowed; give a port number from 0 to 65535 (0: any free port); see `npm start -- --help`',
    );
    expect(mistake([], { PORT: 'abc' })).toMatch(
      /^PORT="abc" \(environment\): not allowed; give a port number/,
    );
    expect(mistake(['--scale', 'huge'])).toMatch(/^--scale "huge": not allowed; give small or large;/);
    for (const message of [mistake(['--port', 'abc']), mistake(['--colour', 'red'])])
      expect(message.split('\n')).toHaveLength(1);
  });

  it('reads numbers as digits only: no hex, exponent or blanks coerced', () => {
    for (const text of ['0x10', '1e3', ' 80', '80.5', '-1', ''])
      expect(mistake(['--port', text])).toMatch(/^--port/);
    expect(loadConfig(['--port', '9000'], {}).port).toBe(9000);
  });

  it('lets a flag win over its variable, and the variable over the default', () => {
    expect(loadConfig(['--port', '9000'], { PORT: '7000' }).port).toBe(9000);
    expect(loadConfig([], { PORT: '7000' }).port).toBe(7000);
    expect(loadConfig([], {}).port).toBe(8080);
  });

  it('names unknown flags, missing values and stray words plainly', () => {
    expect(mistake(['--colour', 'red'])).toBe('--colour: no such flag; see `npm start -- --help`');
    expect(mistake(['--port'])).toBe('--port: needs a value; see `npm start -- --help`');
    expect(mistake(['start'])).toBe('start: not a flag (flags start with --); see `npm start -- --help`');
  });
});

describe('usage', () => {
  it('aligns every row and never prints an empty default', () => {
    const text = usage();
    expect(text).not.toContain('(default: )');
    expect(text).not.toContain('(default )');
    const rows = text.split('\n').filter((l) => l.startsWith('  --'));
    expect(rows.length).toBeGreaterThan(20);
    // Every row's help starts at the same column as the header's "meaning".
    const header = text.split('\n').find((l) => l.includes('meaning')) ?? '';
    const column = header.indexOf('meaning');
    for (const row of rows) expect(row.slice(0, column).trimEnd().length, row).toBeLessThan(column);
    for (const row of rows) expect(row[column - 1], row).toBe(' ');
  });
});

describe('--metrics-listen', () => {
  it('reads host:port, IPv6 in brackets, and refuses anything else naming the flag', () => {
    expect(loadConfig(['--metrics-listen', '0.0.0.0:9090'], {}).metricsListen).toEqual({
      host: '0.0.0.0',
      port: 9090,
    });
    expect(loadConfig(['--metrics-listen', '[::]:9090'], {}).metricsListen).toEqual({
      host: '::',
      port: 9090,
    });
    expect(loadConfig([], {}).metricsListen).toBeUndefined();
    expect(() => loadConfig(['--metrics-listen', '9090'], {})).toThrow(
      /--metrics-listen "9090": not allowed; give host:port/,
    );
    expect(() => loadConfig(['--metrics-listen', 'h:99999'], {})).toThrow(/--metrics-listen "h:99999"/);
  });
});

describe('npm start -- --help', () => {
  it('prints the server’s own usage, kept in scripts/usage.txt so it answers before any build', () => {
    const file = join(import.meta.dirname, '..', '..', '..', 'scripts', 'usage.txt');
    // DRIVEBAY_WRITE_USAGE=1 npx vitest run apps/bff/src/config.test.ts writes it after a flag changes.
    if (process.env.DRIVEBAY_WRITE_USAGE === '1') writeFileSync(file, `${usage()}\n`);
    expect(readFileSync(file, 'utf8')).toBe(`${usage()}\n`);
  });
});

describe('the store flags', () => {
  it('defaults to SQLite and reads etcd endpoints from --store or DRIVEBAY_STORE', () => {
    expect(loadConfig([], {}).store).toEqual({ kind: 'sqlite' });
    expect(loadConfig(['--store', 'etcd://10.0.0.1:2379,etcd-2.example:2379,[::1]:2379'], {}).store).toEqual({
      kind: 'etcd',
      endpoints: ['http://10.0.0.1:2379', 'http://etcd-2.example:2379', 'http://[::1]:2379'],
      prefix: '/drivebay/',
    });
    expect(
      loadConfig([], {
        DRIVEBAY_STORE: 'etcd://127.0.0.1:2379',
        DRIVEBAY_ETCD_PREFIX: '/site-a/',
        DRIVEBAY_ETCD_CA: 'ca.pem',
        DRIVEBAY_ETCD_CERT: 'c.pem',
        DRIVEBAY_ETCD_KEY: 'k.pem',
      }).store,
    ).toEqual({
      kind: 'etcd',
      endpoints: ['http://127.0.0.1:2379'],
      prefix: '/site-a/',
      tls: { ca: 'ca.pem', cert: 'c.pem', key: 'k.pem' },
    });
  });

  it('stops on a bad value naming the flag', () => {
    for (const text of [
      'etcd',
      'etcd://',
      'etcd://host',
      'etcd://host:0',
      'etcd://host:99999',
      'etcd://a:1,',
      'mysql',
    ])
      expect(mistake(['--store', text])).toMatch(/^--store "[^"]*": not allowed; give sqlite, or etcd:\/\//);
    expect(mistake([], { DRIVEBAY_STORE: 'etcd://x' })).toMatch(
      /^DRIVEBAY_STORE="etcd:\/\/x" \(environment\)/,
    );
    expect(mistake(['--store', 'etcd://h:2379', '--etcd-prefix', 'site'])).toMatch(
      /^--etcd-prefix "site": not allowed/,
    );
    expect(mistake(['--etcd-ca', 'ca.pem'])).toMatch(/^--etcd-ca: only with --store etcd/);
    expect(mistake(['--store', 'etcd://h:2379', '--etcd-ca', 'ca.pem', '--etcd-cert', 'c.pem'])).toMatch(
      /^--etcd-cert and --etcd-key: give both or neither/,
    );
    expect(mistake(['--store', 'etcd://h:2379', '--etcd-cert', 'c.pem', '--etcd-key', 'k.pem'])).toMatch(
      /^--etcd-cert: needs --etcd-ca/,
    );
  });
});
