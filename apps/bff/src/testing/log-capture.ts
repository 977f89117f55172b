import { createLogger, type Logger, type LogLevel } from '../log.js';

/** A real logger whose lines are kept, to read them back or search them for what must not be there. */
export interface CapturedLog {
  log: Logger;
  /** Every line as written (JSON), in order. */
  lines: string[];
  /** The lines parsed; a line that is not a JSON object fails the test that reads it. */
  records(): Record<string, unknown>[];
}

export function captureLog(level: LogLevel = 'debug'): CapturedLog {
  const lines: string[] = [];
  const log = createLogger(level, { destination: { write: (line: string) => void lines.push(line) } });
  return {
    log,
    lines,
    records: () =>
      lines.map((line) => {
        const record: unknown = JSON.parse(line);
        if (typeof record !== 'object' || record === null || Array.isArray(record))
          throw new Error(`not a JSON object: ${line}`);
        return record as Record<string, unknown>;
      }),
  };
}
