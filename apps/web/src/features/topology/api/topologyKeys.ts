/** Query keys for topology data, hierarchical so `topologyKeys.all` matches them all. */
export const topologyKeys = {
  all: ['topology'] as const,
  snapshot: () => [...topologyKeys.all, 'snapshot'] as const,
};
