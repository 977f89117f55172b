import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VolumeListSchema, VolumeSchema } from '@drivebay/api-types';
import { call } from '@drivebay/bff/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsiClient } from '../src/client/index.js';
import { createPluginLog, startPlugin } from '../src/index.js';
import { blockCapability, CLUSTER, GiB, mountCapability, startWorld, type World } from './world.js';

// The Identity and Controller services over the real unix socket, against a real Drivebay: each
// of CSI's rules for these RPCs, checked as the external-provisioner, -attacher and -resizer see them.

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.close();
});

type CsiVolume = { volume_id: string; capacity_bytes: string; volume_context: Record<string, string> };
const create = (request: object) =>
  w.controller.call<{ volume: CsiVolume }>('Controller', 'CreateVolume', {
    volume_capabilities: [mountCapability()],
    ...request,
  });
const sliceRequest = (name: string, gib = 10) => ({
  name,
  capacity_range: { required_bytes: String(gib * GiB) },
  parameters: { type: 'slice' },
});
const drivebayVolume = async (id: string) => {
  const answer = await call(w.app.viewer, 'GET', `/api/v1/volumes/${id}`);
  return answer.status === 200 ? VolumeSchema.parse(answer.body) : undefined;
};

describe('Identity', () => {
  it('names the driver and its version, and offers the controller service and online expansion', async () => {
    const info = await w.controller.call('Identity', 'GetPluginInfo');
    expect(info).toMatchObject({ name: 'csi.drivebay.io', vendor_version: '0.1.0' });
    const { capabilities } = await w.node.call<{ capabilities: object[] }>(
      'Identity',
      'GetPluginCapabilities',
    );
    expect(capabilities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ service: { type: 'CONTROLLER_SERVICE' } }),
        expect.objectContaining({ volume_expansion: { type: 'ONLINE' } }),
      ]),
    );
  });

  it('is ready while Drivebay answers and accepts the token, and not ready when it cannot be reached', async () => {
    expect(await w.controller.call('Identity', 'Probe')).toMatchObject({ ready: { value: true } });
    const unreachable = join(w.dir, 'unreachable');
    mkdirSync(unreachable);
    // Port 1 on loopback: nothing listens there.
    writeFileSync(join(unreachable, 'server'), 'http://127.0.0.1:1');
    writeFileSync(join(unreachable, 'token'), 'dbt_tok-000000000000_x');
    const plugin = await startPlugin({
      mode: 'controller',
      endpoint: `unix://${join(w.dir, 'probe.sock')}`,
      credentials: unreachable,
      cluster: CLUSTER,
      log: createPluginLog('silent'),
    });
    const client = new CsiClient(plugin.socketPath);
    expect(await client.call('Identity', 'Probe')).toMatchObject({ ready: { value: false } });
    // Controller calls say why, with the code a CO retries with backoff.
    await expect(create(sliceRequest('pvc-unreachable'))).resolves.toBeDefined(); // the real plugin still works
    await expect(
      client.call('Controller', 'CreateVolume', {
        ...sliceRequest('pvc-x'),
        volume_capabilities: [mountCapability()],
      }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', details: expect.stringMatching(/unreachable/) });
    client.close();
    await plugin.close();
  });

  it('answers a wrong token UNAUTHENTICATED', async () => {
    const wrong = join(w.dir, 'wrong-token');
    mkdirSync(wrong);
    writeFileSync(join(wrong, 'server'), w.app.url);
    writeFileSync(join(wrong, 'token'), 'dbt_tok-000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const plugin = await startPlugin({
      mode: 'controller',
      endpoint: `unix://${join(w.dir, 'wrong.sock')}`,
      credentials: wrong,
      cluster: CLUSTER,
      log: createPluginLog('silent'),
    });
    const client = new CsiClient(plugin.socketPath);
    await expect(
      client.call('Controller', 'CreateVolume', {
        ...sliceRequest('pvc-y'),
        volume_capabilities: [mountCapability()],
      }),
    ).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    client.close();
    await plugin.close();
  });
});

