/**
 * The weight table's file encoding: per head, int8 values with runs of zeros folded
 * (0x80 then the run length as a LEB128 varint; -128 is never a weight), then base64.
 * Intent heads are mostly zeros (they only ever saw the chat set), sentiment heads are dense.
 * Pure code: shared/ has neither Buffer nor atob.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ZERO_RUN = 0x80;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const len = bytes.length;
  let i = 0;
  for (; i + 2 < len; i += 3) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    chunk += ALPHABET.charAt(v >>> 18) + ALPHABET.charAt((v >>> 12) & 63) + ALPHABET.charAt((v >>> 6) & 63) + ALPHABET.charAt(v & 63);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = len - i;
  if (rest === 1) {
    const v = (bytes[i] ?? 0) << 16;
    chunk += `${ALPHABET.charAt(v >>> 18)}${ALPHABET.charAt((v >>> 12) & 63)}==`;
  } else if (rest === 2) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    chunk += `${ALPHABET.charAt(v >>> 18)}${ALPHABET.charAt((v >>> 12) & 63)}${ALPHABET.charAt((v >>> 6) & 63)}=`;
  }
  parts.push(chunk);
  return parts.join('');
}

const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Decodes standard base64 (padding optional). Throws on a character outside the alphabet. */
export function fromBase64(text: string): Uint8Array {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? (DECODE[c] ?? -1) : -1;
    if (v < 0) throw new Error(`invalid base64 character at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  return o === out.length ? out : out.slice(0, o);
}

/** Encodes `heads` int8 columns of a row-major table (`rows` × `stride`) column by column. */
export function encodeTable(table: Int8Array, rows: number, stride: number, heads: number): Uint8Array {
  const out: number[] = [];
  for (let h = 0; h < heads; h++) {
    let zeros = 0;
    const flush = (): void => {
      if (zeros === 1) out.push(0);
      else if (zeros > 1) {
        out.push(ZERO_RUN);
        let n = zeros;
        while (n >= 0x80) {
          out.push((n & 0x7f) | 0x80);
          n >>>= 7;
        }
        out.push(n);
      }
      zeros = 0;
    };
    for (let r = 0; r < rows; r++) {
      const v = table[r * stride + h] ?? 0;
      if (v === 0) zeros++;
      else {
        flush();
        out.push(v & 0xff);
      }
    }
    flush();
  }
  return Uint8Array.from(out);
}

/** Inverse of encodeTable. Throws when the stream is short, long, or holds a -128. */
export function decodeTable(bytes: Uint8Array, rows: number, stride: number, heads: number): Int8Array {
  const table = new Int8Array(rows * stride);
  let p = 0;
  for (let h = 0; h < heads; h++) {
    let r = 0;
    while (r < rows) {
      if (p >= bytes.length) throw new Error('weight table ends early');
      const b = bytes[p++] ?? 0;
      if (b === ZERO_RUN) {
        let n = 0;
        let shift = 0;
        for (;;) {
          if (p >= bytes.length) throw new Error('weight table ends inside a zero run');
          const c = bytes[p++] ?? 0;
          n += (c & 0x7f) * 2 ** shift;
          shift += 7;
          if ((c & 0x80) === 0) break;
        }
        if (r + n > rows) throw new Error('zero run past the end of a head');
        r += n;
      } else {
        table[r * stride + h] = b > 127 ? b - 256 : b;
        r++;
      }
    }
  }
  if (p !== bytes.length) throw new Error('trailing bytes after the weight table');
  return table;
}
