import type { Pod } from '@drivebay/api-types';
import { describe, expect, it } from 'vitest';
import type { DecisionContext } from '../inventory/decision.js';
import type { BindingChanges } from './cluster-bindings.js';
import {
  chunkBindings,
  decideBindings,
  MOVE_WINDOW_MS,
  type RecentUnbind,
  withStoredLeftovers,
} from './decide-bindings.js';

let n = 0;
const at = (ms: number): DecisionContext => ({
  actor: 'kubernetes:c1',
  now: new Date(Date.UTC(2026, 11, 1) + ms).toISOString(),
  nextEventId: () => `e${n++}`,
});

const pod = (server: string | null): Pod => ({
  cluster: 'c1',
  namespace: 'db',
  name: 'cassandra-0',
  uid: 'u',
  phase: 'Running',
  ready: true,
  restarts: 0,
  node: server ? `node-of-${server}` : null,
  server,
  workload: { kind: 'StatefulSet', name: 'cassandra' },
  claims: ['data-cassandra-0'],
  volumeIds: ['pvc-1'],
  startedAt: null,
});
const ID = 'c1/db/cassandra-0';
const only = (p: Pod | undefined): BindingChanges => ({
  nodes: new Map(),
  claims: new Map(),
  pods: new Map([[ID, p]]),
});

/** Runs decisions as the ingest does: the store and the unbind memory follow each decision. */
function world() {
  let stored: Pod | undefined;
  const recent = new Map<string, RecentUnbind>();
  return (next: Pod | undefined, context: DecisionContext) => {
    const decision = decideBindings(
      only(next),
      { node: () => undefined, claim: () => undefined, pod: () => stored },
      recent,
      context,
    );
    for (const [id, unbind] of decision.unbinds) {
      if (unbind) recent.set(id, unbind);
      else recent.delete(id);
    }
    stored = next;
    return decision;
  };
}

describe('decideBindings', () => {
  it('writes only records that differ from the stored ones', () => {
    const decide = world();
    expect(decide(pod('srv-1'), at(0)).changes).toHaveLength(1);
    const again = decide(pod('srv-1'), at(1));
    expect(again.changes).toEqual([]);
    expect(again.events).toEqual([]);
  });

  it('calls a StatefulSet pod recreated on another server within the window a move, and later a new binding', () => {
    const decide = world();
    decide(pod('srv-1'), at(0));
    expect(decide(undefined, at(1_000)).events.map((e) => e.type)).toEqual(['PodUnbound']);
    const moved = decide(pod('srv-2'), at(5_000));
    expect(moved.events.map((e) => e.type)).toEqual(['PodMoved']);
    expect(moved.events[0]?.message).toContain('moved from server srv-1 to srv-2');

    decide(undefined, at(10_000));
    const late = decide(pod('srv-3'), at(10_000 + MOVE_WINDOW_MS + 1));
    expect(late.events.map((e) => e.type)).toEqual(['PodBound']);
  });

  it('compares a full listing with the store: records it no longer shows are deleted', () => {
    const all: BindingChanges = { nodes: new Map(), claims: new Map(), pods: new Map([[ID, pod('srv-1')]]) };
    const full = withStoredLeftovers(all, { nodes: ['c1/gone-node'], claims: [], pods: [ID, 'c1/db/old'] });
    expect([...full.pods.keys()]).toEqual([ID, 'c1/db/old']);
    expect(full.pods.get('c1/db/old')).toBeUndefined();
    const decision = decideBindings(
      full,
      {
        node: (id) => (id === 'c1/gone-node' ? ({} as never) : undefined),
        claim: () => undefined,
        pod: () => undefined,
      },
      new Map(),
      at(0),
    );
    expect(decision.changes.filter((c) => c.op === 'delete').map((c) => c.id)).toEqual(['c1/gone-node']);
  });

  it('splits changes into chunks of a bounded size, nodes first', () => {
    const changes: BindingChanges = {
      nodes: new Map([['c1/a', undefined]]),
      claims: new Map([['c1/ns/b', undefined]]),
      pods: new Map([
        ['c1/ns/c', undefined],
        ['c1/ns/d', undefined],
      ]),
    };
    const chunks = chunkBindings(changes, 3);
    expect(chunks.map((c) => [c.nodes.size, c.claims.size, c.pods.size])).toEqual([
      [1, 1, 1],
      [0, 0, 1],
    ]);
  });
});
