import { afterEach, describe, expect, it } from 'vitest';
import { buildPod, buildPv } from './builders.js';
import { type KubeApiSimulator, startKubeApiSimulator } from './index.js';

let sim: KubeApiSimulator;
afterEach(() => sim?.close());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

describe('the simulated apiserver over HTTP', () => {
  it('answers failures with Status bodies shaped like the real ones', async () => {
    sim = await startKubeApiSimulator();
    expect(await call('GET', '/api/v1/namespaces/default/pods/x')).toEqual({
      status: 404,
      body: {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'pods "x" not found',
        reason: 'NotFound',
        details: { name: 'x', kind: 'pods' },
        code: 404,
      },
    });
    expect((await call('GET', '/apis/storage.k8s.io/v1/storageclasses/fast')).body.message).toBe(
      'storageclasses.storage.k8s.io "fast" not found',
    );
    expect((await call('GET', '/api/v1/widgets')).body).toMatchObject({ code: 404, reason: 'NotFound' });
    expect((await call('POST', '/api/v1/namespaces/default/pods/x', {})).body).toMatchObject({
      code: 405,
      reason: 'MethodNotAllowed',
    });
    expect((await call('GET', '/api/v1/pods?labelSelector=a%20in%20b')).body).toMatchObject({
      code: 400,
      reason: 'BadRequest',
    });
    expect((await call('GET', '/api/v1/pods?fieldSelector=spec.bogus%3Dx')).status).toBe(400);
    expect((await call('POST', '/api/v1/namespaces/default/events', '{oops')).body).toMatchObject({
      code: 400,
    });
    expect(
      (await call('POST', '/api/v1/namespaces/default/events', { metadata: { labels: 3 } })).status,
    ).toBe(400);
  });

  it('lists with kind, apiVersion and resourceVersion on the list and its items, filtered by selectors', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'a', nodeName: 'n1', labels: { app: 'web' } }));
    sim.store.create('pods', buildPod({ name: 'b', nodeName: 'n2', labels: { app: 'db' } }));
    const { body } = await call('GET', '/api/v1/pods?labelSelector=app%20in%20(web,cache)');
    expect(body).toMatchObject({
      kind: 'PodList',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(sim.store.resourceVersion) },
    });
    expect(body.items).toEqual([
      expect.objectContaining({
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: expect.objectContaining({ name: 'a' }),
      }),
    ]);
    const byNode = await call('GET', '/api/v1/namespaces/default/pods?fieldSelector=spec.nodeName%3Dn2');
    expect((byNode.body.items as { metadata: { name: string } }[]).map((p) => p.metadata.name)).toEqual([
      'b',
    ]);
  });

  it('merge-patches annotations of a PV and PVC, guarding with resourceVersion', async () => {
    sim = await startKubeApiSimulator();
    const pv = sim.store.create('persistentvolumes', buildPv({ name: 'pv-1' }));
    const patch = { metadata: { annotations: { 'drivebay.io/volume': 'vol-7' } } };
    const merge = { 'content-type': 'application/merge-patch+json' };
    const patched = await call('PATCH', '/api/v1/persistentvolumes/pv-1', patch, merge);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      metadata: { annotations: { 'drivebay.io/volume': 'vol-7' }, uid: pv.metadata.uid },
    });
    expect(sim.store.get('persistentvolumes', { name: 'pv-1' })?.metadata.annotations).toEqual(
      patch.metadata.annotations,
    );
    const stale = { metadata: { resourceVersion: pv.metadata.resourceVersion, annotations: { x: 'y' } } };
    expect((await call('PATCH', '/api/v1/persistentvolumes/pv-1', stale, merge)).body).toMatchObject({
      code: 409,
      reason: 'Conflict',
    });
    const removed = await call(
      'PATCH',
      '/api/v1/persistentvolumes/pv-1',
      { metadata: { annotations: { 'drivebay.io/volume': null } } },
      merge,
    );
    expect(removed.body).toMatchObject({ metadata: { annotations: {} } });
    expect(
      (
        await call('PATCH', '/api/v1/persistentvolumes/pv-1', [], {
          'content-type': 'application/apply-patch+yaml',
        })
      ).status,
    ).toBe(415);
  });

  it('deletes a pod on a node gracefully (Terminating until forced) and anything else at once', async () => {
    sim = await startKubeApiSimulator({ now: () => Date.parse('2025-01-01T00:00:00Z') });
    sim.store.create('pods', buildPod({ name: 'on-node', nodeName: 'n1' }));
    sim.store.create('pods', buildPod({ name: 'unscheduled' }));
    const graceful = await call('DELETE', '/api/v1/namespaces/default/pods/on-node', {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Background',
    });
    expect(graceful.status).toBe(200);
    expect(graceful.body.metadata).toMatchObject({
      deletionTimestamp: '2025-01-01T00:00:30Z',
      deletionGracePeriodSeconds: 30,
    });
    // A write cannot call the deletion off.
    await call(
      'PATCH',
      '/api/v1/namespaces/default/pods/on-node',
      { metadata: { deletionTimestamp: null } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    expect(sim.store.get('pods', { name: 'on-node' })?.metadata.deletionTimestamp).toBe(
      '2025-01-01T00:00:30Z',
    );
    // A second, shorter delete shortens it; grace period 0 (kubectl delete --force) removes the pod.
    await call('DELETE', '/api/v1/namespaces/default/pods/on-node?gracePeriodSeconds=5');
    expect(sim.store.get('pods', { name: 'on-node' })?.metadata.deletionGracePeriodSeconds).toBe(5);
    await call('DELETE', '/api/v1/namespaces/default/pods/on-node', { gracePeriodSeconds: 0 });
    expect(sim.store.get('pods', { name: 'on-node' })).toBeUndefined();
    expect((await call('DELETE', '/api/v1/namespaces/default/pods/unscheduled')).status).toBe(200);
    expect(sim.store.get('pods', { name: 'unscheduled' })).toBeUndefined();
    expect((await call('DELETE', '/api/v1/namespaces/default/pods/x?gracePeriodSeconds=-1')).status).toBe(
      400,
    );
  });

  it('creates events with generated names, in the namespace of the URL', async () => {
    sim = await startKubeApiSimulator();
    const event = {
      metadata: { generateName: 'pv-1.', uid: 'client-made', resourceVersion: '999' },
      involvedObject: { kind: 'PersistentVolume', name: 'pv-1' },
      reason: 'Bound',
      message: 'bound to vol-7',
      type: 'Normal',
    };
    const created = await call('POST', '/api/v1/namespaces/default/events', event);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'Event',
      metadata: { namespace: 'default', name: expect.stringMatching(/^pv-1\.[a-z0-9]{5}$/) },
    });
    expect(created.body.metadata).not.toMatchObject({ uid: 'client-made' });
    expect((await call('POST', '/api/v1/namespaces/nowhere/events', event)).body).toMatchObject({
      code: 404,
    });
    expect((await call('POST', '/api/v1/events', event)).status).toBe(405);
  });

  it('answers 410 Expired with a Status for an exact list of a compacted resourceVersion', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'a' }));
    const old = sim.store.resourceVersion;
    sim.store.create('pods', buildPod({ name: 'b' }));
    const exact = await call('GET', `/api/v1/pods?resourceVersion=${old}&resourceVersionMatch=Exact`);
    expect((exact.body.items as unknown[]).length).toBe(1);
    sim.store.compact(sim.store.resourceVersion);
    expect(
      (await call('GET', `/api/v1/pods?resourceVersion=${old}&resourceVersionMatch=Exact`)).body,
    ).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
      message: `too old resource version: ${old} (${sim.store.resourceVersion})`,
    });
  });

  it('requires the bearer token when one is configured, but not for health checks', async () => {
    sim = await startKubeApiSimulator({ token: 's3cret' });
    expect((await call('GET', '/api/v1/pods')).body).toMatchObject({ code: 401, reason: 'Unauthorized' });
    expect((await call('GET', '/api/v1/pods', undefined, { authorization: 'Bearer s3cret' })).status).toBe(
      200,
    );
    expect((await fetch(`${sim.url}/healthz`)).status).toBe(200);
  });

  it('comes back on the same port with its state after stop()', async () => {
    sim = await startKubeApiSimulator();
    sim.store.create('pods', buildPod({ name: 'a' }));
    await sim.stop();
    await expect(fetch(`${sim.url}/api/v1/pods`)).rejects.toThrow();
    await sim.start();
    expect(((await call('GET', '/api/v1/pods')).body.items as unknown[]).length).toBe(1);
  });
});