describe('the plugin process', () => {
  it('serves only its mode’s services: a controller has no Node service, a node plugin no Controller', async () => {
    await expect(w.controller.call('Node', 'NodeGetInfo')).rejects.toMatchObject({ code: 'UNIMPLEMENTED' });
    await expect(create(sliceRequest('pvc-on-node-plugin'))).resolves.toBeDefined();
    await expect(
      w.node.call('Controller', 'CreateVolume', {
        ...sliceRequest('pvc-on-node-plugin'),
        volume_capabilities: [mountCapability()],
      }),
    ).rejects.toMatchObject({ code: 'UNIMPLEMENTED' });
    // Identity is every mode's.
    await expect(w.node.call('Identity', 'GetPluginInfo')).resolves.toMatchObject({
      name: 'csi.drivebay.io',
    });
  });

  it('reads the Secret on every call: a rotated token works without a restart', async () => {
    const rotated = join(w.dir, 'rotated');
    mkdirSync(rotated);
    writeFileSync(join(rotated, 'server'), w.app.url);
    writeFileSync(join(rotated, 'token'), 'dbt_tok-000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const plugin = await startPlugin({
      mode: 'controller',
      endpoint: `unix://${join(w.dir, 'rotated.sock')}`,
      credentials: rotated,
      cluster: CLUSTER,
      log: createPluginLog('silent'),
    });
    const client = new CsiClient(plugin.socketPath);
    const request = { ...sliceRequest('pvc-rotated'), volume_capabilities: [mountCapability()] };
    await expect(client.call('Controller', 'CreateVolume', request)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    // The kubelet updates a mounted Secret in place.
    writeFileSync(join(rotated, 'token'), readFileSync(join(w.secretDir, 'token')));
    await expect(client.call('Controller', 'CreateVolume', request)).resolves.toMatchObject({
      volume: { volume_id: 'pvc-rotated' },
    });
    client.close();
    await plugin.close();
  });

  it('never logs a secret: neither the CO’s secrets nor the Drivebay token', async () => {
    const lines: string[] = [];
    const capture = (message: string, fields?: Record<string, unknown>) =>
      lines.push(JSON.stringify({ message, ...fields }));
    const plugin = await startPlugin({
      mode: 'controller',
      endpoint: `unix://${join(w.dir, 'logged.sock')}`,
      credentials: w.secretDir,
      cluster: CLUSTER,
      log: { debug: capture, info: capture, warn: capture, error: capture },
    });
    const client = new CsiClient(plugin.socketPath);
    const secrets = { password: 'secret-hunter2-in-create', 'ca.key': 'secret-pem-in-create' };
    await client.call('Controller', 'CreateVolume', {
      ...sliceRequest('pvc-logged'),
      volume_capabilities: [mountCapability()],
      secrets,
    });
    // A refused call is logged too, with its request.
    await expect(
      client.call('Controller', 'ControllerPublishVolume', {
        volume_id: 'pvc-logged',
        node_id: 'no-such-server',
        volume_capability: mountCapability(),
        secrets: { password: 'secret-hunter2-in-publish' },
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await client.call('Controller', 'DeleteVolume', {
      volume_id: 'pvc-logged',
      secrets: { password: 'secret-hunter2-in-delete' },
    });
    client.close();
    await plugin.close();
    const log = lines.join('\n');
    // The calls were logged (so the check below looks at something)...
    expect(lines.filter((l) => l.includes('"rpc":"CreateVolume"'))).toHaveLength(1);
    expect(log).toContain('<2 redacted>');
    // ...and no secret value, nor the token the plugin authenticates with, is in them.
    expect(log).not.toMatch(/secret-hunter2|secret-pem/);
    expect(log).not.toContain(readFileSync(join(w.secretDir, 'token'), 'utf8').trim());
  });
});

describe('ControllerGetCapabilities', () => {
  it('lists what the plugin does, and no snapshots', async () => {
    const { capabilities } = await w.controller.call<{ capabilities: { rpc: { type: string } }[] }>(
      'Controller',
      'ControllerGetCapabilities',
    );
    const types = capabilities.map((c) => c.rpc.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'CREATE_DELETE_VOLUME',
        'PUBLISH_UNPUBLISH_VOLUME',
        'LIST_VOLUMES',
        'GET_CAPACITY',
        'EXPAND_VOLUME',
        'LIST_VOLUMES_PUBLISHED_NODES',
        'VOLUME_CONDITION',
        'GET_VOLUME',
      ]),
    );
    expect(types).not.toContain('CREATE_DELETE_SNAPSHOT');
    await expect(
      w.controller.call('Controller', 'CreateSnapshot', { name: 's', source_volume_id: 'v' }),
    ).rejects.toMatchObject({
      code: 'UNIMPLEMENTED',
    });
    await expect(w.controller.call('Controller', 'ListSnapshots', {})).rejects.toMatchObject({
      code: 'UNIMPLEMENTED',
    });
  });
});

describe('CreateVolume', () => {
  it('refuses a request without name or capabilities, or with capabilities Drivebay cannot honour', async () => {
    await expect(create({ ...sliceRequest(''), name: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: 'name is required',
    });
    await expect(create({ ...sliceRequest('pvc-nocap'), volume_capabilities: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: expect.stringMatching(/volume_capabilities is required/),
    });
    await expect(
      create({
        ...sliceRequest('pvc-multi'),
        volume_capabilities: [mountCapability('', 'MULTI_NODE_MULTI_WRITER')],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: expect.stringMatching(/one server at a time/),
    });
    await expect(
      create({ ...sliceRequest('pvc-btrfs'), volume_capabilities: [mountCapability('btrfs')] }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: expect.stringMatching(/ext4 or xfs/) });
    await expect(
      create({ ...sliceRequest('pvc-clone'), volume_content_source: { volume: { volume_id: 'pvc-a' } } }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: expect.stringMatching(/no snapshots or clones/),
    });
  });

  it('names a StorageClass parameter Drivebay does not know, and what a bad value allows', async () => {
    await expect(
      create({ ...sliceRequest('pvc-raid5'), parameters: { type: 'hdd', raid: '5' } }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: expect.stringMatching(/raid/),
    });
    await expect(create({ ...sliceRequest('pvc-type'), parameters: { type: 'tape' } })).rejects.toMatchObject(
      {
        code: 'INVALID_ARGUMENT',
        details: expect.stringMatching(/type/),
      },
    );
    expect(await drivebayVolume('pvc-raid5')).toBeUndefined();
  });

  it('composes once by name: the same request again is the same volume, a different one ALREADY_EXISTS', async () => {
    const first = await create({
      ...sliceRequest('pvc-idem', 20),
      // What --extra-create-metadata adds: Kubernetes' own, not Drivebay's parameters.
      parameters: {
        type: 'slice',
        'csi.storage.k8s.io/pvc/name': 'data-0',
        'csi.storage.k8s.io/pvc/namespace': 'db',
        'csi.storage.k8s.io/pv/name': 'pvc-idem',
      },
    });
    expect(first.volume.volume_id).toBe('pvc-idem');
    expect(BigInt(first.volume.capacity_bytes)).toBeGreaterThanOrEqual(BigInt(20 * GiB));
    expect(first.volume.volume_context).toMatchObject({ 'drivebay.io/type': 'slice' });
    const again = await create({ ...sliceRequest('pvc-idem', 20) });
    expect(again.volume).toEqual(first.volume);
    await expect(create(sliceRequest('pvc-idem', 30))).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    await expect(
      create({ ...sliceRequest('pvc-idem', 20), volume_capabilities: [blockCapability()] }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const listed = VolumeListSchema.parse(
      (await call(w.app.viewer, 'GET', '/api/v1/volumes?q=pvc-idem')).body,
    );
    expect(listed.total).toBe(1);
    expect(listed.volumes[0]).toMatchObject({ cluster: CLUSTER, csi: { lastCall: { rpc: 'CreateVolume' } } });
  });

  it('defaults the size when the CO names none, and honours limit_bytes', async () => {
    const sized = await create({ name: 'pvc-default-size', parameters: { type: 'slice' } });
    expect(sized.volume.capacity_bytes).toBe(String(GiB));
    // A whole HDD is terabytes: a 1 GiB limit cannot be met.
    await expect(
      create({
        name: 'pvc-limit',
        capacity_range: { required_bytes: String(GiB), limit_bytes: String(2 * GiB) },
        parameters: { type: 'hdd' },
      }),
    ).rejects.toMatchObject({ code: 'OUT_OF_RANGE', details: expect.stringMatching(/more than the limit/) });
    await expect(
      create({
        name: 'pvc-inverted',
        capacity_range: { required_bytes: String(4 * GiB), limit_bytes: String(GiB) },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(
      create({ name: 'pvc-huge', capacity_range: { required_bytes: '9223372036854775807' } }),
    ).rejects.toMatchObject({ code: 'OUT_OF_RANGE' });
  });

  it('answers RESOURCE_EXHAUSTED when no drive qualifies', async () => {
    await expect(
      create({ ...sliceRequest('pvc-none'), parameters: { type: 'slice', requiredTags: 'no-such-tag' } }),
    ).rejects.toMatchObject({ code: 'RESOURCE_EXHAUSTED', details: expect.stringMatching(/requiredTags/) });
  });

  it('makes block volumes for block capabilities', async () => {
    await create({ ...sliceRequest('pvc-block'), volume_capabilities: [blockCapability()] });
    expect((await drivebayVolume('pvc-block'))?.request.volumeMode).toBe('Block');
  });

  it('never allocates twice under concurrent calls for one name: each is the volume or ABORTED', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => create(sliceRequest('pvc-race', 7))),
    );
    const ok = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ABORTED' });
    const listed = VolumeListSchema.parse(
      (await call(w.app.viewer, 'GET', '/api/v1/volumes?q=pvc-race')).body,
    );
    expect(listed.total).toBe(1);
    // A retry after the race is the same volume.
    expect((await create(sliceRequest('pvc-race', 7))).volume.volume_id).toBe('pvc-race');
  });
});

describe('ControllerPublishVolume and ControllerUnpublishVolume', () => {
  beforeAll(async () => {
    await create(sliceRequest('pvc-attach'));
  });

  it('checks its arguments: ids, capability, and that volume and node exist', async () => {
    const publish = (request: object) =>
      w.controller.call('Controller', 'ControllerPublishVolume', {
        volume_id: 'pvc-attach',
        node_id: w.server.id,
        volume_capability: mountCapability(),
        ...request,
      });
    await expect(publish({ volume_id: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: 'volume_id is required',
    });
    await expect(publish({ node_id: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: 'node_id is required',
    });
    await expect(publish({ volume_capability: null })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(publish({ volume_capability: blockCapability() })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      details: expect.stringMatching(/created for mount access/),
    });
    await expect(publish({ volume_id: 'pvc-nowhere' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(publish({ node_id: 'srv-nowhere' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('attaches to one node, repeats idempotently, refuses a second node, and detaches idempotently', async () => {
    const publish = (nodeId: string) =>
      w.controller.call<{ publish_context: Record<string, string> }>(
        'Controller',
        'ControllerPublishVolume',
        {
          volume_id: 'pvc-attach',
          node_id: nodeId,
          volume_capability: mountCapability(),
        },
      );
    const first = await publish(w.server.id);
    expect(first.publish_context['drivebay.io/server']).toBe(w.server.id);
    expect(first.publish_context['drivebay.io/transport']).toMatch(/^(iscsi|nvmetcp|roce)$/);
    expect(await publish(w.server.id)).toEqual(first);
    await expect(publish(w.other.id)).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
      details: expect.stringMatching(/one server at a time/),
    });
    // Drivebay's refusal is on the volume's record, for its page.
    expect((await drivebayVolume('pvc-attach'))?.csi?.lastError).toMatchObject({
      rpc: 'ControllerPublishVolume',
      code: 'FAILED_PRECONDITION',
      origin: 'drivebay',
    });
    const unpublish = (nodeId: string) =>
      w.controller.call('Controller', 'ControllerUnpublishVolume', {
        volume_id: 'pvc-attach',
        node_id: nodeId,
      });
    await expect(unpublish(w.other.id)).resolves.toEqual({}); // not attached there: already so
    await expect(unpublish(w.server.id)).resolves.toEqual({});
    await expect(unpublish(w.server.id)).resolves.toEqual({});
    expect((await drivebayVolume('pvc-attach'))?.lifecycle).toBe('Created');
    await expect(
      w.controller.call('Controller', 'ControllerUnpublishVolume', {
        volume_id: 'pvc-gone-long-ago',
        node_id: w.server.id,
      }),
    ).resolves.toEqual({});
    await expect(
      w.controller.call('Controller', 'ControllerUnpublishVolume', { volume_id: '' }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('under concurrent publishes to two nodes, attaches to exactly one', async () => {
    await create(sliceRequest('pvc-tug'));
    const outcomes = await Promise.allSettled(
      [w.server.id, w.other.id, w.server.id, w.other.id].map((nodeId) =>
        w.controller.call('Controller', 'ControllerPublishVolume', {
          volume_id: 'pvc-tug',
          node_id: nodeId,
          volume_capability: mountCapability(),
        }),
      ),
    );
    for (const o of outcomes)
      if (o.status === 'rejected') expect(['ABORTED', 'FAILED_PRECONDITION']).toContain(o.reason.code);
    const volume = await drivebayVolume('pvc-tug');
    expect([w.server.id, w.other.id]).toContain(volume?.server);
  });
});

describe('DeleteVolume', () => {
  it('deletes, is idempotent for a volume already gone, and refuses one still attached', async () => {
    await create(sliceRequest('pvc-delete'));
    await w.controller.call('Controller', 'ControllerPublishVolume', {
      volume_id: 'pvc-delete',
      node_id: w.server.id,
      volume_capability: mountCapability(),
    });
    await expect(
      w.controller.call('Controller', 'DeleteVolume', { volume_id: 'pvc-delete' }),
    ).rejects.toMatchObject({
      code: 'FAILED_PRECONDITION',
    });
    await w.controller.call('Controller', 'ControllerUnpublishVolume', {
      volume_id: 'pvc-delete',
      node_id: w.server.id,
    });
    await expect(
      w.controller.call('Controller', 'DeleteVolume', { volume_id: 'pvc-delete' }),
    ).resolves.toEqual({});
    expect(await drivebayVolume('pvc-delete')).toBeUndefined();
    await expect(
      w.controller.call('Controller', 'DeleteVolume', { volume_id: 'pvc-delete' }),
    ).resolves.toEqual({});
    await expect(w.controller.call('Controller', 'DeleteVolume', { volume_id: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('ValidateVolumeCapabilities', () => {
  it('confirms what the volume can do and says why it cannot do the rest', async () => {
    await create(sliceRequest('pvc-validate'));
    const validate = (capabilities: object[], parameters: Record<string, string> = {}) =>
      w.controller.call<{ confirmed: object | null; message: string }>(
        'Controller',
        'ValidateVolumeCapabilities',
        {
          volume_id: 'pvc-validate',
          volume_capabilities: capabilities,
          parameters,
        },
      );
    expect((await validate([mountCapability('ext4')])).confirmed).not.toBeNull();
    expect(await validate([mountCapability('', 'MULTI_NODE_READER_ONLY')])).toMatchObject({
      confirmed: null,
      message: expect.stringMatching(/one server at a time/),
    });
    expect(await validate([blockCapability()])).toMatchObject({ confirmed: null });
    expect(await validate([mountCapability('xfs')])).toMatchObject({
      confirmed: null,
      message: expect.stringMatching(/ext4/),
    });
    expect(await validate([mountCapability()], { type: 'hdd' })).toMatchObject({
      confirmed: null,
      message: expect.stringMatching(/different type/),
    });
    await expect(
      w.controller.call('Controller', 'ValidateVolumeCapabilities', {
        volume_id: 'pvc-unknown',
        volume_capabilities: [mountCapability()],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      w.controller.call('Controller', 'ValidateVolumeCapabilities', {
        volume_id: 'pvc-validate',
        volume_capabilities: [],
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('ListVolumes', () => {
  it('pages with tokens through every volume exactly once, with the nodes each is published to', async () => {
    for (let i = 0; i < 5; i++) await create(sliceRequest(`pvc-page-${i}`, 1));
    await w.controller.call('Controller', 'ControllerPublishVolume', {
      volume_id: 'pvc-page-2',
      node_id: w.server.id,
      volume_capability: mountCapability(),
    });
    const seen: string[] = [];
    const published: Record<string, string[]> = {};
    let token = '';
    let pages = 0;
    do {
      const page = await w.controller.call<{
        entries: {
          volume: CsiVolume;
          status: { published_node_ids: string[]; volume_condition: { abnormal: boolean } };
        }[];
        next_token: string;
      }>('Controller', 'ListVolumes', { max_entries: 2, starting_token: token });
      expect(page.entries.length).toBeLessThanOrEqual(2);
      for (const entry of page.entries) {
        seen.push(entry.volume.volume_id);
        published[entry.volume.volume_id] = entry.status.published_node_ids;
        expect(entry.status.volume_condition.abnormal).toBe(false);
      }
      token = page.next_token;
      pages += 1;
    } while (token && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(
      expect.arrayContaining(['pvc-page-0', 'pvc-page-1', 'pvc-page-2', 'pvc-page-3', 'pvc-page-4']),
    );
    expect(published['pvc-page-2']).toEqual([w.server.id]);
    expect(published['pvc-page-3']).toEqual([]);
    expect(pages).toBeGreaterThan(2);
  });

  it('answers a token it never gave ABORTED', async () => {
    await expect(
      w.controller.call('Controller', 'ListVolumes', { starting_token: 'garbage' }),
    ).rejects.toMatchObject({
      code: 'ABORTED',
    });
  });
});

describe('GetCapacity', () => {
  it('reports int64 capacity for a class, halved when mirrored, none for unsupported capabilities', async () => {
    const capacity = (parameters: Record<string, string>, capabilities: object[] = [mountCapability()]) =>
      w.controller.call<{ available_capacity: string; maximum_volume_size: { value: string } }>(
        'Controller',
        'GetCapacity',
        {
          parameters,
          volume_capabilities: capabilities,
        },
      );
    const plain = await capacity({ type: 'hdd' });
    const mirrored = await capacity({ type: 'hdd', redundancy: 'true' });
    expect(plain.available_capacity).toMatch(/^\d+$/);
    expect(BigInt(plain.available_capacity)).toBeGreaterThan(0n);
    expect(BigInt(mirrored.available_capacity) * 2n).toBeLessThanOrEqual(
      BigInt(plain.available_capacity) + 1n,
    );
    expect(BigInt(plain.maximum_volume_size.value)).toBeGreaterThan(0n);
    expect(
      (await capacity({ type: 'hdd' }, [mountCapability('', 'MULTI_NODE_MULTI_WRITER')])).available_capacity,
    ).toBe('0');
    await expect(capacity({ type: 'tape' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('ControllerExpandVolume and ControllerGetVolume', () => {
  it('grows a slice online and says the node must grow the filesystem; whole drives are OUT_OF_RANGE', async () => {
    await create(sliceRequest('pvc-grow', 4));
    const expand = (id: string, bytes: number) =>
      w.controller.call<{ capacity_bytes: string; node_expansion_required: boolean }>(
        'Controller',
        'ControllerExpandVolume',
        {
          volume_id: id,
          capacity_range: { required_bytes: String(bytes) },
        },
      );
    const grown = await expand('pvc-grow', 8 * GiB);
    expect(BigInt(grown.capacity_bytes)).toBeGreaterThanOrEqual(BigInt(8 * GiB));
    expect(grown.node_expansion_required).toBe(true);
    // Asking again, or for less, changes nothing and answers the same.
    expect(await expand('pvc-grow', 8 * GiB)).toEqual(grown);
    expect(await expand('pvc-grow', 2 * GiB)).toEqual(grown);
    await create({
      name: 'pvc-whole',
      capacity_range: { required_bytes: String(GiB) },
      parameters: { type: 'hdd' },
    });
    const whole = await drivebayVolume('pvc-whole');
    await expect(expand('pvc-whole', (whole?.capacityBytes ?? 0) + GiB)).rejects.toMatchObject({
      code: 'OUT_OF_RANGE',
      details: expect.stringMatching(/only slice volumes grow/),
    });
    await expect(expand('pvc-unknown', GiB)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      w.controller.call('Controller', 'ControllerExpandVolume', { volume_id: 'pvc-grow' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: 'capacity_range is required' });
  });

  it('describes one volume with its published nodes and condition', async () => {
    const answer = await w.controller.call<{
      volume: CsiVolume;
      status: { volume_condition: { abnormal: boolean; message: string } };
    }>('Controller', 'ControllerGetVolume', { volume_id: 'pvc-grow' });
    expect(answer.volume.volume_id).toBe('pvc-grow');
    expect(answer.status.volume_condition).toMatchObject({
      abnormal: false,
      message: expect.stringMatching(/healthy/),
    });
    await expect(
      w.controller.call('Controller', 'ControllerGetVolume', { volume_id: 'pvc-unknown' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
