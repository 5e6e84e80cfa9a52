import { randomBytes } from 'node:crypto';
import type { RandomBytes } from '../../shared/domain/uuidv7.js';

/**
 * Random bytes from the OS CSPRNG, drawn in 64 KiB blocks: one `randomBytes(16)` call costs several
 * microseconds, which at thousands of ids a second (the event log stamps every chat message) is a real share of
 * the ingest budget. Each call gets bytes no other call gets; the returned array may be written by the caller.
 */
export function createRandomPool(blockSize = 64 * 1024): RandomBytes {
  let block = randomBytes(blockSize);
  let offset = 0;
  return (n) => {
    if (n > blockSize / 4) return new Uint8Array(randomBytes(n));
    if (offset + n > blockSize) {
      block = randomBytes(blockSize);
      offset = 0;
    }
    const out = new Uint8Array(block.buffer, block.byteOffset + offset, n);
    offset += n;
    return out;
  };
}
