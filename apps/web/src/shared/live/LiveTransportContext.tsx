import { createContext, useContext, useEffect } from 'react';
import type { LiveTransport } from './liveTransport';
import type { RoomDefinition } from './rooms';

/** The console's live transport; provided by LiveProvider, absent in tests that render a page alone. */
export const LiveTransportContext = createContext<LiveTransport | undefined>(undefined);

/**
 * Follows a room while the calling component is mounted: the feature's hook that shows the
 * room's data calls this, so opening a page joins exactly the rooms it shows.
 */
export function useLiveRoom(definition: RoomDefinition | undefined): void {
  const transport = useContext(LiveTransportContext);
  useEffect(() => {
    if (!transport || !definition) return;
    return transport.register(definition);
  }, [transport, definition]);
}
