import { type DestinationStream, type Logger as Pino, pino } from 'pino';
import pretty from 'pino-pretty';

/** The levels `--log-level` takes, most verbose first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Fields = Record<string, unknown>;

/**
 * The process's log: a line per call, the message first and its fields after, as every caller
 * writes it. Secrets are never passed in; the redaction below is only the second line of defence.
 */
export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
}

/**
 * Field names that carry secrets wherever they appear (at the top or one level down), censored
 * should a caller ever pass one: a mistake then shows as "[redacted]" rather than as the secret.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'secret',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'clientSecret',
];
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`]);

export interface LogOptions {
  /** Where lines go; by default stdout, pretty-printed when it is a terminal, else JSON lines. */
  destination?: DestinationStream;
}

/** The bff's log on stdout: JSON lines with level names and ISO times, readable with grep alone. */
export function createLogger(level: LogLevel = 'info', options: LogOptions = {}): Logger {
  const pinoOptions = {
    level,
    // No pid or hostname: one process per container, and the collector knows which.
    base: {},
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return adapt(pino(pinoOptions, options.destination ?? terminalOrJson()));
}

/**
 * A terminal gets pino-pretty, in-process and synchronous (the server is one esbuild bundle, where
 * pino's worker-thread transports would not resolve); anything else one JSON object per line,
 * written synchronously so that nothing is lost when the process exits.
 */
function terminalOrJson(): DestinationStream {
  if (process.stdout.isTTY)
    return pretty({ sync: true, destination: 1, translateTime: 'SYS:HH:MM:ss.l', singleLine: true });
  return pino.destination({ fd: 1, sync: true });
}

/** Keeps callers' (message, fields) order over pino's (fields, message). */
function adapt(logger: Pino): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
