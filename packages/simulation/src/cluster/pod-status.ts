import type { KubeObject } from '../kube-api/index.js';
import { containerId, imageId, runtimeImage } from './container-runtime.js';
import { type Condition, condition, keepTransitions, specOf, statusOf } from './sim-objects.js';

// The pod statuses a kubelet reports, from a pod's spec and what it was before.

export interface ContainerSpec {
  name: string;
  image: string;
}

/** A container status as the kubelet writes it (fields in the apiserver's order). */
export interface ContainerStatus {
  containerID?: string;
  image: string;
  imageID: string;
  lastState: { terminated?: TerminatedState };
  name: string;
  ready: boolean;
  restartCount: number;
  started: boolean;
  state: { running?: { startedAt: string }; waiting?: { reason: string }; terminated?: TerminatedState };
}

export interface TerminatedState {
  containerID?: string;
  exitCode: number;
  reason: string;
  startedAt: string;
  finishedAt: string;
}

export const containersOf = (pod: KubeObject) =>
  (specOf(pod).containers as ContainerSpec[] | undefined) ?? [];
export const containerStatusesOf = (pod: KubeObject) =>
  (statusOf(pod).containerStatuses as ContainerStatus[] | undefined) ?? [];

/** The five conditions of a pod's status, Ready and ContainersReady as `ready` says. */
function podConditions(pod: KubeObject, at: string, started: boolean, ready: boolean): Condition[] {
  const names = containersOf(pod).map((c) => c.name);
  const reason = ready ? undefined : 'ContainersNotReady';
  const message = ready ? undefined : `containers with unready status: [${names.join(' ')}]`;
  return keepTransitions(statusOf(pod).conditions, [
    condition('PodReadyToStartContainers', started, at),
    condition('Initialized', true, at),
    condition('Ready', ready, at, reason, message),
    condition('ContainersReady', ready, at, reason, message),
    condition('PodScheduled', true, at),
  ]);
}

/** While volumes attach and images pull: Pending, containers waiting in ContainerCreating. */
export function creatingStatus(pod: KubeObject, hostIP: string, at: string): Record<string, unknown> {
  return {
    ...statusOf(pod),
    phase: 'Pending',
    conditions: podConditions(pod, at, false, false),
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: statusOf(pod).startTime ?? at,
    containerStatuses: containersOf(pod).map(
      (c): ContainerStatus => ({
        image: c.image,
        imageID: '',
        lastState: {},
        name: c.name,
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { reason: 'ContainerCreating' } },
      }),
    ),
  };
}

/** Running: the containers started at `at`, with their runtime ids, on the pod's IP. */
export function runningStatus(pod: KubeObject, podIP: string, at: string): Record<string, unknown> {
  const uid = pod.metadata.uid ?? '';
  return {
    ...statusOf(pod),
    phase: 'Running',
    conditions: podConditions(pod, at, true, true),
    podIP,
    podIPs: [{ ip: podIP }],
    containerStatuses: containersOf(pod).map(
      (c): ContainerStatus => ({
        containerID: containerId(uid, c.name, 0),
        image: runtimeImage(c.image),
        imageID: imageId(c.image),
        lastState: {},
        name: c.name,
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: at } },
      }),
    ),
  };
}

/** Every container of the pod terminated at `at` (OOM-killed, or stopped for a deletion). */
export function terminatedStatus(
  pod: KubeObject,
  at: string,
  exit: { exitCode: number; reason: string },
): Record<string, unknown> {
  return {
    ...statusOf(pod),
    conditions: podConditions(pod, at, true, false),
    containerStatuses: containerStatusesOf(pod).map((s) => ({
      ...s,
      ready: false,
      started: false,
      state: {
        terminated: {
          ...(s.containerID && { containerID: s.containerID }),
          ...exit,
          startedAt: s.state.running?.startedAt ?? at,
          finishedAt: at,
        },
      },
    })),
  };
}

/** The terminated containers started again at `at`: a new container id, the old one as lastState. */
export function restartedStatus(pod: KubeObject, at: string): Record<string, unknown> {
  const uid = pod.metadata.uid ?? '';
  return {
    ...statusOf(pod),
    conditions: podConditions(pod, at, true, true),
    containerStatuses: containerStatusesOf(pod).map((s) => {
      if (!s.state.terminated) return s;
      const restartCount = s.restartCount + 1;
      return {
        ...s,
        containerID: containerId(uid, s.name, restartCount),
        lastState: { terminated: s.state.terminated },
        ready: true,
        restartCount,
        started: true,
        state: { running: { startedAt: at } },
      };
    }),
  };
}

/** A running pod's kubelet posting status again (after its node was unreachable): Ready once more. */
export function reportedReadyStatus(pod: KubeObject, at: string): Record<string, unknown> {
  return { ...statusOf(pod), conditions: podConditions(pod, at, true, true) };
}

/** True for a running pod whose containers all run, but whose Ready condition says otherwise. */
export function needsReadyReport(pod: KubeObject): boolean {
  const statuses = containerStatusesOf(pod);
  const conditions = (statusOf(pod).conditions as Condition[] | undefined) ?? [];
  return (
    statusOf(pod).phase === 'Running' &&
    statuses.length > 0 &&
    statuses.every((s) => s.state.running && s.ready) &&
    !conditions.some((c) => c.type === 'Ready' && c.status === 'True')
  );
}
