import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WatchFaults } from './faults.js';
import type { ObjectStore } from './object-store.js';
import type { ResourceTarget } from './router.js';
import type { WatchStream } from './watch-stream.js';

/** What every request handler shares: the state, the clock, the open watches and the armed faults. */
export interface ServerContext {
  store: ObjectStore;
  now: () => number;
  bookmarkIntervalMs: number | undefined;
  faults: WatchFaults;
  watches: Set<WatchStream>;
}

/** One resource request as the handlers see it. */
export interface ResourceRequest {
  ctx: ServerContext;
  req: IncomingMessage;
  res: ServerResponse;
  target: ResourceTarget;
  url: URL;
}
