/**
 * The simulation: the other side of real protocols, for `npm start` and the tests. A simulated
 * site (physical truth of enclosures, bays and drives, with faults) and its Redfish service, a Kubernetes-API-compatible
 * server, and the simulated cluster's controllers (scheduler, StatefulSet and node lifecycle,
 * CSI sidecars and kubelet). Production code never imports this package; only the composition
 * root wires it in when the site is simulated.
 */

export { SIMULATED_CLUSTER } from './cluster/cluster-id.js';
export { ClusterSim, defaultClusterSimOptions } from './cluster/cluster-sim.js';
export type { Access, CreatedVolume, CreateVolume, CsiDriver, NodePlugin } from './cluster/csi-driver.js';
export { type CsiSockets, GrpcCsiDriver } from './cluster/grpc-csi-driver.js';
export { seedSimulatedCluster } from './cluster/seed-cluster.js';
export { SIMULATED_WORKLOADS, type SimulatedWorkload } from './cluster/workloads.js';
export * from './kube-api/index.js';
export * from './redfish/index.js';
export type { SimLog } from './sim-log.js';
export { SimulatorError } from './simulator-error.js';
export { runDriveStorm } from './site/drive-storm.js';
export { resumeSimulatedSite } from './site/resume.js';
export { type ObservationSink, reportFromInventory, SimulatedSite } from './site/simulated-site.js';
export type { LocateTarget, PhysicalEnclosure, SiteChange, SiteChangeListener } from './site/site-change.js';
