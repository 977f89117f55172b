import { z } from 'zod';

/**
 * The rooms of the live hub: a browser joins the ones its page shows and receives only their
 * deltas. `topology`: site, racks, enclosures, drives, servers. `volumes`: volume records.
 * `events`: the domain event timeline. `incident`: the incident summary, whenever it changes
 * (every page's banner). `kube:<cluster>`: that cluster's podwatcher records (pods, claims,
 * nodes, the cluster itself); `kube`: every cluster's.
 */
export const SITE_ROOMS = ['topology', 'volumes', 'events', 'incident', 'kube'] as const;

const ClusterIdPattern = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export const LiveRoomSchema = z.union([
  z.enum(SITE_ROOMS),
  z.templateLiteral(['kube:', z.string().regex(ClusterIdPattern, 'a cluster id (lower-case a-z 0-9 . _ -)')]),
]);
export type LiveRoom = z.infer<typeof LiveRoomSchema>;

/** The room of one cluster's Kubernetes records. */
export const kubeRoom = (cluster: string): LiveRoom => `kube:${cluster}`;

const Revision = z.number().int().nonnegative();

/** `live:join`: follow a room from the revision of the snapshot the page loaded. */
export const JoinRequestSchema = z.object({
  room: LiveRoomSchema,
  /**
   * Last revision the client has of this room's data; the server sends everything after it.
   * Without it the room is followed from now (for data the client loads after the join).
   */
  sinceRevision: Revision.optional(),
});
export type JoinRequest = z.infer<typeof JoinRequestSchema>;

export const LeaveRequestSchema = z.object({ room: LiveRoomSchema });
export type LeaveRequest = z.infer<typeof LeaveRequestSchema>;

export const JoinAckSchema = z.discriminatedUnion('ok', [
  /** Joined: deltas follow from `revision` (the client's sinceRevision, or later after a catch-up batch). */
  z.object({ ok: z.literal(true), room: LiveRoomSchema, revision: Revision }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type JoinAck = z.infer<typeof JoinAckSchema>;
