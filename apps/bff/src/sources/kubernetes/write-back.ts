import type { Volume, WriteBack as WriteBackState } from '@drivebay/api-types';
import { DRIVEBAY_DRIVER } from '@drivebay/composer';
import {
  type CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1PersistentVolume,
  type V1PersistentVolumeClaim,
} from '@kubernetes/client-node';
import type { Logger } from '../../log.js';

/** What Drivebay writes on its PVs and PVCs, so `kubectl describe` shows where the data lives. */
export const ANNOTATIONS = {
  volume: 'drivebay.io/volume',
  logicalNode: 'drivebay.io/logical-node',
  server: 'drivebay.io/server',
} as const;

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/** The annotations a PV or PVC of `volume` should carry ("" for a server it is not published to). */
export function desiredAnnotations(volume: Volume): Record<string, string> {
  return {
    [ANNOTATIONS.volume]: volume.id,
    [ANNOTATIONS.logicalNode]: volume.logicalNode,
    [ANNOTATIONS.server]: volume.server ?? '',
  };
}

function differs(current: Record<string, string> | undefined, desired: Record<string, string>): boolean {
  return Object.entries(desired).some(([key, value]) => (current?.[key] ?? '') !== value);
}

/**
 * Annotates PVs and PVCs with their composer volume, logical node and server, where RBAC allows.
 * Only objects whose annotations differ are patched (a merge patch of the annotations alone), so
 * the watch event a patch causes leads to no further patch. A 403 turns write-back off for the
 * cluster ("denied"): read-only RBAC is a supported setup, not an error to retry forever.
 */
export class WriteBack {
  private current: WriteBackState = 'enabled';

  get state(): WriteBackState {
    return this.current;
  }

  constructor(
    private readonly core: CoreV1Api,
    private readonly log: Logger,
    private readonly cluster: string,
  ) {}

  async apply(
    claims: Iterable<V1PersistentVolumeClaim>,
    pvOf: (name: string) => V1PersistentVolume | undefined,
    volumes: ReadonlyMap<string, Volume>,
  ): Promise<void> {
    for (const claim of claims) {
      if (this.denied) return;
      const pv = pvOf(claim.spec?.volumeName ?? '');
      const csi = pv?.spec?.csi;
      if (!pv || csi?.driver !== DRIVEBAY_DRIVER) continue;
      const volume = volumes.get(csi.volumeHandle);
      if (!volume) continue;
      const desired = desiredAnnotations(volume);
      const body = { metadata: { annotations: desired } };
      if (differs(pv.metadata?.annotations, desired)) {
        await this.patch(() =>
          this.core.patchPersistentVolume({ name: pv.metadata?.name ?? '', body }, mergePatch),
        );
      }
      if (!this.denied && differs(claim.metadata?.annotations, desired)) {
        await this.patch(() =>
          this.core.patchNamespacedPersistentVolumeClaim(
            { name: claim.metadata?.name ?? '', namespace: claim.metadata?.namespace ?? 'default', body },
            mergePatch,
          ),
        );
      }
    }
  }

  private get denied(): boolean {
    return this.current === 'denied';
  }

  private async patch(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      const code =
        (error as { code?: number; statusCode?: number }).code ??
        (error as { statusCode?: number }).statusCode;
      if (code === 403) {
        this.current = 'denied';
        this.log.warn('write-back denied by RBAC; PVs and PVCs will not be annotated', {
          cluster: this.cluster,
        });
        return;
      }
      // Conflicts and transient errors: the next round tries again with fresher objects.
      this.log.warn('write-back patch failed', { cluster: this.cluster, error: String(error) });
    }
  }
}
