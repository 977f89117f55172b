import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP proxy between the plugin and Drivebay that can hold one request: either before it
 * reaches Drivebay, or after Drivebay has answered (committed) but before the plugin hears it.
 * That is exactly where a plugin killed mid-call leaves a retry to find its way.
 */
export class HoldingProxy {
  private server: http.Server | undefined;
  private hold: { match: (req: http.IncomingMessage) => boolean; when: 'before' | 'after' } | undefined;
  private reached: (() => void) | undefined;
  url = '';

  constructor(private readonly upstream: string) {}

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.forward(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Holds the next matching request; resolves once it is held (forever: the plugin is killed meanwhile). */
  holdNext(match: (req: http.IncomingMessage) => boolean, when: 'before' | 'after'): Promise<void> {
    this.hold = { match, when };
    return new Promise((resolve) => {
      this.reached = resolve;
    });
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    const hold = this.hold?.match(req) ? this.hold : undefined;
    if (hold) this.hold = undefined;
    if (hold?.when === 'before') {
      req.resume();
      this.reached?.();
      return; // never forwarded
    }
    const upstream = http.request(
      new URL(req.url ?? '/', this.upstream),
      { method: req.method, headers: req.headers },
      (answer) => {
        if (hold?.when === 'after') {
          answer.resume();
          answer.on('end', () => this.reached?.()); // Drivebay has committed; the plugin never hears of it
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }
}
