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
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [`["${key}"]`, `*["${key}"]`]);

export interface LogOptions {
  /** Fields every line carries (`{ component: 'csi-plugin' }`). */
  base?: Fields;
  /** Where lines go; by default stdout, pretty-printed when it is a terminal, else JSON lines. */
  destination?: DestinationStream;
}

/** The pino options both Drivebay processes share: level names, ISO times, redaction. */
export function pinoOptions(level: LogLevel, base: Fields = {}) {
  return {
    level,
    base,
    // "level":"warn" rather than 40, and an ISO time: a line is readable with grep alone.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
}

/**
 * A terminal gets pino-pretty, in-process and synchronous (the server is one esbuild bundle, so
 * pino's worker-thread transports would not resolve); anything else gets one JSON object per line.
 */
export function terminalOrJson(fd: 1 | 2): DestinationStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (stream.isTTY) return pretty({ sync: true, destination: fd, translateTime: 'SYS:HH:MM:ss.l' });
  return pino.destination({ fd, sync: true });
}

/** The bff's log on stdout. */
export function createLogger(level: LogLevel = 'info', options: LogOptions = {}): Logger {
  return adapt(pino(pinoOptions(level, options.base), options.destination ?? terminalOrJson(1)));
}

/** Keeps callers' (message, fields) order over pino's (fields, message). */
export function adapt(logger: Pino): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}
