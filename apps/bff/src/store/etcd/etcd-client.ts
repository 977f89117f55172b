import { ConsecutiveBreaker, circuitBreaker, handleWhen, noop } from 'cockatiel';
import { Etcd3, isRecoverableError } from 'etcd3';

/** Where the etcd cluster is and how to reach it. */
export interface EtcdConnection {
  /** Client URLs (`http://127.0.0.1:2379`, `https://…` with TLS); any member of the cluster. */
  endpoints: string[];
  /** PEM files' contents for TLS: the CA that signed the members' certificates, and a client certificate if the cluster asks for one. */
  tls?: { ca: Buffer; cert?: Buffer; key?: Buffer };
  /** Deadline of each unary call; a member that stopped answering (not crashed) fails the call after this. */
  callTimeoutMs?: number;
}

const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/**
 * An etcd3 (1.1.2) client set up for a compare-and-swap store. What differs from its defaults, and why:
 * - No global retry: etcd3 retries any "recoverable" failure three times, txn included. A txn whose
 *   reply was lost may have committed; sent again, its compares fail and a success reads as a
 *   conflict (or an unconditional write is applied twice). The store never resends a write.
 * - The per-member circuit breaker stays (three failures in a row skip that member for 2 s), so
 *   with several endpoints calls move to a live member.
 * - A deadline on unary calls, none on streams (watches live as long as they are wanted).
 * - gRPC keepalive, so a watch over a connection that silently died (a partition, a stopped
 *   member) errors and resumes instead of waiting forever; no faster than etcd's default
 *   --grpc-keepalive-min-time (5 s) allows.
 * - No receive limit below etcd's own: a watch response carries a whole transaction.
 */
export function createEtcdClient(connection: EtcdConnection): Etcd3 {
  if (connection.endpoints.length === 0) throw new RangeError('etcd needs at least one endpoint');
  const timeout = connection.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
  const tls = connection.tls;
  return new Etcd3({
    hosts: connection.endpoints,
    ...(tls
      ? {
          credentials: {
            rootCertificate: tls.ca,
            ...(tls.key ? { privateKey: tls.key } : {}),
            ...(tls.cert ? { certChain: tls.cert } : {}),
          },
        }
      : {}),
    defaultCallOptions: (context) => (context.isStream ? {} : { deadline: Date.now() + timeout }),
    faultHandling: {
      global: noop,
      host: () =>
        circuitBreaker(handleWhen(isRecoverableError), {
          halfOpenAfter: 2_000,
          breaker: new ConsecutiveBreaker(3),
        }),
    },
    grpcOptions: {
      'grpc.keepalive_time_ms': 10_000,
      'grpc.keepalive_timeout_ms': 5_000,
      'grpc.keepalive_permit_without_calls': 1,
      'grpc.max_receive_message_length': -1,
    },
  });
}
