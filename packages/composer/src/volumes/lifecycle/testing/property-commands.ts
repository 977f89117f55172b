import { GIB, type Volume } from '@drivebay/api-types';
import fc from 'fast-check';
import type { DecisionContext } from '../../../inventory/decision.js';
import type { SiteView } from '../../types.js';
import { controllerPublish, controllerUnpublish } from '../controller-publish.js';
import { nodePublish, nodeUnpublish } from '../node-publish.js';
import { nodeStage, nodeUnstage } from '../node-stage.js';
import { T0 } from './fixtures.js';
import type { LifecycleCall } from './oracle.js';

/** Test support for the property test: the commands it generates and how a CSI call is made. */

export const STAGING = ['/stage/a', '/stage/b', 'stage/relative'];
export const TARGETS = ['/pods/1/mount', '/pods/2/mount', '/pods/../escape'];
/** A 10 GiB slice rebuilds in 10 s, a whole 3.84 TB SSD in about an hour. */
export const RATE = GIB;

const index = fc.nat(7);
// Valid paths most of the time, so that sequences reach NodePublished; the last one is invalid.
const path = fc.constantFrom(0, 0, 0, 1, 2);
/** One random call or hardware event, weighted so that sequences reach deep lifecycle states. */
export const commandArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('publish' as const),
      volume: index,
      server: fc.constantFrom(0, 0, 1, 2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('unpublish' as const), volume: index, server: fc.nat(2) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom('stage' as const, 'nodePublish' as const),
      volume: index,
      path,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('unstage' as const, 'nodeUnpublish' as const),
      volume: index,
      path,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), volume: index, purge: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('expand' as const),
      volume: index,
      growGiB: fc.integer({ min: -1, max: 3 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('drive' as const),
      drive: fc.nat(14),
      health: fc.constantFrom(
        'ok' as const,
        'ok' as const,
        'degraded' as const,
        'failed' as const,
        'offline' as const,
        'removed' as const,
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('enclosure' as const),
      enclosure: fc.nat(2),
      online: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('rebuild' as const),
      volume: index,
      member: fc.nat(3),
      spare: fc.nat(5),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), seconds: fc.integer({ min: 1, max: 4000 }) }),
  },
);
/** A generated command. */
export type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

/** A context per step: its actor, the clock's time, ids that name the step. */
export function stepContext(step: number, clock: number, tag = 'call'): DecisionContext {
  let n = 0;
  return {
    actor: `user:step-${step}`,
    now: new Date(Date.parse(T0) + clock * 1000).toISOString(),
    nextEventId: () => `ev-${step}-${tag}-${++n}`,
  };
}

/** Makes a CSI call of the oracle's vocabulary. */
export function callOf(volume: Volume, call: LifecycleCall, site: SiteView, context: DecisionContext) {
  switch (call.kind) {
    case 'publish':
      return controllerPublish(volume, call.server, site, context);
    case 'unpublish':
      return controllerUnpublish(volume, call.server.id, context);
    case 'stage':
      return nodeStage(volume, call.path, context);
    case 'unstage':
      return nodeUnstage(volume, call.path, context);
    case 'nodePublish':
      return nodePublish(volume, call.path, context);
    case 'nodeUnpublish':
      return nodeUnpublish(volume, call.path, context);
    case 'delete':
      throw new Error('deletes are checked on their own');
  }
}
