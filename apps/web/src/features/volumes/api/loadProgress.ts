/** How far a long list load has got. */
export interface LoadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** A tiny observable map from a query's hash to its load progress, for useSyncExternalStore. */
export class LoadProgressStore {
  readonly #progress = new Map<string, LoadProgress>();
  readonly #listeners = new Set<() => void>();

  get(hash: string): LoadProgress | undefined {
    return this.#progress.get(hash);
  }

  set(hash: string, progress: LoadProgress | undefined): void {
    if (progress) this.#progress.set(hash, progress);
    else this.#progress.delete(hash);
    for (const listener of this.#listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}

/** Progress of the volume list loads in the app. */
export const volumeLoadProgress = new LoadProgressStore();
