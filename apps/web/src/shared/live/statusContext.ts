import { createContext, useContext, useSyncExternalStore } from 'react';
import { type ConnectionStatus, createStatusStore, type StatusStore } from './connectionStatus';

const fallbackStore = createStatusStore();

/** The live connection's status store; provided by LiveProvider. */
export const StatusContext = createContext<StatusStore>(fallbackStore);

/** The live connection's current status. */
export function useConnectionStatus(): ConnectionStatus {
  const store = useContext(StatusContext);
  return useSyncExternalStore(store.subscribe, store.get);
}
