import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { createStatusStore } from './connectionStatus';
import { LiveTopologySync } from './liveTopologySync';
import { queryCachePort } from './queryCachePort';
import { connectLiveSocket } from './socketIoPort';
import { StatusContext } from './statusContext';
import { volumeCachePort } from './volumeCachePort';

/** Runs the one live connection for the whole app and shares its status. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [store] = useState(createStatusStore);
  useEffect(() => {
    const sync = new LiveTopologySync({
      socket: connectLiveSocket(),
      cache: queryCachePort(queryClient),
      volumes: volumeCachePort(queryClient),
      onStatus: store.set,
    });
    sync.start();
    return () => sync.stop();
  }, [queryClient, store]);
  return <StatusContext value={store}>{children}</StatusContext>;
}
