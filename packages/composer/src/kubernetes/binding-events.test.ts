import type { Claim, Pod } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../inventory/decision.js';
import { claimBindingEvents, mirroredKubeEvent, podBindingEvents } from './binding-events.js';

let n = 0;
const context: DecisionContext = {
  actor: 'kubernetes:c1',
  now: '2026-12-01T00:00:00.000Z',
  nextEventId: () => `e${n++}`,
};

const pod = (over: Partial<Pod> = {}): Pod => ({
  cluster: 'c1',
  namespace: 'db',
  name: 'cassandra-0',
  uid: 'u',
  phase: 'Running',
  ready: true,
  restarts: 0,
  node: 'n1',
  server: 'srv-1',
  workload: { kind: 'StatefulSet', name: 'cassandra' },
  claims: ['data-cassandra-0'],
  volumeIds: ['pvc-1'],
  startedAt: null,
  ...over,
});

const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('pod binding events', () => {
  it('bound, moved, using other volumes, unbound', () => {
    expect(types(podBindingEvents(undefined, pod(), context))).toEqual(['PodBound']);
    const moved = podBindingEvents(pod(), pod({ server: 'srv-2', node: 'n2' }), context);
    expect(types(moved)).toEqual(['PodMoved']);
    expect(moved[0]?.message).toContain('from server srv-1 to srv-2');
    expect(moved[0]?.subject).toEqual({ kind: 'pod', id: 'c1/db/cassandra-0' });
    expect(types(podBindingEvents(pod(), pod({ volumeIds: ['pvc-1', 'pvc-2'] }), context))).toEqual([
      'PodBound',
    ]);
    const deleted = podBindingEvents(pod(), undefined, context);
    expect(types(deleted)).toEqual(['PodUnbound']);
    expect(deleted[0]?.message).toContain('(StatefulSet cassandra) was deleted');
    expect(types(podBindingEvents(pod(), pod({ server: null, node: null }), context))).toEqual([
      'PodUnbound',
    ]);
  });

  it('calls a pod bound again elsewhere soon after it was unbound a move', () => {
    const again = podBindingEvents(undefined, pod({ server: 'srv-3' }), context, 'srv-1');
    expect(types(again)).toEqual(['PodMoved']);
    expect(again[0]?.message).toContain('moved from server srv-1 to srv-3');
    expect(types(podBindingEvents(undefined, pod(), context, 'srv-1'))).toEqual(['PodBound']);
  });

  it('makes no entries for pods without Drivebay volumes, nor for changes that keep the binding', () => {
    expect(podBindingEvents(undefined, pod({ volumeIds: [] }), context)).toEqual([]);
    expect(podBindingEvents(pod({ volumeIds: [] }), undefined, context)).toEqual([]);
    expect(podBindingEvents(pod(), pod({ restarts: 4, ready: false }), context)).toEqual([]);
  });
});

describe('claim binding events', () => {
  const claim = (volumeId: string | null): Claim => ({
    cluster: 'c1',
    namespace: 'db',
    name: 'data-cassandra-0',
    uid: 'u',
    phase: volumeId ? 'Bound' : 'Lost',
    storageClass: 'drivebay-slice',
    requestBytes: 1,
    pv: 'pvc-1',
    driver: 'csi.drivebay.io',
    volumeHandle: volumeId,
    volumeId,
  });

  it('says when a claim resolves to a volume and when it stops', () => {
    expect(types(claimBindingEvents(undefined, claim('pvc-1'), context))).toEqual(['ClaimBound']);
    expect(types(claimBindingEvents(claim('pvc-1'), claim(null), context))).toEqual(['ClaimUnbound']);
    expect(claimBindingEvents(claim('pvc-1'), undefined, context)[0]?.message).toContain('was deleted');
    expect(claimBindingEvents(claim('pvc-1'), claim('pvc-1'), context)).toEqual([]);
  });
});

describe('Kubernetes Events in the timeline', () => {
  it('keeps the reason, the object and the severity', () => {
    const event = mirroredKubeEvent(
      'c1',
      {
        involved: { kind: 'Pod', namespace: 'db', name: 'cassandra-0' },
        reason: 'BackOff',
        message: 'Back-off restarting failed container',
        type: 'Warning',
        count: 3,
        at: '2026-12-01T00:00:00.000Z',
      },
      context,
    );
    expect(event).toMatchObject({
      type: 'KubernetesEvent',
      severity: 'warning',
      actor: 'kubernetes:c1',
      subject: { kind: 'pod', id: 'c1/db/cassandra-0' },
    });
    expect(event.message).toBe('BackOff: Back-off restarting failed container — Pod db/cassandra-0 (×3)');
    const node = mirroredKubeEvent(
      'c1',
      {
        involved: { kind: 'Node', namespace: null, name: 'n1' },
        reason: 'NodeNotReady',
        message: null,
        type: 'Normal',
        count: 1,
        at: null,
      },
      context,
    );
    expect(node.subject).toEqual({ kind: 'node', id: 'c1/n1' });
    expect(node.severity).toBe('info');
  });
});
