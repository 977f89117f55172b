import { createServer } from 'node:net';
import { ConfigError } from '../config.js';

/**
 * Whether the process could listen on host:port, tried before anything is created (no data
 * directory for a start that cannot serve). A taken or forbidden address says which and what to do.
 */
export async function checkListenAddress(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** A listen failure in words: the address, why, and the flag that chooses another. */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return new ConfigError(
        `--port ${port}: ${address} is already in use (another Drivebay, or another program); choose another with --port <number>, or --port 0 for any free port`,
      );
    case 'EACCES':
      return new ConfigError(
        `--port ${port}: this user may not listen on ${address} (ports below 1024 need privileges); choose --port 8080 or above`,
      );
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new ConfigError(
        `--host ${host}: no such address on this machine; give one of its addresses, e.g. 127.0.0.1 or 0.0.0.0`,
      );
    default:
      return error;
  }
}
