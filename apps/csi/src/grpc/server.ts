import { mkdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import { dirname } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { AuthorityNormalizer } from './authority.js';
import { socketPathOf } from './endpoint.js';

/** A gRPC server listening on a CSI endpoint (a unix socket). */
export interface SocketServer {
  socketPath: string;
  close(): Promise<void>;
}

/**
 * Serves `server`'s services on the endpoint's unix socket. Connections are accepted here, not by
 * grpc-js's own listener, so that each passes through the AuthorityNormalizer first: Go clients
 * that send the socket path as :authority are answered instead of reset. A socket file left by a
 * previous run (a killed plugin) is removed first, as CSI plugins do.
 */
export async function serveOnSocket(server: grpc.Server, endpoint: string): Promise<SocketServer> {
  const socketPath = socketPathOf(endpoint);
  mkdirSync(dirname(socketPath), { recursive: true });
  removeStaleSocket(socketPath);
  const injector = server.createConnectionInjector(grpc.ServerCredentials.createInsecure());
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    injector.injectConnection(new AuthorityNormalizer(socket));
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(socketPath, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  return {
    socketPath,
    async close() {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
      injector.destroy();
      for (const socket of sockets) socket.destroy();
      rmSync(socketPath, { force: true });
    },
  };
}

function removeStaleSocket(path: string): void {
  let isSocket = false;
  try {
    isSocket = statSync(path).isSocket();
  } catch {
    return; // nothing there
  }
  if (!isSocket) throw new Error(`${path} exists and is not a socket; refusing to replace it`);
  rmSync(path);
}
