import hpack from 'hpack.js';

/** One decoded header field; values are bytes held as latin1 strings, so re-encoding is exact. */
export interface HeaderField {
  name: string;
  value: string;
  neverIndex: boolean;
}

/**
 * Decodes the header blocks one HTTP/2 connection's client sends. HPACK is stateful: the decoder
 * keeps the client's dynamic table, so every block of the connection must pass through it, in order.
 */
export class HeaderBlockDecoder {
  // Larger than any table a server here announces (Node's default is 4096): the client's encoder
  // may only grow its table to what the server allowed, and this decoder never refuses that.
  private readonly decompressor = hpack.decompressor.create({ table: { maxSize: 65_536 } });

  decode(block: Buffer): HeaderField[] {
    this.decompressor.write(block);
    let failure: Error | null = null;
    this.decompressor.execute((error) => {
      failure = error;
    });
    // execute() runs synchronously; its callback only reports on the next tick.
    const fields: HeaderField[] = [];
    for (let field = this.decompressor.read(); field; field = this.decompressor.read()) fields.push(field);
    if (failure) throw failure;
    return fields;
  }
}

/**
 * Encodes fields as HPACK literals that never touch the receiver's dynamic table (RFC 7541 §6.2.2
 * and §6.2.3) and without Huffman coding: simple, stateless, and always decodable by any server.
 */
export function encodeLiterals(fields: readonly HeaderField[]): Buffer {
  const parts: Buffer[] = [];
  for (const field of fields) {
    // 0000 (without indexing) or 0001 (never indexed), name index 0: a literal name follows.
    parts.push(Buffer.from([field.neverIndex ? 0x10 : 0x00]));
    parts.push(stringLiteral(field.name), stringLiteral(field.value));
  }
  return Buffer.concat(parts);
}

function stringLiteral(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  return Buffer.concat([integer(bytes.length, 7, 0x00), bytes]);
}

/** RFC 7541 §5.1: an integer with an N-bit prefix; `high` holds the bits above the prefix. */
function integer(value: number, prefixBits: number, high: number): Buffer {
  const limit = (1 << prefixBits) - 1;
  if (value < limit) return Buffer.from([high | value]);
  const bytes = [high | limit];
  let rest = value - limit;
  while (rest >= 128) {
    bytes.push((rest % 128) + 128);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
