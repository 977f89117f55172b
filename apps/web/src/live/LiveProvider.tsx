import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { createStatusStore } from './connectionStatus';
import { eventCachePort } from './eventCachePort';
import { kubeCachePort } from './kubeCachePort';
import { LiveTopologySync } from './liveTopologySync';
import { queryCachePort } from './queryCachePort';
import { connectLiveSocket } from './socketIoPort';
import { StatusContext } from './statusContext';
import { volumeCachePort } from './volumeCachePort';
import { watchServerClose } from './watchServerClose';

/** How long to wait before reconnecting after the server closed a socket whose session still stands. */
const RECONNECT_MS = 5_000;

interface LiveProviderProps {
  children: ReactNode;
  /**
   * Called when the server closes or refuses the socket (a revoked session, say): resolves to
   * whether the session still stands, and if so the connection is opened again.
   */
  checkSession?: () => Promise<boolean>;
}

/** Runs the one live connection for the whole app and shares its status. */
export function LiveProvider({ children, checkSession }: LiveProviderProps) {
  const queryClient = useQueryClient();
  const [store] = useState(createStatusStore);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` asks for a new connection.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handleClosed = async () => {
      if (!checkSession || !(await checkSession()) || stopped) return;
      timer = setTimeout(() => setGeneration((g) => g + 1), RECONNECT_MS);
    };
    const sync = new LiveTopologySync({
      socket: watchServerClose(connectLiveSocket(), () => void handleClosed()),
      cache: queryCachePort(queryClient),
      volumes: volumeCachePort(queryClient),
      events: eventCachePort(queryClient),
      kube: kubeCachePort(queryClient),
      onStatus: store.set,
    });
    sync.start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      sync.stop();
    };
  }, [queryClient, store, checkSession, generation]);
  return <StatusContext value={store}>{children}</StatusContext>;
}
