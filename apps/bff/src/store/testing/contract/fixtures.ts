import { afterEach } from 'vitest';
import type { StateStore } from '../../types.js';
import type { StoreFactory } from '../contract.js';

/** A store opened for one test. */
export interface Opened {
  store: StateStore;
  /** Closes the store and opens the same data again, as a restarted process would. */
  reopen(): Promise<StateStore>;
}

export type OpenStore = () => Promise<Opened>;

/** Hands out fresh stores and closes and removes every one of them after each test. */
export function trackFixtures(factory: StoreFactory): OpenStore {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async () => {
    const fixture = await factory.fresh();
    const first = await fixture.open();
    const opened = [first];
    cleanups.push(async () => {
      for (const store of opened) await store.close();
      await fixture.cleanup();
    });
    return {
      store: first,
      reopen: async () => {
        for (const store of opened) await store.close();
        const next = await fixture.open();
        opened.push(next);
        return next;
      },
    };
  };
}
