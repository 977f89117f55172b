import type { Volume } from '@drivebay/api-types';

/** What deleting the volume will do, before asking; mirrors the composer's DeleteVolume. */
export type DeletePlan =
  | { readonly kind: 'blocked'; readonly text: string }
  | { readonly kind: 'remove'; readonly purge: boolean; readonly text: string }
  | { readonly kind: 'release'; readonly text: string };

/** The plan for `volume`: refused while published, purge once Released, else by reclaim policy. */
export function deletePlan(volume: Volume): DeletePlan {
  switch (volume.lifecycle) {
    case 'ControllerPublished':
    case 'NodeStaged':
    case 'NodePublished':
      return {
        kind: 'blocked',
        text: `It is ${volume.lifecycle} on server ${volume.server ?? 'unknown'}: unpublish it first (Kubernetes does this when the pod using it goes away).`,
      };
    case 'Released':
      return {
        kind: 'remove',
        purge: true,
        text: 'It was kept after a delete (reclaim policy Retain). Purging frees its drives and destroys its data.',
      };
    case 'Created':
      return volume.request.reclaimPolicy === 'Retain'
        ? {
            kind: 'release',
            text: 'Its reclaim policy is Retain: it is kept as Released with its data. Delete it again to purge it.',
          }
        : { kind: 'remove', purge: false, text: 'Its drives are freed and its data is destroyed.' };
  }
}
