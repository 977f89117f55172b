import {
  ClaimListQuerySchema,
  NamespacedRefSchema,
  NodeListQuerySchema,
  PodListQuerySchema,
  WorkloadListQuerySchema,
} from '@drivebay/api-types';
import type { Router } from 'express';
import type { AccessTable } from '../../auth/access.js';
import {
  claimDetail,
  type KubeState,
  listClaims,
  listClusters,
  listNodes,
  listPods,
  listWorkloads,
  podDetail,
} from '../../kube/kube-queries.js';
import { parseInput } from '../parse.js';

/** What the podwatchers recorded: clusters, workloads, pods, PVCs and nodes, read-only. */
export function kubernetesRoutes(table: AccessTable, state: () => KubeState): Router {
  const routes = table.router();
  routes.get('/clusters', 'viewer', (_req, res) => {
    res.json(listClusters(state()));
  });
  routes.get('/workloads', 'viewer', (req, res) => {
    res.json(listWorkloads(state(), parseInput(WorkloadListQuerySchema, req.query, 'query')));
  });
  routes.get('/pods', 'viewer', (req, res) => {
    res.json(listPods(state(), parseInput(PodListQuerySchema, req.query, 'query')));
  });
  routes.get('/pods/:cluster/:namespace/:name', 'viewer', (req, res) => {
    res.json(podDetail(state(), parseInput(NamespacedRefSchema, req.params, 'params')));
  });
  routes.get('/claims', 'viewer', (req, res) => {
    res.json(listClaims(state(), parseInput(ClaimListQuerySchema, req.query, 'query')));
  });
  routes.get('/claims/:cluster/:namespace/:name', 'viewer', (req, res) => {
    res.json(claimDetail(state(), parseInput(NamespacedRefSchema, req.params, 'params')));
  });
  routes.get('/nodes', 'viewer', (req, res) => {
    res.json(listNodes(state(), parseInput(NodeListQuerySchema, req.query, 'query')));
  });
  return routes.router;
}
