import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking, from where, for what: set for each mutating HTTP request or socket event. */
export interface RequestContext {
  actor: string;
  ip: string;
  action: string;
  target?: string;
  /** Set once the request's audit record is written (with its change, or as a failure record). */
  audited: boolean;
}

/**
 * The current request's context. Carried implicitly (AsyncLocalStorage) rather than threaded
 * through every command signature, so that whatever commits a change — the Committer, the user
 * directory, the token book — can put the audit record into the same transaction.
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export function currentRequest(): RequestContext | undefined {
  return requestContext.getStore();
}
