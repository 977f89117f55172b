/**
 * How the process is assembled: each part (the store, the state mirror, security, the volume
 * commands, a source, the live hub, the HTTP routes of an area, the simulation) is a module that
 * declares the services it needs and the ones it provides (Backstage's `registerInit({ deps })`
 * is the model). The composition root lists modules; the assembly orders them by what they need,
 * so adding one (an etcd store, a Redfish source, CSI-facing routes) touches that module and the
 * one line that lists it.
 */

/** A named, typed slot for a service: what modules depend on and provide. */
export interface ServiceRef<T> {
  readonly id: string;
  /** Never set: carries the service's type. */
  readonly type?: T;
}

export function serviceRef<T>(id: string): ServiceRef<T> {
  return { id };
}

type Refs<S> = { readonly [K in keyof S]: ServiceRef<S[K]> };

/** What a module's init may hook into besides its services: when the process starts and stops. */
export interface Lifecycle {
  /** Runs at start, after the start hooks of every module this one depends on. */
  onStart(task: () => Promise<void> | void): void;
  /** Runs at close, before the stop hooks of the modules this one depends on. */
  onStop(task: () => Promise<void> | void): void;
  /** Runs once every module is initialised (e.g. the HTTP module's catch-all routes go last). */
  onAssembled(task: () => void): void;
}

export interface AppModule {
  readonly name: string;
  readonly deps: Readonly<Record<string, ServiceRef<unknown>>>;
  readonly provides: Readonly<Record<string, ServiceRef<unknown>>>;
  init(deps: Record<string, unknown>, lifecycle: Lifecycle): Record<string, unknown> | undefined;
}

/**
 * A module: its dependencies and provisions as service refs, and an init that receives the
 * dependencies and returns the provisions (typed by the refs).
 */
export function defineModule<D, P = Record<never, never>>(spec: {
  name: string;
  deps: Refs<D>;
  provides?: Refs<P>;
  /** Returns the provisions; a module that provides nothing returns nothing. */
  // biome-ignore lint/suspicious/noConfusingVoidType: void lets an init that provides nothing omit its return.
  init(deps: NoInfer<D>, lifecycle: Lifecycle): NoInfer<P> | (keyof P extends never ? void : never);
}): AppModule {
  return {
    name: spec.name,
    deps: spec.deps as Record<string, ServiceRef<unknown>>,
    provides: (spec.provides ?? {}) as Record<string, ServiceRef<unknown>>,
    // The assembly hands each dependency under the key its ref was declared with.
    init: (deps, lifecycle) => spec.init(deps as D, lifecycle) as Record<string, unknown> | undefined,
  };
}
