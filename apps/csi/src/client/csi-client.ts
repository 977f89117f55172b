import * as grpc from '@grpc/grpc-js';
import { csiServices } from '../csi/proto.js';

export type CsiServiceName = 'Identity' | 'Controller' | 'Node';

export interface CsiClientOptions {
  /**
   * The HTTP/2 :authority to send. gRPC's own clients send "localhost" for a unix socket; Go
   * clients before kubernetes/kubernetes#112597 send the socket path, which a CSI plugin must
   * also answer. Tests pass the path to play such a client.
   */
  authority?: string;
  /** Per-call deadline; CSI sidecars use their --timeout (15 s by default). */
  timeoutMs?: number;
}

/** A gRPC failure as the CO sees it: the status code (by name) and the plugin's message. */
export class CsiCallError extends Error {
  constructor(
    readonly code: string,
    readonly details: string,
    readonly method: string,
  ) {
    super(`${method}: ${code}: ${details}`);
    this.name = 'CsiCallError';
  }
}

/**
 * The caller's side of CSI over a unix socket: what the kubelet and the sidecars are to a plugin.
 * Used by the simulated cluster (its provisioner, attacher, resizer and kubelet) and the tests.
 */
export class CsiClient {
  private readonly clients: Record<CsiServiceName, grpc.Client>;

  constructor(
    readonly socketPath: string,
    private readonly options: CsiClientOptions = {},
  ) {
    const services = csiServices();
    const channelOptions = options.authority ? { 'grpc.default_authority': options.authority } : {};
    const target = `unix://${socketPath}`;
    const credentials = grpc.credentials.createInsecure();
    this.clients = {
      Identity: new services.Identity(target, credentials, channelOptions),
      Controller: new services.Controller(target, credentials, channelOptions),
      Node: new services.Node(target, credentials, channelOptions),
    };
  }

  /** One unary call; resolves with the response or rejects with a CsiCallError. */
  call<Res = Record<string, unknown>>(
    service: CsiServiceName,
    method: string,
    request: object = {},
  ): Promise<Res> {
    const client = this.clients[service] as unknown as Record<
      string,
      (
        req: object,
        meta: grpc.Metadata,
        opts: grpc.CallOptions,
        cb: (e: grpc.ServiceError | null, r: Res) => void,
      ) => void
    >;
    const fn = client[method];
    if (typeof fn !== 'function') return Promise.reject(new Error(`${service} has no method ${method}`));
    const deadline = Date.now() + (this.options.timeoutMs ?? 15_000);
    return new Promise<Res>((resolve, reject) => {
      fn.call(client, request, new grpc.Metadata(), { deadline }, (error, response) => {
        if (error)
          reject(new CsiCallError(grpc.status[error.code] ?? String(error.code), error.details, method));
        else resolve(response);
      });
    });
  }

  close(): void {
    for (const client of Object.values(this.clients)) client.close();
  }
}
