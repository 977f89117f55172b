import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EmulatedHost } from './emulated-host.js';
import type { PublishSpec, StageSpec } from './host.js';
import {
  bindMountsWorkHere,
  buildFullStageSpec,
  buildHost,
  buildPublishSpec,
  buildStageSpec,
  journaledSteps,
  makeTempRoot,
  mountCount,
  mountPointsUnder,
  removeTempRoot,
} from './testing/host-fixtures.js';

// Bind mounts need root and a kernel that lets this process mount; elsewhere only record mode runs.
const canBind = bindMountsWorkHere();

/** Thrown by the step seam: nothing of the host runs after it, so what is left on disk is a kill -9's. */
class Killed extends Error {}

interface World {
  root: string;
  stateDir: string;
  mode: 'bind' | 'record';
  stage: StageSpec;
  publish: PublishSpec;
  host(beforeStep?: (step: string) => void): EmulatedHost;
}

interface Scenario {
  name: string;
  stage(root: string): StageSpec;
  /** Done by a healthy plugin before the call under test. */
  before(world: World, host: EmulatedHost): Promise<void>;
  /** The call killed part way, then retried by a restarted plugin. */
  call(world: World, host: EmulatedHost): Promise<void>;
  /** What the retry must have left: the call done once, nothing twice. */
  check(world: World): Promise<void>;
}

const nothing = async () => {};

const scenarios: Scenario[] = [
  {
    name: 'NodeStage (RAID10, encrypted, mount access)',
    stage: (root) => buildFullStageSpec(root),
    before: nothing,
    call: (w, h) => h.stage(w.stage),
    check: async (w) => {
      expect(mountCount(w.stateDir, w.mode, w.stage.stagingPath)).toBe(1);
      const steps = await journaledSteps(w.stateDir, w.stage.volumeId);
      expect(new Set(steps).size).toBe(steps.length);
      expect(count(steps, ' attach/')).toBe(4);
      expect(count(steps, ' assemble/')).toBe(1);
      expect(count(steps, ' open ')).toBe(1);
      expect(count(steps, 'mkfs')).toBe(1);
      expect(count(steps, ' mount ')).toBe(1);
    },
  },
  {
    name: 'NodeStage (block access)',
    stage: (root) => buildStageSpec(root, { accessType: 'block', layout: 'raid1', members: mirror }),
    before: nothing,
    call: (w, h) => h.stage(w.stage),
    check: async (w) => {
      expect(mountCount(w.stateDir, w.mode, join(w.stage.stagingPath, w.stage.volumeId))).toBe(1);
      expect(statSync(join(w.stage.stagingPath, w.stage.volumeId)).size).toBe(w.stage.capacityBytes);
      const steps = await journaledSteps(w.stateDir, w.stage.volumeId);
      expect(new Set(steps).size).toBe(steps.length);
      expect(count(steps, ' attach/')).toBe(2);
    },
  },
  {
    name: 'NodeUnstage',
    stage: (root) => buildFullStageSpec(root),
    before: (w, h) => h.stage(w.stage),
    call: (w, h) => h.unstage(w.stage.volumeId, w.stage.stagingPath),
    check: async (w) => {
      const steps = await journaledSteps(w.stateDir, w.stage.volumeId);
      expect(count(steps, ' detach/')).toBe(4);
      expect(count(steps, ' close ')).toBe(1);
      expect(count(steps, ' stop ')).toBe(1);
      expect(count(steps, ' umount ')).toBe(1);
    },
  },
  {
    name: 'NodePublish (read-only)',
    stage: (root) => buildStageSpec(root),
    before: (w, h) => h.stage(w.stage),
    call: (w, h) => h.publish({ ...w.publish, readonly: true }),
    check: async (w) => {
      expect(mountCount(w.stateDir, w.mode, w.publish.targetPath)).toBe(1);
      expect(volumeRecord(w).targets).toEqual([w.publish.targetPath]);
      if (w.mode === 'bind')
        await expect(writeFile(join(w.publish.targetPath, 'x'), '')).rejects.toMatchObject({ code: 'EROFS' });
    },
  },
  {
    name: 'NodeUnpublish',
    stage: (root) => buildStageSpec(root),
    before: async (w, h) => {
      await h.stage(w.stage);
      await h.publish(w.publish);
    },
    call: (w, h) => h.unpublish(w.stage.volumeId, w.publish.targetPath),
    check: async (w) => {
      expect(existsSync(w.publish.targetPath)).toBe(false);
      expect(mountCount(w.stateDir, w.mode, w.publish.targetPath)).toBe(0);
      expect(volumeRecord(w).targets).toEqual([]);
    },
  },
  {
    name: 'NodeExpand',
    stage: (root) => buildStageSpec(root, { capacityBytes: 2 ** 30 }),
    before: async (w, h) => {
      await h.stage(w.stage);
      await h.publish(w.publish);
    },
    call: (w, h) => h.expand(w.stage.volumeId, w.publish.targetPath, 2 * 2 ** 30),
    check: async (w) => {
      expect((await w.host().inspect(w.stage.volumeId, w.publish.targetPath))?.bytes.total).toBe(2 * 2 ** 30);
      expect(count(await journaledSteps(w.stateDir, w.stage.volumeId), 'resize2fs')).toBe(1);
    },
  },
];

