import {
  JoinAckSchema,
  type JoinRequest,
  type LiveRoom,
  RoomBatchSchema,
  RoomResyncSchema,
} from '@drivebay/api-types';
import type { QueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/apiError';
import type { ConnectionStatus } from './connectionStatus';
import type { RoomDefinition, RoomHandler } from './rooms';

/** What the live socket reports; payloads arrive unparsed. */
export interface LiveSocketHandlers {
  connect(): void;
  /** `willReconnect` is false when the client or server closed the socket for good. */
  disconnect(reason: string, willReconnect: boolean): void;
  connectError(message: string, willReconnect: boolean): void;
  deltas(payload: unknown): void;
  resync(payload: unknown): void;
}

/** The live socket as the transport needs it (socket.io in the app, a fake in tests). */
export interface LiveSocketPort {
  listen(handlers: LiveSocketHandlers): void;
  /** Emits live:join; resolves with the raw ack, rejects on timeout. */
  join(request: JoinRequest): Promise<unknown>;
  leave(room: LiveRoom): void;
  close(): void;
}

/** Runs `task` after `ms`; returns a cancel function. */
export type Schedule = (task: () => void, ms: number) => () => void;

export const browserSchedule: Schedule = (task, ms) => {
  const handle = setTimeout(task, ms);
  return () => clearTimeout(handle);
};

export interface LiveTransportOptions {
  socket: LiveSocketPort;
  queryClient: QueryClient;
  onStatus: (status: ConnectionStatus) => void;
  schedule?: Schedule;
  warn?: (message: string) => void;
}

interface Registered {
  definition: RoomDefinition;
  handler: RoomHandler;
  uses: number;
}

/** One room as the transport follows it. */
interface RoomState {
  readonly room: LiveRoom;
  readonly handlers: Map<string, Registered>;
  /** Where the next batch must start; undefined until a join is sent. */
  cursor: number | undefined;
  joined: boolean;
  /** The anchored data must be loaded afresh before the next join (after a gap or resync). */
  stale: boolean;
  /** Bumped by every join attempt and by leaving: async work of an older one stops. */
  attempt: number;
  retryDelay: number;
  cancelRetry: (() => void) | undefined;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/**
 * The one live connection of the console. Features register the rooms they show (through
 * useLiveRoom); the transport joins each room in use, anchored rooms from the revision of their
 * snapshot and the others from now or from where they were, checks that each room's batches chain,
 * and hands every batch to that room's handlers. A gap or a resync reloads what the room's
 * handlers hold and joins again; a reconnect resumes every room from where it was.
 */
export class LiveTransport {
  readonly #socket: LiveSocketPort;
  readonly #queryClient: QueryClient;
  readonly #onStatus: (status: ConnectionStatus) => void;
  readonly #schedule: Schedule;
  readonly #warn: (message: string) => void;
  readonly #rooms = new Map<LiveRoom, RoomState>();
  #connected = false;
  #stopped = false;
  #everConnected = false;

  constructor(options: LiveTransportOptions) {
    this.#socket = options.socket;
    this.#queryClient = options.queryClient;
    this.#onStatus = options.onStatus;
    this.#schedule = options.schedule ?? browserSchedule;
    this.#warn = options.warn ?? ((message) => console.warn(`[live] ${message}`));
  }

  start(): void {
    this.#status();
    this.#socket.listen({
      connect: () => this.#handleConnect(),
      disconnect: (_reason, willReconnect) => this.#handleDisconnect(willReconnect),
      connectError: (message, willReconnect) => this.#handleConnectError(message, willReconnect),
      deltas: (payload) => this.#handleDeltas(payload),
      resync: (payload) => this.#handleResync(payload),
    });
  }

  stop(): void {
    this.#stopped = true;
    for (const state of this.#rooms.values()) {
      state.attempt += 1;
      state.cancelRetry?.();
    }
    this.#socket.close();
  }

  /** Follows a room for a component; the returned function stops (the room is left when nobody uses it). */
  register(definition: RoomDefinition): () => void {
    const state = this.#roomState(definition.room);
    const existing = state.handlers.get(definition.key);
    if (existing) existing.uses += 1;
    else {
      state.handlers.set(definition.key, {
        definition,
        handler: definition.create(this.#queryClient),
        uses: 1,
      });
      // A handler added to a room already joined: it starts from the room's next batch.
      if (state.joined) state.handlers.get(definition.key)?.handler.ready?.();
    }
    if (!state.joined && state.attempt === 0 && this.#connected) void this.#join(state);
    this.#status();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#release(state, definition.key);
    };
  }

  /** Rooms followed now, for the indicator and the tests. */
  get rooms(): LiveRoom[] {
    return [...this.#rooms.keys()];
  }

  #roomState(room: LiveRoom): RoomState {
    let state = this.#rooms.get(room);
    if (!state) {
      state = {
        room,
        handlers: new Map(),
        cursor: undefined,
        joined: false,
        stale: false,
        attempt: 0,
        retryDelay: FIRST_RETRY_MS,
        cancelRetry: undefined,
      };
      this.#rooms.set(room, state);
    }
    return state;
  }

  #release(state: RoomState, key: string): void {
    const registered = state.handlers.get(key);
    if (!registered) return;
    registered.uses -= 1;
    if (registered.uses > 0) return;
    state.handlers.delete(key);
    if (state.handlers.size > 0) return;
    state.attempt += 1;
    state.cancelRetry?.();
    this.#rooms.delete(state.room);
    if (this.#connected && state.cursor !== undefined) this.#socket.leave(state.room);
    this.#status();
  }

  #handleConnect(): void {
    if (this.#stopped) return;
    this.#connected = true;
    this.#everConnected = true;
    for (const state of this.#rooms.values()) void this.#join(state);
    this.#status();
  }

  #handleDisconnect(willReconnect: boolean): void {
    this.#connected = false;
    for (const state of this.#rooms.values()) {
      state.joined = false;
      state.attempt += 1;
      state.cancelRetry?.();
    }
    this.#status(willReconnect ? undefined : 'Offline');
  }

  #handleConnectError(message: string, willReconnect: boolean): void {
    if (this.#stopped) return;
    this.#warn(`connection failed: ${message}`);
    this.#onStatus({
      state: 'offline',
      label: willReconnect ? 'Offline · retrying' : 'Offline',
      revision: this.#revision(),
    });
  }

  #handleDeltas(payload: unknown): void {
    if (this.#stopped) return;
    const parsed = RoomBatchSchema.safeParse(payload);
    if (!parsed.success) {
      this.#warn(`malformed live:deltas frame: ${parsed.error.message}`);
      // The room cannot be read from a malformed frame: every room starts over.
      for (const state of this.#rooms.values()) this.#resync(state);
      return;
    }
    const batch = parsed.data;
    const state = this.#rooms.get(batch.room);
    // A room left meanwhile, or a frame for a join that has been superseded: nothing to do.
    if (!state || state.cursor === undefined) return;
    if (batch.fromRevision !== state.cursor) {
      this.#warn(
        `${batch.room}: gap at revision ${state.cursor}, batch starts at ${batch.fromRevision}; reloading`,
      );
      this.#resync(state);
      return;
    }
    state.cursor = batch.toRevision;
    let gap = false;
    for (const { handler } of state.handlers.values()) if (handler.apply(batch) === 'gap') gap = true;
    if (gap) {
      this.#warn(
        `${batch.room}: the data on screen does not chain with batch ${batch.fromRevision}..${batch.toRevision}; reloading`,
      );
      this.#resync(state);
      return;
    }
    this.#status();
  }

  #handleResync(payload: unknown): void {
    if (this.#stopped) return;
    const parsed = RoomResyncSchema.safeParse(payload);
    if (!parsed.success) {
      this.#warn('unreadable live:resync; every room starts over');
      for (const state of this.#rooms.values()) this.#resync(state);
      return;
    }
    const state = this.#rooms.get(parsed.data.room);
    if (!state) return;
    this.#warn(`${state.room}: the server asked for a resync (${parsed.data.reason})`);
    this.#resync(state);
  }

  /** What the room's handlers hold may miss changes: they reload, and the room is joined again. */
  #resync(state: RoomState): void {
    state.attempt += 1;
    state.cancelRetry?.();
    state.joined = false;
    state.stale = true;
    state.cursor = undefined;
    for (const { handler } of state.handlers.values()) if (!handler.anchor) handler.resync();
    if (this.#connected) void this.#join(state);
    this.#status();
  }

  async #join(state: RoomState): Promise<void> {
    const attempt = ++state.attempt;
    state.cancelRetry?.();
    state.joined = false;
    const anchor = [...state.handlers.values()].find((r) => r.handler.anchor)?.handler;
    let since = state.cursor;
    if (anchor?.anchor) {
      let revision = state.stale ? undefined : anchor.anchor.revision();
      if (revision === undefined) {
        try {
          revision = await anchor.anchor.load();
        } catch (error) {
          if (attempt !== state.attempt) return;
          this.#warn(`${state.room}: loading failed: ${errorMessage(error)}`);
          return this.#retryLater(state, attempt);
        }
      }
      if (attempt !== state.attempt) return;
      since = revision;
    }
    state.stale = false;
    // Catch-up batches arrive before the ack and chain from here.
    state.cursor = since;
    let answer: unknown;
    try {
      answer = await this.#socket.join(
        since === undefined ? { room: state.room } : { room: state.room, sinceRevision: since },
      );
    } catch (error) {
      if (attempt !== state.attempt) return;
      this.#warn(`${state.room}: join failed: ${errorMessage(error)}`);
      return this.#retryLater(state, attempt);
    }
    if (attempt !== state.attempt) return;
    const ack = JoinAckSchema.safeParse(answer);
    if (!ack.success || !ack.data.ok) {
      this.#warn(
        `${state.room}: join refused: ${ack.success && !ack.data.ok ? ack.data.error.message : 'malformed ack'}`,
      );
      return this.#retryLater(state, attempt);
    }
    state.cursor = Math.max(state.cursor ?? ack.data.revision, ack.data.revision);
    state.joined = true;
    state.retryDelay = FIRST_RETRY_MS;
    for (const { handler } of state.handlers.values()) handler.ready?.();
    this.#status();
  }

  #retryLater(state: RoomState, attempt: number): void {
    const delay = state.retryDelay;
    state.retryDelay = Math.min(state.retryDelay * 2, MAX_RETRY_MS);
    this.#status();
    state.cancelRetry = this.#schedule(() => {
      if (attempt === state.attempt && this.#connected && !this.#stopped) void this.#join(state);
    }, delay);
  }

  #revision(): number | undefined {
    let newest: number | undefined;
    for (const state of this.#rooms.values())
      if (state.cursor !== undefined) newest = Math.max(newest ?? 0, state.cursor);
    return newest;
  }

  #status(label?: string): void {
    if (this.#stopped) return;
    const revision = this.#revision();
    if (!this.#connected) {
      if (label) this.#onStatus({ state: 'offline', label, revision });
      else
        this.#onStatus({
          state: 'connecting',
          label: this.#everConnected ? 'Reconnecting…' : 'Connecting…',
          revision,
        });
      return;
    }
    const waiting = [...this.#rooms.values()].filter((s) => !s.joined);
    if (waiting.length > 0) {
      this.#onStatus({
        state: 'connecting',
        label: `Loading ${waiting.map((s) => s.room).join(', ')}…`,
        revision,
      });
      return;
    }
    this.#onStatus({ state: 'live', label: 'Live', revision });
  }
}
