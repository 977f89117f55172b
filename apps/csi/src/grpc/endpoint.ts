import { isAbsolute } from 'node:path';

/**
 * The socket path of a CSI endpoint. The spec's CSI_ENDPOINT is `unix:///path/to/csi.sock`;
 * `unix:/path` and a bare absolute path are accepted too, as sidecars and tools write them.
 */
export function socketPathOf(endpoint: string): string {
  const path = endpoint.startsWith('unix://')
    ? endpoint.slice('unix://'.length)
    : endpoint.startsWith('unix:')
      ? endpoint.slice('unix:'.length)
      : endpoint;
  if (!isAbsolute(path))
    throw new Error(`endpoint "${endpoint}" is not a unix socket path: expected unix:///path/to/csi.sock`);
  // sockaddr_un holds 108 bytes including the terminating NUL.
  if (Buffer.byteLength(path) > 107)
    throw new Error(`endpoint "${endpoint}": a unix socket path is at most 107 bytes long`);
  return path;
}
