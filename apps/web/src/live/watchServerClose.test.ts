import { describe, expect, it, vi } from 'vitest';
import type { LiveSocketHandlers, LiveSocketPort } from '../shared/live/liveTransport';
import { watchServerClose } from './watchServerClose';

function fakePort() {
  let handlers: LiveSocketHandlers | undefined;
  const port: LiveSocketPort = {
    listen: (h) => {
      handlers = h;
    },
    join: async () => ({ ok: true }),
    leave: () => {},
    close: () => {},
  };
  return { port, emit: () => handlers as LiveSocketHandlers };
}

const inner = (): LiveSocketHandlers => ({
  connect: vi.fn(),
  disconnect: vi.fn(),
  connectError: vi.fn(),
  deltas: vi.fn(),
  resync: vi.fn(),
});

describe('watchServerClose', () => {
  it('reports a disconnect by the server and a refused connection, after passing them on', () => {
    const { port, emit } = fakePort();
    const onClosed = vi.fn();
    const handlers = inner();
    watchServerClose(port, onClosed).listen(handlers);
    emit().disconnect('io server disconnect', false);
    expect(handlers.disconnect).toHaveBeenCalledWith('io server disconnect', false);
    emit().connectError('UNAUTHENTICATED', false);
    expect(handlers.connectError).toHaveBeenCalledWith('UNAUTHENTICATED', false);
    expect(onClosed).toHaveBeenCalledTimes(2);
  });

  it('leaves network trouble that socket.io retries, and our own close, alone', () => {
    const { port, emit } = fakePort();
    const onClosed = vi.fn();
    const handlers = inner();
    watchServerClose(port, onClosed).listen(handlers);
    emit().disconnect('transport close', true);
    emit().connectError('xhr poll error', true);
    emit().disconnect('io client disconnect', false);
    emit().deltas({});
    expect(onClosed).not.toHaveBeenCalled();
    expect(handlers.deltas).toHaveBeenCalledWith({});
  });
});
