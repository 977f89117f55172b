/** How the next watch should be told its resourceVersion expired: HTTP 410, or an ERROR event in a 200. */
export interface ExpiredFault {
  inStream: boolean;
}

/** Faults a test arms on the simulated apiserver's watches, to prove clients recover from them. */
export class WatchFaults {
  /** While true, every watch (open or new) holds its events and bookmarks. */
  stalled = false;
  private expiredNext: ExpiredFault | undefined;

  /** Arms a one-shot 410 for the next watch request, whatever resourceVersion it asks for. */
  injectExpired(fault: ExpiredFault): void {
    this.expiredNext = fault;
  }

  /** The armed 410, disarming it. */
  takeExpired(): ExpiredFault | undefined {
    const fault = this.expiredNext;
    this.expiredNext = undefined;
    return fault;
  }
}
