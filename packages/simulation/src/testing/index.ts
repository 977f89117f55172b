/** Test support for the simulators' own tests and the bff's: never imported by product code. */

export { type RequestFault, ServiceFaults } from '../redfish/testing/service-faults.js';
export { coreApiFor, kubeConfigFor, until } from './kube-client.js';
export { seedShop, tables } from './kubectl-fixture.js';
