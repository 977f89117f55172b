/**
 * Why a Redfish request failed, in the terms the source acts on:
 * - `unreachable`: no answer, or 5xx, after the retries: the service is down (its enclosures go offline);
 * - `auth`: 401 after logging in again, or 403: credentials or rights are wrong;
 * - `not-found`, `http`: this resource only (404, other 4xx);
 * - `malformed`: the answer is not JSON, or not the shape its schema says (the field is named).
 */
export type RedfishErrorKind = 'unreachable' | 'auth' | 'not-found' | 'http' | 'malformed';

export class RedfishError extends Error {
  constructor(
    readonly kind: RedfishErrorKind,
    /** The resource's path, never a URL with credentials in it. */
    readonly path: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${path}: ${message}`);
  }

  /** Whether the whole service is failing, rather than one of its resources. */
  get serviceDown(): boolean {
    return this.kind === 'unreachable';
  }
}

/** The message of a Redfish error body (`{ error: { message } }`), for logs; else the status. */
export function redfishErrorMessage(body: string, status: number): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (typeof error === 'object' && error !== null && 'message' in error) {
        const message = (error as { message: unknown }).message;
        if (typeof message === 'string') return `HTTP ${status}: ${message.slice(0, 200)}`;
      }
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return `HTTP ${status}`;
}
