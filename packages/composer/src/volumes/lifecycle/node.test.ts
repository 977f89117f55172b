import type { Volume } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { Result } from '../types.js';
import { controllerPublish } from './controller-publish.js';
import { nodePublish, nodeUnpublish } from './node-publish.js';
import { nodeStage, nodeUnstage } from './node-stage.js';
import { fixture, testContext } from './testing/fixtures.js';
import type { Transition } from './transition.js';

const STAGE = '/var/lib/kubelet/plugins/csi.drivebay.io/pv/pvc-test/globalmount';
const POD_A = '/var/lib/kubelet/pods/a/volumes/kubernetes.io~csi/pvc-test/mount';
const POD_B = '/var/lib/kubelet/pods/b/volumes/kubernetes.io~csi/pvc-test/mount';
const context = testContext('2026-11-22T03:00:00.000Z');

function value(result: Result<Transition>): Transition {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function published(): Volume {
  const { volume, server, site } = fixture();
  return value(controllerPublish(volume, server, site, context)).volume;
}

function staged(): Volume {
  return value(nodeStage(published(), STAGE, context)).volume;
}

describe('nodeStage and nodeUnstage', () => {
  it('stages a published volume and unstages it back', () => {
    const stage = value(nodeStage(published(), STAGE, context));
    expect(stage.volume).toMatchObject({ lifecycle: 'NodeStaged', stagingPath: STAGE });
    expect(stage.events).toMatchObject([{ type: 'VolumeStaged' }]);
    const unstage = value(nodeUnstage(stage.volume, STAGE, context));
    expect(unstage.volume).toMatchObject({ lifecycle: 'ControllerPublished', stagingPath: null });
    expect(unstage.events).toMatchObject([{ type: 'VolumeUnstaged' }]);
  });

  it('repeats as no-ops', () => {
    const volume = staged();
    expect(value(nodeStage(volume, STAGE, context))).toEqual({ volume, events: [], changed: false });
    const unstaged = value(nodeUnstage(volume, STAGE, context)).volume;
    expect(value(nodeUnstage(unstaged, STAGE, context))).toEqual({
      volume: unstaged,
      events: [],
      changed: false,
    });
    expect(value(nodeUnstage(volume, '/elsewhere', context)).changed).toBe(false);
  });

  it('refuses to stage before ControllerPublish, at a second path, or a Released volume', () => {
    const { volume } = fixture();
    expect(nodeStage(volume, STAGE, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
    expect(nodeStage(staged(), '/other', context)).toMatchObject({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        field: 'stagingPath',
        message: expect.stringMatching(/already staged at/),
      },
    });
    expect(nodeStage({ ...volume, lifecycle: 'Released' }, STAGE, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
  });

  it('refuses to unstage while a pod still has it', () => {
    const volume = value(nodePublish(staged(), POD_A, context)).volume;
    expect(nodeUnstage(volume, STAGE, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
  });

  it.each([
    ['', /empty/],
    ['relative/path', /not absolute/],
    ['/var/../etc', /"\.\." segment/],
    ['/var/lib\u0000x', /control character/],
    [`/${'a'.repeat(1024)}`, /at most 1024/],
  ])('rejects the path %j as INVALID_ARGUMENT naming the field', (path, message) => {
    expect(nodeStage(published(), path, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'stagingPath', message: expect.stringMatching(message) },
    });
    expect(nodePublish(staged(), path, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'targetPath' },
    });
  });
});

describe('nodePublish and nodeUnpublish', () => {
  it('publishes to several targets and goes back to NodeStaged when the last one leaves', () => {
    const a = value(nodePublish(staged(), POD_A, context));
    expect(a.volume).toMatchObject({ lifecycle: 'NodePublished', targetPaths: [POD_A] });
    expect(a.events).toMatchObject([{ type: 'VolumeNodePublished' }]);
    const b = value(nodePublish(a.volume, POD_B, context)).volume;
    expect(b.targetPaths).toEqual([POD_A, POD_B]);
    const withoutA = value(nodeUnpublish(b, POD_A, context));
    expect(withoutA.volume).toMatchObject({ lifecycle: 'NodePublished', targetPaths: [POD_B] });
    expect(withoutA.events).toMatchObject([{ type: 'VolumeNodeUnpublished' }]);
    const none = value(nodeUnpublish(withoutA.volume, POD_B, context)).volume;
    expect(none).toMatchObject({ lifecycle: 'NodeStaged', targetPaths: [] });
  });

  it('repeats as no-ops', () => {
    const volume = value(nodePublish(staged(), POD_A, context)).volume;
    expect(value(nodePublish(volume, POD_A, context))).toEqual({ volume, events: [], changed: false });
    expect(value(nodeUnpublish(volume, POD_B, context))).toEqual({ volume, events: [], changed: false });
  });

  it('refuses before staging, at the staging path, and on a failed volume', () => {
    expect(nodePublish(published(), POD_A, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION', message: expect.stringMatching(/not staged/) },
    });
    expect(nodePublish(staged(), STAGE, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'targetPath' },
    });
    expect(nodePublish({ ...staged(), health: 'failed' }, POD_A, context)).toMatchObject({
      ok: false,
      error: { code: 'FAILED_PRECONDITION' },
    });
  });
});
