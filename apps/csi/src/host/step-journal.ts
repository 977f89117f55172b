import { appendFile, open, readFile } from 'node:fs/promises';
import { hasCode } from './files.js';

/** A step happened for real on this machine, or was only recorded (what a real host would run). */
export type StepKind = 'real' | 'recorded';

export interface JournalEntry {
  at: string;
  kind: StepKind;
  /** The step's id: no spaces; recorded steps' ids are parsed back by recovery (recorded-steps.ts). */
  step: string;
  /** The command a real host runs for the step (never a secret). */
  command: string;
}

const CHUNK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Appends a step to a volume's journal, unless it repeats the newest line: that only happens when
 * a call is retried after a crash between writing the line and doing the step, and the step then
 * happens once, so it is told once.
 */
export async function appendStep(
  path: string,
  entry: Omit<JournalEntry, 'at'>,
  now = new Date(),
): Promise<void> {
  if (/\s/.test(entry.step)) throw new Error(`a step id has no spaces: ${JSON.stringify(entry.step)}`);
  const last = await lastEntry(path);
  if (last && last.kind === entry.kind && last.step === entry.step && last.command === oneLine(entry.command))
    return;
  // One small O_APPEND write: a killed process leaves the whole line or none of it.
  await appendFile(path, `${now.toISOString()} ${entry.kind} ${entry.step} ${oneLine(entry.command)}\n`);
}

/** The newest line of a journal, or undefined when there is none. */
export function lastEntry(path: string): Promise<JournalEntry | undefined> {
  return lastEntryWhere(path, () => true);
}

/** The newest line that matches, read from the end (the one wanted is nearly always near it). */
export async function lastEntryWhere(
  path: string,
  matches: (entry: JournalEntry) => boolean,
): Promise<JournalEntry | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    let end = (await handle.stat()).size;
    // Bytes of a line that began in a chunk not yet read (kept as bytes: a character may straddle chunks).
    let partial = Buffer.alloc(0);
    while (end > 0) {
      const length = Math.min(end, CHUNK_BYTES);
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, end - length);
      end -= length;
      let bytes = Buffer.concat([chunk, partial]);
      if (end > 0) {
        const cut = bytes.indexOf(NEWLINE);
        partial = cut < 0 ? bytes : bytes.subarray(0, cut);
        if (cut < 0) continue;
        bytes = bytes.subarray(cut + 1);
      }
      for (const line of bytes.toString('utf8').split('\n').reverse()) {
        const entry = line ? parseEntry(line) : undefined;
        if (entry && matches(entry)) return entry;
      }
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/** Every line of a journal, oldest first (for operators and tests). */
export async function readJournal(path: string): Promise<JournalEntry[]> {
  try {
    const text = await readFile(path, 'utf8');
    return text
      .split('\n')
      .filter(Boolean)
      .flatMap((line) => parseEntry(line) ?? []);
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return [];
    throw error;
  }
}

export function parseEntry(line: string): JournalEntry | undefined {
  const match = /^(\S+) (real|recorded) (\S+) (.*)$/.exec(line);
  if (!match) return undefined;
  const [, at = '', kind, step = '', command = ''] = match;
  return { at, kind: kind === 'real' ? 'real' : 'recorded', step, command };
}

function oneLine(command: string): string {
  return command.replace(/\s*\n\s*/g, ' ');
}
