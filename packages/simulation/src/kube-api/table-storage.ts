import { readArray, readPath, readString } from './object-path.js';
import { accessModes, ageColumn, type Column, nameColumn, pathColumn } from './table-columns.js';

const unsetClass = pathColumn('VolumeAttributesClass', 'spec.volumeAttributesClassName', {}, '<unset>');
const volumeMode = pathColumn('VolumeMode', 'spec.volumeMode', { priority: 1 }, 'Filesystem');

/** persistentvolumeclaims: NAME STATUS VOLUME CAPACITY ACCESS MODES STORAGECLASS VOLUMEATTRIBUTESCLASS AGE. */
export const pvcColumns: Column[] = [
  nameColumn,
  {
    ...pathColumn('Status', 'status.phase', {}, ''),
    cell: (pvc) => (pvc.metadata.deletionTimestamp ? 'Terminating' : readString(pvc, 'status.phase')),
  },
  pathColumn('Volume', 'spec.volumeName', {}, ''),
  pathColumn('Capacity', 'status.capacity.storage', {}, ''),
  { ...pathColumn('Access Modes', ''), cell: (pvc) => accessModes(readArray(pvc, 'status.accessModes')) },
  pathColumn('StorageClass', 'spec.storageClassName', {}, '<unset>'),
  unsetClass,
  ageColumn,
  volumeMode,
];

/** persistentvolumes: NAME CAPACITY ACCESS MODES RECLAIM POLICY STATUS CLAIM STORAGECLASS ... AGE. */
export const pvColumns: Column[] = [
  nameColumn,
  pathColumn('Capacity', 'spec.capacity.storage', {}, ''),
  { ...pathColumn('Access Modes', ''), cell: (pv) => accessModes(readArray(pv, 'spec.accessModes')) },
  pathColumn('Reclaim Policy', 'spec.persistentVolumeReclaimPolicy', {}, ''),
  pathColumn('Status', 'status.phase', {}, ''),
  {
    ...pathColumn('Claim', 'spec.claimRef'),
    cell: (pv) => {
      const name = readString(pv, 'spec.claimRef.name');
      return name ? `${readString(pv, 'spec.claimRef.namespace')}/${name}` : '';
    },
  },
  pathColumn('StorageClass', 'spec.storageClassName', {}, ''),
  unsetClass,
  pathColumn('Reason', 'status.reason', {}, ''),
  ageColumn,
  volumeMode,
];

/** storageclasses: NAME PROVISIONER RECLAIMPOLICY VOLUMEBINDINGMODE ALLOWVOLUMEEXPANSION AGE. */
export const storageClassColumns: Column[] = [
  {
    ...nameColumn,
    cell: (sc) => {
      const isDefault = sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
      return isDefault ? `${sc.metadata.name} (default)` : sc.metadata.name;
    },
  },
  pathColumn('Provisioner', 'provisioner', {}, ''),
  pathColumn('ReclaimPolicy', 'reclaimPolicy', {}, 'Delete'),
  pathColumn('VolumeBindingMode', 'volumeBindingMode', {}, 'Immediate'),
  {
    name: 'AllowVolumeExpansion',
    type: 'boolean',
    description: 'Whether the class allows volume expansion',
    cell: (sc) => readPath(sc, 'allowVolumeExpansion') === true,
  },
  ageColumn,
];

/** volumeattachments: NAME ATTACHER PV NODE ATTACHED AGE. */
export const volumeAttachmentColumns: Column[] = [
  nameColumn,
  pathColumn('Attacher', 'spec.attacher', {}, ''),
  pathColumn('PV', 'spec.source.persistentVolumeName', {}, ''),
  pathColumn('Node', 'spec.nodeName', {}, ''),
  {
    name: 'Attached',
    type: 'boolean',
    description: 'Whether the volume is attached',
    cell: (va) => readPath(va, 'status.attached') === true,
  },
  ageColumn,
];
