import type { ClaimChain, PodDetail } from '@drivebay/api-types';
import { plural } from '../../../shared/format/count';

/** One thing wrong along the chain, worst first within a step. */
export interface ChainProblem {
  readonly severity: 'failed' | 'degraded';
  readonly text: string;
}

/** What is wrong under one claim: the claim itself, its volume, its drives. */
export function claimProblems(chain: ClaimChain): ChainProblem[] {
  const { claim, volume, drives } = chain;
  const out: ChainProblem[] = [];
  if (claim.phase === 'Lost')
    out.push({ severity: 'failed', text: `PVC ${claim.name} is Lost: its PersistentVolume is gone.` });
  else if (claim.phase !== 'Bound')
    out.push({ severity: 'degraded', text: `PVC ${claim.name} is ${claim.phase}.` });
  if (!volume) return out;
  const failedCopies = drives.filter((d) => d.memberState === 'failed').length;
  const rebuilding = drives.filter((d) => d.memberState === 'rebuilding').length;
  if (volume.health === 'failed')
    out.push({ severity: 'failed', text: `Volume ${volume.name} has failed: its data is unavailable.` });
  else if (volume.health === 'degraded')
    out.push({
      severity: 'degraded',
      text: `Volume ${volume.name} is degraded (${plural(failedCopies, 'copy', 'copies')} failed): no redundancy left, the data is still available.`,
    });
  else if (volume.health === 'rebuilding')
    out.push({
      severity: 'degraded',
      text: `Volume ${volume.name} is rebuilding ${plural(rebuilding, 'copy', 'copies')}: no redundancy until it completes.`,
    });
  return out;
}

/** Everything wrong from the pod down to the drives, top to bottom; empty when all is well. */
export function podProblems(detail: PodDetail): ChainProblem[] {
  const { pod, node } = detail;
  const out: ChainProblem[] = [];
  if (pod.phase === 'Failed' || pod.phase === 'Unknown')
    out.push({ severity: 'failed', text: `Pod is ${pod.phase}.` });
  else if (pod.phase !== 'Running' && pod.phase !== 'Succeeded')
    out.push({ severity: 'degraded', text: `Pod is ${pod.phase}.` });
  else if (pod.phase === 'Running' && !pod.ready)
    out.push({ severity: 'degraded', text: 'Pod is not ready.' });
  if (node && !node.ready) out.push({ severity: 'failed', text: `Node ${node.name} is not ready.` });
  if (detail.serverState === 'down')
    out.push({ severity: 'failed', text: `Server ${detail.serverHostname ?? pod.server} is down.` });
  else if (detail.serverState === 'maintenance')
    out.push({
      severity: 'degraded',
      text: `Server ${detail.serverHostname ?? pod.server} is in maintenance.`,
    });
  for (const chain of detail.claims) out.push(...claimProblems(chain));
  return out;
}
