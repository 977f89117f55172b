import { describe, expect, it } from 'vitest';
import { summarizePod } from './table-pods.js';
import type { KubeObject } from './types.js';

const NOW = Date.parse('2025-01-01T12:00:00Z');

function pod(status: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'db', ...metadata },
    spec: { containers: [{ name: 'main' }] },
    status,
  };
}

const running = {
  name: 'main',
  ready: true,
  restartCount: 2,
  state: { running: { startedAt: '2025-01-01T11:59:30Z' } },
  lastState: {
    terminated: {
      exitCode: 137,
      reason: 'OOMKilled',
      startedAt: '2025-01-01T11:00:00Z',
      finishedAt: '2025-01-01T11:59:15Z',
    },
  },
};

describe('the pod printer', () => {
  it('says how long ago the last restart was, as kubectl get pods does', () => {
    expect(summarizePod(pod({ phase: 'Running', containerStatuses: [running] }), NOW)).toEqual({
      ready: '1/1',
      status: 'Running',
      restarts: '2 (45s ago)',
    });
  });

  it("shows a terminated container's reason and counts it not ready", () => {
    const killed = {
      ...running,
      ready: false,
      state: { terminated: { exitCode: 137, reason: 'OOMKilled' } },
    };
    expect(summarizePod(pod({ phase: 'Running', containerStatuses: [killed] }), NOW)).toMatchObject({
      ready: '0/1',
      status: 'OOMKilled',
    });
    const waiting = { ...running, state: { waiting: { reason: 'ContainerCreating' } } };
    expect(summarizePod(pod({ phase: 'Pending', containerStatuses: [waiting] }), NOW).status).toBe(
      'ContainerCreating',
    );
  });

  it('shows Terminating while a deleted pod is not finished, and its phase once it is', () => {
    const deleting = { deletionTimestamp: '2025-01-01T12:00:30Z' };
    expect(summarizePod(pod({ phase: 'Running', containerStatuses: [running] }, deleting), NOW).status).toBe(
      'Terminating',
    );
    expect(summarizePod(pod({ phase: 'Failed', containerStatuses: [running] }, deleting), NOW).status).toBe(
      'Failed',
    );
  });
});
