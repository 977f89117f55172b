/** The plugin's log: JSON lines on stderr (stdout stays free for `--help` and the like). */
export interface PluginLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createPluginLog(
  level: 'info' | 'warn' | 'error' | 'silent' = 'info',
  context: Record<string, unknown> = {},
): PluginLog {
  const rank = { info: 0, warn: 1, error: 2, silent: 3 }[level];
  const write =
    (lineLevel: 'info' | 'warn' | 'error', min: number) =>
    (message: string, fields?: Record<string, unknown>) => {
      if (rank > min) return;
      process.stderr.write(
        `${JSON.stringify({ time: new Date().toISOString(), level: lineLevel, message, ...context, ...fields })}\n`,
      );
    };
  return { info: write('info', 0), warn: write('warn', 1), error: write('error', 2) };
}
