/** What the connection indicator shows. */
export type ConnectionState = 'live' | 'connecting' | 'offline';

/** The live connection's state, in words, and the revision on screen. */
export interface ConnectionStatus {
  readonly state: ConnectionState;
  /** Short words for the indicator: "Live", "Reconnecting…", "Offline". */
  readonly label: string;
  /** Revision of the topology on screen, once one is loaded. */
  readonly revision: number | undefined;
}

export const INITIAL_STATUS: ConnectionStatus = {
  state: 'connecting',
  label: 'Connecting…',
  revision: undefined,
};

/** A tiny observable value for useSyncExternalStore. */
export interface StatusStore {
  get(): ConnectionStatus;
  set(status: ConnectionStatus): void;
  subscribe(listener: () => void): () => void;
}

/** A status store that only notifies when something visible changed. */
export function createStatusStore(initial: ConnectionStatus = INITIAL_STATUS): StatusStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(status) {
      if (sameStatus(current, status)) return;
      current = status;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sameStatus(a: ConnectionStatus, b: ConnectionStatus): boolean {
  return a.state === b.state && a.label === b.label && a.revision === b.revision;
}
