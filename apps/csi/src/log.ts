import { type DestinationStream, pino } from 'pino';
import pretty from 'pino-pretty';

/** The plugin's log on stderr (stdout stays free for `--help` and the like); secrets are never passed in. */
export interface PluginLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type PluginLogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** CSI's secrets and Drivebay's credentials, censored should a field of that name slip in. */
const SECRET_KEYS = ['secrets', 'secret', 'token', 'password', 'authorization', 'cookie'];
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`]);

/**
 * Lines like the bff's: JSON with level names and ISO times, pretty-printed in-process (the plugin
 * is one esbuild bundle, where pino's worker transports would not resolve) when stderr is a terminal.
 */
export function createPluginLog(
  level: PluginLogLevel = 'info',
  context: Record<string, unknown> = {},
  destination?: DestinationStream,
): PluginLog {
  const logger = pino(
    {
      level,
      base: context,
      formatters: { level: (label: string) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination ??
      (process.stderr.isTTY
        ? pretty({ sync: true, destination: 2, translateTime: 'SYS:HH:MM:ss.l', singleLine: true })
        : pino.destination({ fd: 2, sync: true })),
  );
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
