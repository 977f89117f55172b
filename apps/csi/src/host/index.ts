export { EmulatedHost, type EmulatedHostOptions } from './emulated-host.js';
export type {
  AccessType,
  Host,
  HostDescription,
  PathState,
  PublishSpec,
  StageMember,
  StageSpec,
  Transport,
} from './host.js';
