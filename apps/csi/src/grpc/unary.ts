import type * as grpc from '@grpc/grpc-js';
import { CsiError } from '../csi/status.js';
import type { PluginLog } from '../log.js';

/** What a CSI handler gets besides its request: a signal that fires when the CO's call ends. */
export interface CallScope {
  rpc: string;
  signal: AbortSignal;
}

export type Handler<Req, Res> = (request: Req, scope: CallScope) => Promise<Res>;

/**
 * Operations in flight, by volume. CSI lets a plugin refuse a second call on a volume while one
 * runs (ABORTED; the CO retries): two kubelet retries of a slow NodeStage, or a provisioner
 * retry racing its own first CreateVolume, must never both act.
 */
export class VolumeLocks {
  private readonly held = new Set<string>();

  async with<T>(key: string, rpc: string, work: () => Promise<T>): Promise<T> {
    if (this.held.has(key))
      throw new CsiError(
        'ABORTED',
        `an operation on volume ${key} is already in progress; ${rpc} can be retried`,
      );
    this.held.add(key);
    try {
      return await work();
    } finally {
      this.held.delete(key);
    }
  }
}

/**
 * Adapts an async handler to grpc-js: the call's deadline and cancellation become an AbortSignal,
 * a CsiError becomes its status, anything else INTERNAL. Requests are logged without `secrets`
 * (CSI's rule: secrets are never logged), with the outcome and the time taken.
 */
export function unary<Req, Res>(rpc: string, handler: Handler<Req, Res>, log: PluginLog) {
  return (call: grpc.ServerUnaryCall<Req, Res>, callback: grpc.sendUnaryData<Res>) => {
    const started = Date.now();
    const controller = new AbortController();
    const deadline = call.getDeadline();
    const ms = deadline instanceof Date ? deadline.getTime() - Date.now() : Number(deadline) - Date.now();
    const timer = Number.isFinite(ms) ? setTimeout(() => controller.abort(), Math.max(0, ms)) : undefined;
    call.on('cancelled', () => controller.abort());
    const request = redacted(call.request);
    handler(call.request, { rpc, signal: controller.signal })
      .then((response) => {
        log.info('csi call', { rpc, request, code: 'OK', ms: Date.now() - started });
        callback(null, response);
      })
      .catch((error: unknown) => {
        const failure =
          error instanceof CsiError
            ? error
            : new CsiError(
                'INTERNAL',
                `${rpc} failed: ${error instanceof Error ? error.message : String(error)}`,
              );
        const fields = {
          rpc,
          request,
          code: failure.code,
          message: failure.message,
          ms: Date.now() - started,
        };
        if (failure.code === 'INTERNAL')
          log.error('csi call failed', { ...fields, stack: (error as Error)?.stack });
        else log.info('csi call refused', fields);
        callback({ code: failure.grpcCode, details: failure.message });
      })
      .finally(() => clearTimeout(timer));
  };
}

/** The request as logged: `secrets` (and any field named so) replaced by the count of keys. */
export function redacted(request: unknown): unknown {
  if (!request || typeof request !== 'object') return request;
  return Object.fromEntries(
    Object.entries(request as Record<string, unknown>).map(([key, value]) =>
      key === 'secrets' || key.endsWith('_secrets')
        ? [key, `<${Object.keys((value as object) ?? {}).length} redacted>`]
        : [key, value],
    ),
  );
}
