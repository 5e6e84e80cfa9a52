/** Fills a buffer with random bytes; injected so the domain stays free of platform APIs. */
export type RandomBytes = (n: number) => Uint8Array;

/**
 * RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, 74 random bits. Sorts by creation time, so ids made
 * on different machines interleave by time in indexes and logs.
 */
const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function uuidv7(nowMs: number, random: RandomBytes): string {
  const b = random(16);
  if (b.length < 16) throw new RangeError('random source returned fewer than 16 bytes');
  let ms = Math.floor(nowMs);
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  // A byte→hex table and plain concatenation: ids are stamped on every chat message, and building the string
  // through Array.from/map/join cost several microseconds each.
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[b[i] ?? 0] ?? '00';
  }
  return out;
}

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