const mirror = [
  { driveId: 'drive-a', set: 0, copy: 0 },
  { driveId: 'drive-b', set: 0, copy: 1 },
];

function crashSuite(mode: 'bind' | 'record') {
  for (const scenario of scenarios) {
    it(`${scenario.name}: killed between any two steps, the retry finishes it once`, async () => {
      const points = await stepsOf(mode, scenario);
      expect(points.length).toBeGreaterThan(2);
      for (let kill = 0; kill < points.length; kill++) {
        await inWorld(mode, scenario, async (world) => {
          await scenario.before(world, world.host());
          await expect(scenario.call(world, world.host(killAt(kill)))).rejects.toBeInstanceOf(Killed);
          await scenario.call(world, world.host()).catch((error: unknown) => {
            throw new Error(`retry after a kill before "${points[kill]}" failed: ${String(error)}`);
          });
          await scenario.check(world);
          await undoAll(world);
          await expectClean(world);
        });
      }
    });
  }

  it('NodeStage killed at any step, then NodeUnstage instead of a retry: nothing is left attached or mounted', async () => {
    const stageScenario = scenarios[0];
    if (!stageScenario) throw new Error('no stage scenario');
    const points = await stepsOf(mode, stageScenario);
    for (let kill = 0; kill < points.length; kill++) {
      await inWorld(mode, stageScenario, async (world) => {
        await expect(world.host(killAt(kill)).stage(world.stage)).rejects.toBeInstanceOf(Killed);
        await world.host().unstage(world.stage.volumeId, world.stage.stagingPath);
        await expectClean(world);
        // Every step a real host would have run has its undo journaled.
        const steps = await journaledSteps(world.stateDir, world.stage.volumeId);
        expect(count(steps, ' detach/')).toBe(count(steps, ' attach/'));
        expect(count(steps, ' stop ')).toBe(count(steps, ' assemble/'));
        expect(count(steps, ' close ')).toBe(count(steps, ' open '));
        expect(count(steps, ' umount ')).toBe(count(steps, ' mount '));
      });
    }
  });
}

describe('crash safety with a recorded mount table', () => crashSuite('record'));

// Real bind mounts need root and a kernel that permits them here; the record-mode suite runs everywhere.
describe.runIf(canBind)('crash safety with real bind mounts', () => crashSuite('bind'));

/** Every point the scenario's call passes, found by running it once unharmed. */
async function stepsOf(mode: 'bind' | 'record', scenario: Scenario): Promise<string[]> {
  const points: string[] = [];
  await inWorld(mode, scenario, async (world) => {
    await scenario.before(world, world.host());
    await scenario.call(
      world,
      world.host((point) => void points.push(point)),
    );
    await undoAll(world);
  });
  return points;
}

function killAt(index: number): (step: string) => void {
  let seen = 0;
  return (step) => {
    if (seen++ === index) throw new Killed(`killed before ${step}`);
  };
}

async function inWorld(mode: 'bind' | 'record', scenario: Scenario, body: (world: World) => Promise<void>) {
  const root = makeTempRoot();
  try {
    const stateDir = join(root, 'state');
    const stage = scenario.stage(root);
    const world: World = {
      root,
      stateDir,
      mode,
      stage,
      publish: buildPublishSpec(stage, root),
      host: (beforeStep) => buildHost(stateDir, mode, { beforeStep }),
    };
    await body(world);
  } finally {
    removeTempRoot(root);
  }
}

async function undoAll(world: World): Promise<void> {
  const host = world.host();
  await host.unpublish(world.stage.volumeId, world.publish.targetPath);
  await host.unstage(world.stage.volumeId, world.stage.stagingPath);
}

/** Nothing mounted, attached, assembled or open; the CO's staging directory as it made it; no temp file. */
async function expectClean(world: World): Promise<void> {
  expect(mountPointsUnder(world.root)).toEqual([]);
  const table = join(world.stateDir, 'mounts.json');
  if (existsSync(table)) expect(JSON.parse(readFileSync(table, 'utf8'))).toEqual({ mounts: [] });
  const volume = join(world.stateDir, 'volumes', world.stage.volumeId);
  const left = existsSync(volume) ? readdirSync(volume) : [];
  expect(
    left.filter((name) => ['raid-assembled', 'crypt-open'].includes(name) || name.endsWith('.tmp')),
  ).toEqual([]);
  if (left.includes('attached')) expect(readdirSync(join(volume, 'attached'))).toEqual([]);
  if (existsSync(join(volume, 'volume.json')))
    expect(volumeRecord(world)).toMatchObject({ stagingPath: null, targets: [] });
  expect(readdirSync(world.stage.stagingPath)).toEqual([]);
  expect(statSync(world.stage.stagingPath).isDirectory()).toBe(true);
}

function volumeRecord(world: World): { stagingPath: string | null; targets: string[] } {
  return JSON.parse(
    readFileSync(join(world.stateDir, 'volumes', world.stage.volumeId, 'volume.json'), 'utf8'),
  );
}

function count(steps: string[], fragment: string): number {
  return steps.filter((s) => s.includes(fragment)).length;
}
