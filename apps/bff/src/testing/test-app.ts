import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type App, createApp } from '../app.js';
import { systemClock } from '../clock.js';
import type { RebuildOptions } from '../commands/rebuild-scheduler.js';
import { VolumeKeys } from '../crypto/volume-keys.js';
import type { HubOptions } from '../live/hub.js';
import { createLogger } from '../log.js';
import { resumeSimulatedSite } from '../sources/simulator/resume.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import type { StateStore } from '../store/types.js';

/** A real app over real HTTP on a free loopback port, with a SQLite store in a temp dir. */
export interface TestApp {
  app: App;
  store: StateStore;
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestApp(
  options: { dataDir?: string; hub?: Partial<HubOptions>; rebuild?: Partial<RebuildOptions> } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'drivebay-app-'));
  const log = createLogger('silent');
  const store = await openSqliteStore({ path: join(dataDir, 'drivebay.sqlite') });
  const app = createApp({
    store,
    clock: systemClock,
    log,
    webRoot: join(dataDir, 'no-web-build'),
    volumeKeys: VolumeKeys.open({ secretFile: join(dataDir, 'site-secret') }),
    ...(options.rebuild ? { rebuild: options.rebuild } : {}),
    hardware: (restored) =>
      resumeSimulatedSite(restored, { scale: 'small', seed: 7, replacementSeed: Date.now() }, log),
    ...(options.hub ? { hub: options.hub } : {}),
  });
  await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
  await app.start();
  const { port } = app.http.address() as AddressInfo;
  return {
    app,
    store,
    dataDir,
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      await store.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
