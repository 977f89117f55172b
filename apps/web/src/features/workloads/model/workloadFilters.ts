import { IdSchema, PodListQuerySchema } from '@drivebay/api-types';

/** The page's views, in the order of their tabs. */
export const WORKLOAD_TABS = ['workloads', 'pods', 'claims', 'nodes'] as const;
export type WorkloadTab = (typeof WORKLOAD_TABS)[number];

/** What the URL of /workloads selects: `?cluster=&namespace=&tab=&q=&workload=`. */
export interface WorkloadFilters {
  readonly tab: WorkloadTab;
  /** Absent: all clusters. */
  readonly cluster?: string;
  readonly namespace?: string;
  /** Text in the namespace/name. */
  readonly q?: string;
  /** "Kind/name": the pods of one workload. */
  readonly workload?: string;
}

export type WorkloadFilterName = Exclude<keyof WorkloadFilters, 'tab'>;
const NAMES: readonly WorkloadFilterName[] = ['cluster', 'namespace', 'q', 'workload'];

const SCHEMAS: Record<WorkloadFilterName, { safeParse(value: unknown): { success: boolean } }> = {
  cluster: IdSchema,
  namespace: PodListQuerySchema.shape.namespace,
  q: PodListQuerySchema.shape.q,
  workload: PodListQuerySchema.shape.workload,
};

function isTab(value: string | null): value is WorkloadTab {
  return WORKLOAD_TABS.some((tab) => tab === value);
}

/** Filters from the URL; values the server would reject are left out, an unknown tab shows workloads. */
export function parseWorkloadFilters(params: URLSearchParams): WorkloadFilters {
  const tab = params.get('tab');
  const out: { -readonly [K in keyof WorkloadFilters]: WorkloadFilters[K] } = {
    tab: isTab(tab) ? tab : 'workloads',
  };
  for (const name of NAMES) {
    const value = params.get(name)?.trim();
    if (value && SCHEMAS[name].safeParse(value).success) out[name] = value;
  }
  return out;
}

/** `params` with `patch` applied; an empty or undefined value removes the parameter. */
export function withWorkloadFilters(
  params: URLSearchParams,
  patch: Partial<Record<keyof WorkloadFilters, string | undefined>>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(patch)) {
    const trimmed = value?.trim();
    if (trimmed && !(name === 'tab' && trimmed === 'workloads')) next.set(name, trimmed);
    else next.delete(name);
  }
  return next;
}

/** The query string of /workloads for these filters (for links between tabs and from detail pages). */
export function workloadsHref(filters: Partial<WorkloadFilters>): string {
  const params = withWorkloadFilters(new URLSearchParams(), filters);
  const text = params.toString();
  return text ? `/workloads?${text}` : '/workloads';
}

/** The API filters of a view: only the ones it takes, only those set. */
export function apiFilters(
  filters: WorkloadFilters,
  names: readonly WorkloadFilterName[],
  extra: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = filters[name];
    if (value) out[name] = value;
  }
  return { ...out, ...extra };
}

/** Whether a name matches the text filter the way the server matches it (namespace/name, any case). */
export function matchesText(namespace: string, name: string, q: string | undefined): boolean {
  if (!q) return true;
  return `${namespace}/${name}`.toLowerCase().includes(q.toLowerCase());
}
