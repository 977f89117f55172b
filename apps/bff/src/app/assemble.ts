import type { AppModule, Lifecycle, ServiceRef } from './module.js';

/** A mistake in how modules fit together, found before anything starts. */
export class AssemblyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssemblyError';
  }
}

export interface Assembly {
  /** A service any module provided (or the root did). */
  get<T>(ref: ServiceRef<T>): T;
  /** Module names in the order they were initialised (and start). */
  readonly order: readonly string[];
  /** Runs every start hook, modules in dependency order. */
  start(): Promise<void>;
  /** Runs every stop hook, in the reverse order; a failing hook does not stop the others. */
  stop(): Promise<void>;
}

/**
 * Initialises modules in an order where each comes after the providers of what it needs, with
 * `root` services (the store, the clock, the logger, options) available to all. A service nobody
 * provides, provided twice, or needed in a cycle is an AssemblyError naming the modules.
 */
export function assemble(modules: readonly AppModule[], root: ReadonlyMap<string, unknown>): Assembly {
  const providers = new Map<string, AppModule>();
  for (const module of modules) {
    for (const ref of Object.values(module.provides)) {
      const other = providers.get(ref.id);
      if (other || root.has(ref.id))
        throw new AssemblyError(
          `"${ref.id}" is provided twice: by ${other ? `module ${other.name}` : 'the root'} and by module ${module.name}`,
        );
      providers.set(ref.id, module);
    }
  }
  const ordered = order(modules, providers, root);
  const services = new Map(root);
  const starts: { module: string; task: () => Promise<void> | void }[] = [];
  const stops: { module: string; task: () => Promise<void> | void }[] = [];
  const assembled: (() => void)[] = [];
  for (const module of ordered) {
    const deps: Record<string, unknown> = {};
    for (const [key, ref] of Object.entries(module.deps)) deps[key] = services.get(ref.id);
    const lifecycle: Lifecycle = {
      onStart: (task) => starts.push({ module: module.name, task }),
      onStop: (task) => stops.push({ module: module.name, task }),
      onAssembled: (task) => assembled.push(task),
    };
    const provided = module.init(deps, lifecycle) ?? {};
    for (const [key, ref] of Object.entries(module.provides)) {
      if (!(key in provided))
        throw new AssemblyError(`module ${module.name} declares "${ref.id}" but did not provide it`);
      services.set(ref.id, provided[key]);
    }
  }
  for (const task of assembled) task();
  return {
    get<T>(ref: ServiceRef<T>): T {
      if (!services.has(ref.id)) throw new AssemblyError(`no module provides "${ref.id}"`);
      return services.get(ref.id) as T;
    },
    order: ordered.map((m) => m.name),
    async start() {
      for (const { task } of starts) await task();
    },
    async stop() {
      const errors: unknown[] = [];
      for (const { task } of [...stops].reverse()) {
        try {
          await task();
        } catch (error) {
          errors.push(error);
        }
      }
      if (errors.length > 0) throw errors[0];
    },
  };
}

/** Depth-first: a module after every module providing one of its needs, in list order otherwise. */
function order(
  modules: readonly AppModule[],
  providers: ReadonlyMap<string, AppModule>,
  root: ReadonlyMap<string, unknown>,
): AppModule[] {
  const done = new Set<AppModule>();
  const visiting: AppModule[] = [];
  const out: AppModule[] = [];
  const visit = (module: AppModule) => {
    if (done.has(module)) return;
    if (visiting.includes(module)) {
      const cycle = [...visiting.slice(visiting.indexOf(module)), module].map((m) => m.name).join(' → ');
      throw new AssemblyError(`modules need each other in a cycle: ${cycle}`);
    }
    visiting.push(module);
    for (const ref of Object.values(module.deps)) {
      if (root.has(ref.id)) continue;
      const provider = providers.get(ref.id);
      if (!provider)
        throw new AssemblyError(`module ${module.name} needs "${ref.id}", which no module provides`);
      visit(provider);
    }
    visiting.pop();
    done.add(module);
    out.push(module);
  };
  for (const module of modules) visit(module);
  return out;
}
