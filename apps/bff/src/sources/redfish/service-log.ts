import type { Logger } from '../../log.js';

/**
 * The source's log lines: each names its service, repeats of one kind of line are held back
 * for a window (a service failing every second writes one line a minute, with a count), and
 * any secret the source was given is masked, whatever a service echoes back.
 */
export class ServiceLog {
  private readonly lastWritten = new Map<string, { at: number; suppressed: number }>();
  /** How many lines of the kind being written were held back before it. */
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly service: string,
    private readonly secrets: readonly string[],
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  info(message: string, fields: Record<string, unknown> = {}): void {
    this.log.info(this.mask(message), this.fields(fields));
  }

  /** A warning at most once per `key` and window; the next one says how many were held back. */
  warn(key: string, message: string, fields: Record<string, unknown> = {}): void {
    this.limited(key, () => this.log.warn(this.mask(message), this.fields(fields, key)));
  }

  error(key: string, message: string, fields: Record<string, unknown> = {}): void {
    this.limited(key, () => this.log.error(this.mask(message), this.fields(fields, key)));
  }

  /** A key's window starts over: the next line of that kind is written at once (after a recovery). */
  reset(key: string): void {
    this.lastWritten.delete(key);
  }

  private limited(key: string, write: () => void): void {
    const at = this.now();
    const last = this.lastWritten.get(key);
    if (last && at - last.at < this.windowMs) {
      last.suppressed++;
      return;
    }
    this.suppressed = last?.suppressed ?? 0;
    this.lastWritten.set(key, { at, suppressed: 0 });
    write();
  }

  private fields(fields: Record<string, unknown>, key?: string): Record<string, unknown> {
    const masked = JSON.parse(this.mask(JSON.stringify(fields))) as Record<string, unknown>;
    const held = key !== undefined && this.suppressed > 0 ? { suppressed: this.suppressed } : {};
    return { source: 'redfish', service: this.service, ...masked, ...held };
  }

  private mask(text: string): string {
    let masked = text;
    for (const secret of this.secrets) {
      if (secret.length >= 3) masked = masked.split(secret).join('***');
    }
    return masked;
  }
}
