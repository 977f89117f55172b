// The lifecycle half of the volume engine: CSI transitions, delete and reclaim, health, rebuild
// and expansion. Helpers for messages and events stay internal to the folder.
export { controllerPublish, controllerUnpublish } from './controller-publish.js';
export { type CreateContext, createVolume, logicalNodeFor } from './create-volume.js';
export { type DeleteAction, type DeleteOptions, type Deletion, deleteVolume } from './delete-volume.js';
export { evaluateHealth } from './evaluate-health.js';
export { expandVolume } from './expand-volume.js';
export { healthOf, membersBySet } from './health.js';
export { nodePublish, nodeUnpublish } from './node-publish.js';
export { nodeStage, nodeUnstage } from './node-stage.js';
export { checkPath, MAX_PATH_LENGTH } from './paths.js';
export { isReachable } from './reachability.js';
export { indexVolumes, reactToSiteChanges, type SiteReaction, type VolumeLookup } from './react-to-site.js';
export { advanceRebuilds } from './rebuild-advance.js';
export { bytesToCopy, type RebuildRate } from './rebuild-rate.js';
export { startRebuild } from './rebuild-start.js';
export type { Transition } from './transition.js';
export { chooseTransport, TRANSPORT_PREFERENCE } from './transport.js';
