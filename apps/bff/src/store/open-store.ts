import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type StoreConfig } from '../config.js';
import { openEtcdStore } from './etcd/etcd-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { StateStore } from './types.js';

/**
 * Opens the store the configuration names: SQLite under the data dir (the default), or the
 * site's prefix on an etcd cluster. An unreadable PEM file is a configuration mistake naming its
 * flag; an unreachable cluster fails the start naming --store and the endpoints tried.
 */
export async function openConfiguredStore(config: StoreConfig, dataDir: string): Promise<StateStore> {
  if (config.kind === 'sqlite') return openSqliteStore({ path: join(dataDir, 'drivebay.sqlite') });
  const tls = config.tls && {
    ca: readPem('etcd-ca', config.tls.ca),
    ...(config.tls.cert ? { cert: readPem('etcd-cert', config.tls.cert) } : {}),
    ...(config.tls.key ? { key: readPem('etcd-key', config.tls.key) } : {}),
  };
  try {
    return await openEtcdStore({
      endpoints: config.endpoints,
      prefix: config.prefix,
      ...(tls ? { tls } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `--store: cannot open the site '${config.prefix}' on etcd ${config.endpoints.join(', ')}: ${reason}`,
      {
        cause: error,
      },
    );
  }
}

function readPem(flag: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(
      `--${flag} ${JSON.stringify(path)}: cannot read it (${code}); give a PEM file path`,
    );
  }
}
