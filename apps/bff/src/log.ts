/** Structured log lines on stdout; secrets are never passed in. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON object per line, so the log can be grepped and shipped as is. */
export function createLogger(level: 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  const rank = { info: 0, warn: 1, error: 2, silent: 3 }[level];
  const write =
    (lineLevel: 'info' | 'warn' | 'error', min: number) =>
    (message: string, fields?: Record<string, unknown>) => {
      if (rank > min) return;
      process.stdout.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...fields })}\n`,
      );
    };
  return { info: write('info', 0), warn: write('warn', 1), error: write('error', 2) };
}
