import { describe, expect, it } from 'vitest';
import { UUID_V7, uuidv7, type RandomBytes } from './uuidv7.js';
import { seededRng } from './random.js';

const fixed =
  (byte: number): RandomBytes =>
  (n) =>
    new Uint8Array(n).fill(byte);

/** Deterministic, varied bytes from a seeded PRNG. */
function seededRandom(seed: number): RandomBytes {
  const next = seededRng(seed);
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}

describe('uuidv7', () => {
  it('puts the 48-bit millisecond time first, then the version and variant bits', () => {
    // 0x0189_6c5d_7e00 ms
    expect(uuidv7(0x01896c5d7e00, fixed(0xff))).toBe('01896c5d-7e00-7fff-bfff-ffffffffffff');
    expect(uuidv7(0x01896c5d7e00, fixed(0x00))).toBe('01896c5d-7e00-7000-8000-000000000000');
    expect(uuidv7(0, fixed(0x5a))).toBe('00000000-0000-7a5a-9a5a-5a5a5a5a5a5a');
    expect(uuidv7(2 ** 48 - 1, fixed(0))).toBe('ffffffff-ffff-7000-8000-000000000000');
  });

  it('drops fractions of a millisecond', () => {
    expect(uuidv7(1_700_000_000_000.9, fixed(0))).toBe(uuidv7(1_700_000_000_000, fixed(0)));
  });

  it('always matches the v7 format with version 7 and variant 10xx', () => {
    const random = seededRandom(99);
    for (let i = 0; i < 2000; i++) {
      const id = uuidv7(1_700_000_000_000 + i * 7919, random);
      expect(id).toMatch(UUID_V7);
      expect(id).toHaveLength(36);
      expect(id[14]).toBe('7');
      expect(['8', '9', 'a', 'b']).toContain(id[19]);
    }
  });

  it('sorts by creation time across milliseconds, whatever the random bits', () => {
    const ids = [
      uuidv7(1_700_000_000_000, fixed(0xff)),
      uuidv7(1_700_000_000_001, fixed(0x00)),
      uuidv7(1_700_000_000_255, fixed(0x80)),
      uuidv7(1_700_000_000_256, fixed(0x00)),
      uuidv7(1_800_000_000_000, fixed(0x00)),
    ];
    expect([...ids].sort()).toEqual(ids);
  });

  it('uses the random bits so ids in the same millisecond differ', () => {
    const random = seededRandom(99);
    const ids = new Set(Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000, random)));
    expect(ids.size).toBe(1000);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => uuidv7(0, () => new Uint8Array(15))).toThrow(new RangeError('random source returned fewer than 16 bytes'));
  });

  it('the pattern refuses other versions, variants and upper case', () => {
    expect(UUID_V7.test('01896c5d-7e00-4fff-bfff-ffffffffffff')).toBe(false);
    expect(UUID_V7.test('01896c5d-7e00-7fff-cfff-ffffffffffff')).toBe(false);
    expect(UUID_V7.test('01896C5D-7E00-7FFF-BFFF-FFFFFFFFFFFF')).toBe(false);
    expect(UUID_V7.test('01896c5d7e007fffbfffffffffffffff')).toBe(false);
  });
});
