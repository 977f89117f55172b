/** One Server-Sent Event message as a client parses it. */
export interface SseMessage {
  id: string | undefined;
  data: string;
}

/**
 * Reads an SSE stream the way EventSource does: messages split by a blank line, `id:` and
 * `data:` fields, comment lines (heartbeats) counted apart.
 */
export class SseReader {
  private buffer = '';
  private readonly messages: SseMessage[] = [];
  private waiters: (() => void)[] = [];
  comments = 0;
  ended = false;

  private constructor(private readonly controller: AbortController) {}

  static async open(
    url: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; reader: SseReader }> {
    const controller = new AbortController();
    const res = await fetch(url, { headers, signal: controller.signal });
    const reader = new SseReader(controller);
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel();
      return { status: res.status, reader };
    }
    void reader.pump(res.body);
    return { status: res.status, reader };
  }

  /** The next message (waits for it), or undefined once the stream has ended. */
  async next(): Promise<SseMessage | undefined> {
    for (;;) {
      const message = this.messages.shift();
      if (message) return message;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** The next message whose data contains `text`, skipping the others. */
  async nextWith(text: string): Promise<SseMessage> {
    for (;;) {
      const message = await this.next();
      if (!message) throw new Error(`the stream ended before a message with ${text}`);
      if (message.data.includes(text)) return message;
    }
  }

  /** Waits until the stream has ended (the server cut it). */
  async closed(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.controller.abort();
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) {
        this.buffer += decoder.decode(chunk, { stream: true });
        this.parse();
      }
    } catch {
      // Aborted by the test or cut by the server: either way the stream has ended.
    }
    this.ended = true;
    this.wake();
  }

  private parse(): void {
    for (let end = this.buffer.indexOf('\n\n'); end >= 0; end = this.buffer.indexOf('\n\n')) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) this.comments++;
        else if (line.startsWith('id:')) id = line.slice(3).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) this.messages.push({ id, data: data.join('\n') });
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
