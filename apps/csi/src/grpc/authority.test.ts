import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsiClient } from '../client/csi-client.js';
import { csiServices } from '../csi/proto.js';
import { type SocketServer, serveOnSocket } from './server.js';

// Go gRPC clients (kubelet and sidecars before kubernetes/kubernetes#112597) send the socket path
// as :authority. These tests play such a client: grpc-js with grpc.default_authority set to the
// path sends exactly that header, over a real unix socket.

let dir: string;
let served: SocketServer;
let bare: grpc.Server;
let bareSocket: string;
const seen: string[] = [];

function identityServer(): grpc.Server {
  const server = new grpc.Server();
  server.addService(csiServices().Identity.service, {
    GetPluginInfo: (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      seen.push(String(call.metadata.get('x-note')[0] ?? ''));
      callback(null, { name: 'csi.drivebay.io', vendor_version: 'test', manifest: {} });
    },
  });
  return server;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drivebay-authority-'));
  served = await serveOnSocket(identityServer(), `unix://${join(dir, 'csi.sock')}`);
  // The control: the same service on grpc-js's own listener, without the normalizer.
  bare = identityServer();
  bareSocket = join(dir, 'bare.sock');
  await new Promise<void>((resolve, reject) =>
    bare.bindAsync(`unix://${bareSocket}`, grpc.ServerCredentials.createInsecure(), (e) =>
      e ? reject(e) : resolve(),
    ),
  );
});

afterAll(async () => {
  await served.close();
  bare.forceShutdown();
  rmSync(dir, { recursive: true, force: true });
});

describe('a CSI socket answers Go clients that send the socket path as :authority', () => {
  it('is needed: Node’s HTTP/2 server alone resets such a stream', async () => {
    const client = new CsiClient(bareSocket, { authority: bareSocket });
    await expect(client.call('Identity', 'GetPluginInfo')).rejects.toMatchObject({ code: 'INTERNAL' });
    client.close();
  });

  it('answers with the socket path, "localhost" and no override, many calls on one connection', async () => {
    for (const authority of [served.socketPath, 'localhost', undefined]) {
      const client = new CsiClient(served.socketPath, authority ? { authority } : {});
      // Repeated calls exercise HPACK's dynamic table: later header blocks refer to earlier ones.
      for (let i = 0; i < 25; i++) {
        await expect(client.call('Identity', 'GetPluginInfo')).resolves.toMatchObject({
          name: 'csi.drivebay.io',
        });
      }
      client.close();
    }
  });

  it('keeps headers intact across CONTINUATION frames (a header block larger than one frame)', async () => {
    const note = 'n'.repeat(40_000);
    const services = csiServices();
    const raw = new services.Identity(`unix://${served.socketPath}`, grpc.credentials.createInsecure(), {
      'grpc.default_authority': served.socketPath,
    }) as unknown as {
      GetPluginInfo(r: object, m: grpc.Metadata, cb: (e: grpc.ServiceError | null, r: unknown) => void): void;
      close(): void;
    };
    const metadata = new grpc.Metadata();
    metadata.set('x-note', note);
    await new Promise<void>((resolve, reject) =>
      raw.GetPluginInfo({}, metadata, (error) => (error ? reject(error) : resolve())),
    );
    expect(seen.at(-1)).toBe(note);
    raw.close();
  });
});
