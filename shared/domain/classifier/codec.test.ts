import { describe, expect, it } from 'vitest';
import { decodeTable, encodeTable, fromBase64, toBase64 } from './codec.js';

describe('base64', () => {
  it('matches the RFC 4648 vectors', () => {
    const enc = (s: string): string => toBase64(Uint8Array.from(Array.from(s, (c) => c.charCodeAt(0))));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
    expect(Array.from(fromBase64('Zm9vYmE='))).toEqual([102, 111, 111, 98, 97]);
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 0xff);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('rejects characters outside the alphabet', () => {
    expect(() => fromBase64('Zm9v!')).toThrow(/invalid base64/);
  });
});

describe('weight table encoding', () => {
  it('round-trips sparse and dense columns', () => {
    const rows = 300;
    const stride = 4;
    const table = new Int8Array(rows * stride);
    for (let r = 0; r < rows; r++) {
      table[r * stride] = ((r * 7) % 255) - 127; // dense, includes zeros
      if (r % 50 === 0) table[r * stride + 1] = -127; // sparse
      if (r === rows - 1) table[r * stride + 2] = 5; // one value at the very end
    }
    const bytes = encodeTable(table, rows, stride, 3);
    expect(decodeTable(bytes, rows, stride, 3)).toEqual(table);
    // the sparse columns cost a few bytes, not one per row
    expect(bytes.length).toBeLessThan(rows + 40);
  });

  it('fails loudly on a truncated or oversized stream', () => {
    const table = new Int8Array(100 * 2).fill(3);
    const bytes = encodeTable(table, 100, 2, 2);
    expect(() => decodeTable(bytes.subarray(0, bytes.length - 1), 100, 2, 2)).toThrow(/ends early/);
    expect(() => decodeTable(Uint8Array.from([...bytes, 1]), 100, 2, 2)).toThrow(/trailing/);
  });
});
