import { describe, expect, it } from 'vitest';
import { volumeDelta } from '../../../shared/testing/buildVolume';
import { VolumeJournal } from './volumeJournal';

describe('VolumeJournal', () => {
  it('gives a reader the deltas recorded after it opened, in order', () => {
    const journal = new VolumeJournal();
    const early = journal.open();
    journal.record([volumeDelta.remove(1, 'a')]);
    const late = journal.open();
    journal.record([volumeDelta.remove(2, 'b'), volumeDelta.remove(3, 'c')]);
    expect(journal.read(early)?.map((d) => d.revision)).toEqual([1, 2, 3]);
    expect(journal.read(late)?.map((d) => d.revision)).toEqual([2, 3]);
    journal.close(early);
    expect(journal.read(late)?.map((d) => d.revision)).toEqual([2, 3]);
  });

  it('records nothing while no fetch is open', () => {
    const journal = new VolumeJournal();
    journal.record([volumeDelta.remove(1, 'a')]);
    const reader = journal.open();
    expect(journal.read(reader)).toEqual([]);
  });

  it('marks open readers lost on a resync', () => {
    const journal = new VolumeJournal();
    const reader = journal.open();
    journal.record([volumeDelta.remove(1, 'a')]);
    journal.resync();
    expect(journal.read(reader)).toBeUndefined();
    const fresh = journal.open();
    expect(journal.read(fresh)).toEqual([]);
  });

  it('gives up rather than grow without bound', () => {
    const journal = new VolumeJournal();
    const reader = journal.open();
    journal.record(Array.from({ length: 20_001 }, (_, i) => volumeDelta.remove(i, `v${i}`)));
    expect(journal.read(reader)).toBeUndefined();
  });

  it('lets loads wait until the live sync follows a revision', async () => {
    const journal = new VolumeJournal();
    let waited = false;
    const waiting = journal.whenLive(60_000).then(() => {
      waited = true;
    });
    await Promise.resolve();
    expect(waited).toBe(false);
    journal.markLive();
    await waiting;
    expect(waited).toBe(true);
    await journal.whenLive(60_000);
  });

  it('stops waiting after the timeout or when the load is cancelled', async () => {
    const journal = new VolumeJournal();
    await journal.whenLive(1);
    const controller = new AbortController();
    const waiting = journal.whenLive(60_000, controller.signal);
    controller.abort();
    await waiting;
  });
});
