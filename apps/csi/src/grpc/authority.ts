import { Duplex } from 'node:stream';
import { encodeLiterals, HeaderBlockDecoder, type HeaderField } from './header-block.js';

const PREFACE_LENGTH = 24; // "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
const FRAME_HEADER_LENGTH = 9;
const HEADERS = 0x1;
const CONTINUATION = 0x9;
const END_STREAM = 0x1;
const END_HEADERS = 0x4;
const PADDED = 0x8;
const PRIORITY = 0x20;
/** The smallest SETTINGS_MAX_FRAME_SIZE a server may announce: every server takes frames this big. */
const MAX_FRAME_PAYLOAD = 16_384;
/** What a unix-socket call's authority means, as gRPC's own clients send it. */
export const UNIX_SOCKET_AUTHORITY = 'localhost';

/**
 * An :authority HTTP/2 accepts: RFC 3986's authority characters, at least one. Go gRPC clients
 * before the fix (kubelet and CSI sidecars before kubernetes/kubernetes#112597) send the socket's
 * path ("/csi/csi.sock") or nothing, and Node's HTTP/2 server resets such a stream with
 * PROTOCOL_ERROR before any handler runs (grpc/grpc-node#258).
 */
const VALID_AUTHORITY = /^[A-Za-z0-9\-._~!$&'()*+,;=:@[\]%]+$/;

/**
 * Wraps one accepted unix-socket connection so that the HTTP/2 server behind it sees a valid
 * :authority on every request. Bytes from the server pass through untouched; from the client,
 * every header block is decoded (HPACK is stateful, so all of them must be), its :authority
 * replaced with "localhost" when invalid, and re-encoded as literals that leave the server's
 * dynamic table unused. Every other frame passes through byte for byte.
 */
export class AuthorityNormalizer extends Duplex {
  private pending: Buffer = Buffer.alloc(0);
  private prefaceSeen = false;
  private readonly decoder = new HeaderBlockDecoder();
  /** A HEADERS frame waiting for its CONTINUATIONs: its flags, priority bytes and fragments. */
  private open: { streamId: number; flags: number; priority: Buffer; fragments: Buffer[] } | undefined;
  /** Requests whose :authority was replaced, for the plugin's log. */
  rewritten = 0;

  constructor(private readonly socket: Duplex) {
    super();
    socket.on('data', (chunk: Buffer) => {
      try {
        this.feed(chunk);
      } catch (error) {
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (error) => this.destroy(error));
    socket.on('close', () => this.destroy());
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.socket.write(chunk, callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.socket.end(callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.socket.destroy();
    callback(error);
  }

  private forward(bytes: Buffer): void {
    if (!this.push(bytes)) this.socket.pause();
  }

  private feed(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    if (!this.prefaceSeen) {
      if (this.pending.length < PREFACE_LENGTH) return;
      this.forward(this.pending.subarray(0, PREFACE_LENGTH));
      this.pending = this.pending.subarray(PREFACE_LENGTH);
      this.prefaceSeen = true;
    }
    for (;;) {
      if (this.pending.length < FRAME_HEADER_LENGTH) return;
      const length = this.pending.readUIntBE(0, 3);
      if (this.pending.length < FRAME_HEADER_LENGTH + length) return;
      const frame = this.pending.subarray(0, FRAME_HEADER_LENGTH + length);
      this.pending = this.pending.subarray(FRAME_HEADER_LENGTH + length);
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    const type = frame[3] as number;
    const flags = frame[4] as number;
    const streamId = frame.readUInt32BE(5) & 0x7fffffff;
    const payload = frame.subarray(FRAME_HEADER_LENGTH);
    if (type === HEADERS) {
      let offset = 0;
      let padding = 0;
      if (flags & PADDED) {
        padding = payload[0] as number;
        offset = 1;
      }
      const priority = flags & PRIORITY ? payload.subarray(offset, offset + 5) : Buffer.alloc(0);
      offset += priority.length;
      const fragment = payload.subarray(offset, payload.length - padding);
      this.open = { streamId, flags, priority, fragments: [fragment] };
    } else if (type === CONTINUATION && this.open?.streamId === streamId) {
      this.open.fragments.push(payload);
    } else {
      // Anything else (DATA, SETTINGS, PING, WINDOW_UPDATE, RST_STREAM, GOAWAY…) is not ours to touch.
      this.forward(frame);
      return;
    }
    if (!(flags & END_HEADERS)) return;
    const open = this.open;
    this.open = undefined;
    const fields = this.decoder.decode(Buffer.concat(open.fragments));
    this.forwardHeaders(open.streamId, open.flags, open.priority, this.withValidAuthority(fields));
  }

  private withValidAuthority(fields: HeaderField[]): HeaderField[] {
    const authority = fields.find((f) => f.name === ':authority');
    if (!authority || VALID_AUTHORITY.test(authority.value)) return fields;
    this.rewritten += 1;
    return fields.map((f) => (f === authority ? { ...f, value: UNIX_SOCKET_AUTHORITY } : f));
  }

  /** HEADERS (then CONTINUATIONs if the block is large), END_HEADERS on the last. */
  private forwardHeaders(streamId: number, flags: number, priority: Buffer, fields: HeaderField[]): void {
    const block = Buffer.concat([priority, encodeLiterals(fields)]);
    for (let offset = 0, first = true; first || offset < block.length; first = false) {
      const piece = block.subarray(offset, offset + MAX_FRAME_PAYLOAD);
      offset += piece.length;
      const last = offset >= block.length;
      const frameFlags = first
        ? (flags & (END_STREAM | PRIORITY)) | (last ? END_HEADERS : 0)
        : last
          ? END_HEADERS
          : 0;
      const header = Buffer.alloc(FRAME_HEADER_LENGTH);
      header.writeUIntBE(piece.length, 0, 3);
      header[3] = first ? HEADERS : CONTINUATION;
      header[4] = frameFlags;
      header.writeUInt32BE(streamId, 5);
      this.forward(Buffer.concat([header, piece]));
    }
  }
}
