export {
  D3700,
  DATA24,
  DATA60,
  DATA102,
  DRIVE_MODELS,
  type DriveModel,
  driveModelsFor,
  ENCLOSURE_MODELS,
  type EnclosureModel,
  EXOS_5U84,
  type FormFactor,
  findDriveModel,
} from './catalog.js';
export { type GenerateSiteOptions, generateSite } from './generate-site.js';
export { LARGE_DRIVES, LARGE_SERVERS } from './large-layout.js';
export { createRandom, hashString, type Random, type Weighted } from './random.js';
export { replacementDrive } from './replacement-drive.js';
