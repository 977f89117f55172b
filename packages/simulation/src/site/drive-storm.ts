/** Ticks a second: each tick reports its share of the changes, one report per enclosure touched. */
const TICKS_PER_SECOND = 20;

/** What a storm needs of the simulated site: its drive ids, and a way to flip some and report them. */
export interface StormTarget {
  driveIds(): readonly string[];
  /** Degrades the healthy ones and heals the degraded ones among `ids`; reports every enclosure touched. */
  flip(ids: readonly string[]): Promise<void>;
}

/**
 * Runs a drive-state storm in the background: `perSecond` changes a second, `changes` in all,
 * on drives spread over the site by a fixed stride (so a run reproduces). Resolves when done or
 * stopped; a tick that falls behind is not made up for, so the rate is a ceiling.
 */
export function runDriveStorm(
  target: StormTarget,
  changes: number,
  perSecond: number,
  stopped: () => boolean,
  onError: (error: unknown) => void,
): Promise<void> {
  const ids = target.driveIds();
  const perTick = Math.max(1, Math.round(perSecond / TICKS_PER_SECOND));
  let made = 0;
  let cursor = 0;
  return new Promise((resolve) => {
    const tick = async () => {
      if (stopped() || made >= changes || ids.length === 0) return resolve();
      const started = Date.now();
      const batch: string[] = [];
      for (let i = 0; i < perTick && made < changes; i++, made++) {
        // A stride prime to any site size below it visits drives far apart, each once per lap.
        batch.push(ids[(cursor++ * 7_919) % ids.length] as string);
      }
      try {
        await target.flip(batch);
      } catch (error) {
        onError(error);
        return resolve();
      }
      setTimeout(() => void tick(), Math.max(0, 1000 / TICKS_PER_SECOND - (Date.now() - started)));
    };
    void tick();
  });
}
