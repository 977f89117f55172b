import { since } from './human-duration.js';
import { readArray, readPath, readString } from './object-path.js';
import { ageColumn, type Column, nameColumn, pathColumn } from './table-columns.js';
import type { KubeObject } from './types.js';

/** What kubectl's pod printer derives from a pod's containers: its READY, STATUS and RESTARTS cells. */
interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

/**
 * The pod printer of kube's `printers` package, for regular containers: a container's waiting or
 * terminated reason beats the phase, a deleting pod is Terminating (until its phase is final), and
 * restarts say how long ago the last one finished.
 */
export function summarizePod(pod: KubeObject, now: number): PodSummary {
  const phase = readString(pod, 'status.phase');
  let reason = readString(pod, 'status.reason') || phase;
  let restarts = 0;
  let readyContainers = 0;
  let lastRestart = 0;
  let hasRunning = false;
  for (const status of [...readArray(pod, 'status.containerStatuses')].reverse()) {
    restarts += Number(readPath(status, 'restartCount') ?? 0) || 0;
    const finished = Date.parse(readString(status, 'lastState.terminated.finishedAt'));
    if (finished > lastRestart) lastRestart = finished;
    const waiting = readString(status, 'state.waiting.reason');
    const terminated = readPath(status, 'state.terminated');
    const terminatedReason = readString(status, 'state.terminated.reason');
    if (waiting) reason = waiting;
    else if (terminatedReason) reason = terminatedReason;
    else if (terminated) reason = exitReason(terminated);
    else if (readPath(status, 'ready') === true && readPath(status, 'state.running')) {
      hasRunning = true;
      readyContainers += 1;
    }
  }
  if (reason === 'Completed' && hasRunning) reason = hasReadyCondition(pod) ? 'Running' : 'NotReady';
  const deleting = Boolean(pod.metadata.deletionTimestamp);
  if (deleting && readString(pod, 'status.reason') === 'NodeLost') reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  const ago =
    restarts !== 0 && lastRestart > 0 ? ` (${since(new Date(lastRestart).toISOString(), now)} ago)` : '';
  return {
    ready: `${readyContainers}/${readArray(pod, 'spec.containers').length}`,
    status: reason,
    restarts: `${restarts}${ago}`,
  };
}

function exitReason(terminated: unknown): string {
  const signal = Number(readPath(terminated, 'signal') ?? 0);
  return signal ? `Signal:${signal}` : `ExitCode:${Number(readPath(terminated, 'exitCode') ?? 0)}`;
}

function hasReadyCondition(pod: KubeObject): boolean {
  return readArray(pod, 'status.conditions').some(
    (c) => readString(c, 'type') === 'Ready' && readString(c, 'status') === 'True',
  );
}

/** pods: NAME READY STATUS RESTARTS AGE, wide adds IP NODE NOMINATED NODE READINESS GATES. */
export const podColumns: Column[] = [
  nameColumn,
  {
    name: 'Ready',
    type: 'string',
    description: 'The aggregate readiness state of this pod for accepting traffic.',
    cell: (pod, now) => summarizePod(pod, now).ready,
  },
  {
    name: 'Status',
    type: 'string',
    description: 'The aggregate status of the containers in this pod.',
    cell: (pod, now) => summarizePod(pod, now).status,
  },
  {
    name: 'Restarts',
    type: 'string',
    description:
      'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
    cell: (pod, now) => summarizePod(pod, now).restarts,
  },
  ageColumn,
  pathColumn('IP', 'status.podIP', { priority: 1 }),
  pathColumn('Node', 'spec.nodeName', { priority: 1 }),
  pathColumn('Nominated Node', 'status.nominatedNodeName', { priority: 1 }),
  { ...pathColumn('Readiness Gates', 'spec.readinessGates', { priority: 1 }), cell: () => '<none>' },
];
