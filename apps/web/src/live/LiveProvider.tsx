import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { createStatusStore } from '../shared/live/connectionStatus';
import { LiveTransportContext } from '../shared/live/LiveTransportContext';
import { LiveTransport } from '../shared/live/liveTransport';
import { StatusContext } from '../shared/live/statusContext';
import { connectLiveSocket } from './socketIoPort';
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

/**
 * Runs the one live connection for the whole app: its transport (which pages' hooks use to follow
 * the rooms they show) and its status (for the indicator).
 */
export function LiveProvider({ children, checkSession }: LiveProviderProps) {
  const queryClient = useQueryClient();
  const [store] = useState(createStatusStore);
  const [transport, setTransport] = useState<LiveTransport | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` asks for a new connection.
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handleClosed = async () => {
      if (!checkSession || !(await checkSession()) || stopped) return;
      timer = setTimeout(() => setGeneration((g) => g + 1), RECONNECT_MS);
    };
    const live = new LiveTransport({
      socket: watchServerClose(connectLiveSocket(), () => void handleClosed()),
      queryClient,
      onStatus: store.set,
    });
    live.start();
    setTransport(live);
    return () => {
      stopped = true;
      clearTimeout(timer);
      live.stop();
    };
  }, [queryClient, store, checkSession, generation]);
  return (
    <StatusContext value={store}>
      <LiveTransportContext value={transport}>{children}</LiveTransportContext>
    </StatusContext>
  );
}
