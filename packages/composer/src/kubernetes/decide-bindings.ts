import type { Claim, DomainEvent, KubeNode, Pod } from '@drivebay/api-types';
import { type DecisionContext, sameRecord } from '../inventory/decision.js';
import { claimBindingEvents, isBound, podBindingEvents } from './binding-events.js';
import type { BindingChanges } from './cluster-bindings.js';

/** A pod bound again within this long of being unbound, on another server, has moved. */
export const MOVE_WINDOW_MS = 15 * 60_000;

/** Where a pod was last bound, when it was unbound lately: what turns "unbound, bound" into "moved". */
export interface RecentUnbind {
  server: string;
  /** ISO time it was unbound. */
  at: string;
}

/** The podwatcher records as the store holds them now. */
export interface StoredBindings {
  node(id: string): KubeNode | undefined;
  claim(id: string): Claim | undefined;
  pod(id: string): Pod | undefined;
}

/** A record to write or delete; `kind` is its collection. */
export type KubeRecordChange =
  | { kind: 'nodes'; op: 'put'; id: string; value: KubeNode }
  | { kind: 'claims'; op: 'put'; id: string; value: Claim }
  | { kind: 'pods'; op: 'put'; id: string; value: Pod }
  | { kind: 'nodes' | 'claims' | 'pods'; op: 'delete'; id: string };

export interface BindingDecision {
  changes: KubeRecordChange[];
  events: DomainEvent[];
  /** Updates of the recent-unbind memory: an entry to remember, or null to forget one. */
  unbinds: Map<string, RecentUnbind | null>;
}

/**
 * What the store must record for bindings that may have changed: the records that differ from
 * the stored ones, and a timeline entry for each binding change (bound, moved, unbound; a claim
 * bound or released). A StatefulSet pod that moves is deleted and created again under the same
 * name elsewhere, so an unbind is remembered for MOVE_WINDOW_MS and a bind on another server
 * within it is a move.
 */
export function decideBindings(
  fresh: BindingChanges,
  stored: StoredBindings,
  recent: ReadonlyMap<string, RecentUnbind>,
  context: DecisionContext,
): BindingDecision {
  const decision: BindingDecision = { changes: [], events: [], unbinds: new Map() };
  for (const [id, after] of fresh.nodes) {
    if (sameRecord(stored.node(id), after)) continue;
    decision.changes.push(
      after ? { kind: 'nodes', op: 'put', id, value: after } : { kind: 'nodes', op: 'delete', id },
    );
  }
  for (const [id, after] of fresh.claims) {
    const before = stored.claim(id);
    if (sameRecord(before, after)) continue;
    decision.changes.push(
      after ? { kind: 'claims', op: 'put', id, value: after } : { kind: 'claims', op: 'delete', id },
    );
    decision.events.push(...claimBindingEvents(before, after, context));
  }
  const now = Date.parse(context.now);
  for (const [id, after] of fresh.pods) {
    const before = stored.pod(id);
    if (sameRecord(before, after)) continue;
    decision.changes.push(
      after ? { kind: 'pods', op: 'put', id, value: after } : { kind: 'pods', op: 'delete', id },
    );
    const last = recent.get(id);
    const lastServer = last && now - Date.parse(last.at) < MOVE_WINDOW_MS ? last.server : undefined;
    const events = podBindingEvents(before, after, context, lastServer);
    decision.events.push(...events);
    if (events.some((e) => e.type === 'PodUnbound') && isBound(before) && before.server) {
      decision.unbinds.set(id, { server: before.server, at: context.now });
    } else if (events.length > 0) decision.unbinds.set(id, null);
  }
  return decision;
}

/**
 * A full comparison: every record the cluster shows, plus an undefined entry (a delete) for each
 * stored record it no longer shows. Used after listing, to remove records left from before.
 */
export function withStoredLeftovers(
  all: BindingChanges,
  storedIds: { nodes: Iterable<string>; claims: Iterable<string>; pods: Iterable<string> },
): BindingChanges {
  for (const kind of ['nodes', 'claims', 'pods'] as const) {
    const map = all[kind] as Map<string, unknown>;
    for (const id of storedIds[kind]) if (!map.has(id)) map.set(id, undefined);
  }
  return all;
}

/** Splits changes into pieces of at most `size` records (nodes, then claims, then pods), each decided and committed apart. */
export function chunkBindings(changes: BindingChanges, size: number): BindingChanges[] {
  const chunks: BindingChanges[] = [];
  let current: BindingChanges = { nodes: new Map(), claims: new Map(), pods: new Map() };
  let count = 0;
  for (const kind of ['nodes', 'claims', 'pods'] as const) {
    for (const [id, record] of changes[kind] as Map<string, KubeNode | Claim | Pod | undefined>) {
      (current[kind] as Map<string, unknown>).set(id, record);
      if (++count === size) {
        chunks.push(current);
        current = { nodes: new Map(), claims: new Map(), pods: new Map() };
        count = 0;
      }
    }
  }
  if (count > 0) chunks.push(current);
  return chunks;
}
