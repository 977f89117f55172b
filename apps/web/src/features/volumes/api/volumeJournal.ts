import type { TopologyDelta } from '@drivebay/api-types';

/** A fetch in progress that will want the live deltas that arrive while it runs. */
export interface JournalReader {
  readonly from: number;
  /** Set when deltas it needed were dropped (too many, or a resync): its result is not to be trusted. */
  lost: boolean;
}

const MAX_ENTRIES = 20_000;

/**
 * Remembers live volume and event deltas while volume fetches are in flight, so a list that
 * took seconds to page in can catch up with what changed meanwhile. Puts are idempotent and
 * replayed in order, so replaying a delta the server already reflected converges. Records
 * nothing while no fetch is open.
 */
export class VolumeJournal {
  #entries: { seq: number; delta: TopologyDelta }[] = [];
  #seq = 0;
  readonly #readers = new Set<JournalReader>();
  #live = false;
  readonly #liveWaiters = new Set<() => void>();

  /**
   * Resolves once the live sync has a topology revision to follow from (so a load that starts
   * now cannot miss a delta), or after `timeoutMs` when the live connection cannot be had.
   */
  whenLive(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.#live || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#liveWaiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.#liveWaiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** The live sync follows the store from a known revision. */
  markLive(): void {
    this.#live = true;
    for (const done of [...this.#liveWaiters]) done();
  }

  /** Starts remembering for a fetch about to begin. */
  open(): JournalReader {
    const reader: JournalReader = { from: this.#seq, lost: false };
    this.#readers.add(reader);
    return reader;
  }

  /** Deltas recorded since the reader opened, in order; undefined if some were lost. */
  read(reader: JournalReader): TopologyDelta[] | undefined {
    if (reader.lost) return undefined;
    return this.#entries.filter((entry) => entry.seq > reader.from).map((entry) => entry.delta);
  }

  close(reader: JournalReader): void {
    this.#readers.delete(reader);
    const oldest = Math.min(...[...this.#readers].map((r) => r.from));
    this.#entries = this.#entries.filter((entry) => entry.seq > oldest);
  }

  record(deltas: readonly TopologyDelta[]): void {
    if (this.#readers.size === 0) {
      this.#seq += deltas.length;
      return;
    }
    for (const delta of deltas) this.#entries.push({ seq: ++this.#seq, delta });
    if (this.#entries.length > MAX_ENTRIES) this.#loseAll();
  }

  /** Live deltas were missed (the topology reloaded from a snapshot): open fetches must start again. */
  resync(): void {
    this.#loseAll();
  }

  #loseAll(): void {
    for (const reader of this.#readers) reader.lost = true;
    this.#entries = [];
  }
}

/** The app's journal, fed by the live sync and read by the volume queries. */
export const volumeJournal = new VolumeJournal();
