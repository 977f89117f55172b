// What other pages may use of the topology feature: the live snapshot and its model, the drive
// selected through the URL, and the map drawn as a PNG (for the incident export).

export { loadTopologyModel } from './api/topologyQuery';
export { useSelectedDrive } from './hooks/useSelectedDrive';
export { useTopologySnapshot } from './hooks/useTopologySnapshot';
export { paletteFor } from './map/paletteFor';
export { renderMapPng } from './map/renderMapPng';
export { buildTopologyModel, modelFromRecords } from './model/buildTopologyModel';
export { enclosureSlots, type HealthCounts, type TopologyModel } from './model/topologyModel';
