import { describe, expect, it } from 'vitest';
import { buildServer } from '../../testing/builders.js';
import { controllerPublish, controllerUnpublish } from './controller-publish.js';
import { nodeStage } from './node-stage.js';
import { fixture, testContext } from './testing/fixtures.js';

const at = (iso: string) => testContext(iso);
const T1 = '2026-11-22T01:00:00.000Z';

describe('controllerPublish', () => {
  it('publishes a Created volume over the best transport both sides speak', () => {
    const { volume, server, site } = fixture();
    // Both HDD JBODs speak iscsi and nvmetcp; the server also speaks roce.
    const result = controllerPublish(volume, server, site, at(T1));
    expect(result).toMatchObject({ ok: true, value: { changed: true } });
    if (!result.ok) return;
    expect(result.value.volume).toMatchObject({
      lifecycle: 'ControllerPublished',
      server: server.id,
      transport: 'nvmetcp',
      updatedAt: T1,
    });
    expect(result.value.events).toMatchObject([
      { type: 'VolumePublished', at: T1, actor: 'user:test', subject: { kind: 'volume', id: volume.id } },
    ]);
  });

  it('uses roce when every enclosure and the server speak it', () => {
    const { volume, server, site } = fixture({ slice: true });
    const result = controllerPublish(volume, server, site, at(T1));
    expect(result.ok && result.value.volume.transport).toBe('roce');
  });

  it('honours networkTransportsAllowed', () => {
    const { volume, server, site } = fixture({
      request: { parameters: { networkTransportsAllowed: ['iscsi'] } },
    });
    const result = controllerPublish(volume, server, site, at(T1));
    expect(result.ok && result.value.volume.transport).toBe('iscsi');
  });

  it('names each side when the allowed transports exclude all the hardware speaks', () => {
    const { volume, server, site, enclosures } = fixture({
      request: { parameters: { networkTransportsAllowed: ['roce'] } },
    });
    const result = controllerPublish(volume, server, site, at(T1));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'FAILED_PRECONDITION',
        field: 'parameters.networkTransportsAllowed',
        message:
          `no allowed transport: the StorageClass allows roce but server ${server.id} speaks iscsi, nvmetcp, roce, ` +
          `enclosure ${enclosures[0]!.id} speaks iscsi, nvmetcp, enclosure ${enclosures[1]!.id} speaks iscsi, nvmetcp; ` +
          'allowing nvmetcp, iscsi would work',
      },
    });
  });

  it('fails when server and enclosures have no transport in common', () => {
    const { volume, site } = fixture({ slice: true });
    const server = buildServer({ transports: ['iscsi'] });
    // The eBODs speak all three transports; narrow one of them to roce.
    const [first] = [...site.enclosures.values()];
    site.enclosures.set(first!.id, { ...first!, transports: ['roce'] });
    const result = controllerPublish(volume, server, site, at(T1));
    expect(!result.ok && result.error.code).toBe('FAILED_PRECONDITION');
    expect(!result.ok && result.error.message).toMatch(
      /^no transport in common: server .* speaks iscsi, enclosure .* speaks roce/,
    );
  });

  it('refuses a server that is not up, and a failed volume', () => {
    const { volume, server, site } = fixture();
    const down = controllerPublish(volume, { ...server, state: 'down' }, site, at(T1));
    expect(!down.ok && down.error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringMatching(/is down/),
    });
    const failed = controllerPublish({ ...volume, health: 'failed' }, server, site, at(T1));
    expect(!failed.ok && failed.error.code).toBe('FAILED_PRECONDITION');
  });

  it('is idempotent for the same server and refuses another one', () => {
    const { volume, server, site } = fixture();
    const first = controllerPublish(volume, server, site, at(T1));
    if (!first.ok) throw new Error(first.error.message);
    const again = controllerPublish(first.value.volume, server, site, at('2026-11-22T02:00:00.000Z'));
    expect(again).toEqual({ ok: true, value: { volume: first.value.volume, events: [], changed: false } });
    const other = controllerPublish(first.value.volume, buildServer(), site, at(T1));
    expect(!other.ok && other.error).toMatchObject({
      code: 'FAILED_PRECONDITION',
      message: expect.stringMatching(`published to server ${server.id}`),
    });
  });

  it('refuses a Released volume', () => {
    const { volume, server, site } = fixture();
    const result = controllerPublish({ ...volume, lifecycle: 'Released' }, server, site, at(T1));
    expect(!result.ok && result.error.message).toMatch(/Released/);
  });
});

describe('controllerUnpublish', () => {
  it('returns a published volume to Created, and repeats as a no-op', () => {
    const { volume, server, site } = fixture();
    const published = controllerPublish(volume, server, site, at(T1));
    if (!published.ok) throw new Error(published.error.message);
    const result = controllerUnpublish(published.value.volume, server.id, at(T1));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.volume).toMatchObject({ lifecycle: 'Created', server: null, transport: null });
    expect(result.value.events).toMatchObject([{ type: 'VolumeUnpublished' }]);
    expect(controllerUnpublish(result.value.volume, server.id, at(T1))).toEqual({
      ok: true,
      value: { volume: result.value.volume, events: [], changed: false },
    });
  });

  it('is a no-op for another server, and refused while staged', () => {
    const { volume, server, site } = fixture();
    const published = controllerPublish(volume, server, site, at(T1));
    if (!published.ok) throw new Error(published.error.message);
    expect(controllerUnpublish(published.value.volume, 'srv-other', at(T1))).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    const staged = nodeStage(published.value.volume, '/var/lib/kubelet/staging/pv1', at(T1));
    if (!staged.ok) throw new Error(staged.error.message);
    const refused = controllerUnpublish(staged.value.volume, server.id, at(T1));
    expect(!refused.ok && refused.error.code).toBe('FAILED_PRECONDITION');
  });

  it('detaches from a server that is down even while staged there, dropping its node state', () => {
    const { volume, server, site } = fixture();
    const published = controllerPublish(volume, server, site, at(T1));
    if (!published.ok) throw new Error(published.error.message);
    const staged = nodeStage(published.value.volume, '/var/lib/kubelet/staging/pv1', at(T1));
    if (!staged.ok) throw new Error(staged.error.message);
    // Up or in maintenance, the node can still unstage: still refused.
    for (const state of ['up', 'maintenance'] as const) {
      const refused = controllerUnpublish(staged.value.volume, server.id, at(T1), state);
      expect(!refused.ok && refused.error.code).toBe('FAILED_PRECONDITION');
    }
    const forced = controllerUnpublish(staged.value.volume, server.id, at(T1), 'down');
    if (!forced.ok) throw new Error(forced.error.message);
    expect(forced.value.volume).toMatchObject({
      lifecycle: 'Created',
      server: null,
      stagingPath: null,
      targetPaths: [],
    });
    expect(forced.value.events[0]?.message).toMatch(
      /which is down: its staging at \/var\/lib\/kubelet\/staging\/pv1/,
    );
  });
});
