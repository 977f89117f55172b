import { setTimeout as sleep } from 'node:timers/promises';
import { applyStep, parseStepId, type RecordedStep, stepId } from './recorded-steps.js';
import { appendStep, lastEntry, type StepKind } from './step-journal.js';
import type { VolumeFiles } from './volume-record.js';

/** What every volume's steps share: the test seam, the fabric's latency, the log. */
export interface StepEnv {
  /** Called before each step; a test throws here to stand for the plugin killed at that point. */
  checkpoint(point: string): Promise<void>;
  /** Paused before each fabric step (attach, detach), standing for the fabric's latency. */
  fabricDelayMs: number;
  log(message: string, fields: Record<string, unknown>): void;
}

/** The steps of one volume, journaled in its steps.log. */
export class VolumeSteps {
  constructor(
    readonly volumeId: string,
    readonly files: VolumeFiles,
    private readonly env: StepEnv,
  ) {}

  /**
   * Finishes a recorded step a killed plugin journaled but did not apply. Only the newest line can
   * be in that state (a volume's steps run one at a time, and a recorded step is applied before
   * anything after it is journaled), and applying a step twice changes nothing, so the newest
   * line, if it is a recorded step, is simply applied again.
   */
  async recover(): Promise<void> {
    const last = await lastEntry(this.files.journal);
    const step = last?.kind === 'recorded' ? parseStepId(last.step) : undefined;
    if (step) await applyStep(this.files, step);
  }

  /** A step this host only records: journal it, then make the emulated machine show it done. */
  async record(step: RecordedStep, command: string, options: { fabric?: boolean } = {}): Promise<void> {
    if (options.fabric && this.env.fabricDelayMs > 0) await sleep(this.env.fabricDelayMs);
    const id = stepId(step);
    await this.journal('recorded', id, command);
    await this.checkpoint(`${id} journaled`);
    await applyStep(this.files, step);
  }

  /** Appends a step's line (recorded steps before their effect; mounts after theirs, see mount-steps.ts). */
  async journal(kind: StepKind, step: string, command: string): Promise<void> {
    await this.checkpoint(step);
    await appendStep(this.files.journal, { kind, step, command });
    this.env.log('host step', { volume: this.volumeId, step, kind, command });
  }

  /** A point between two steps, where the plugin may be killed. */
  checkpoint(point: string): Promise<void> {
    return this.env.checkpoint(`${this.volumeId}: ${point}`);
  }
}
