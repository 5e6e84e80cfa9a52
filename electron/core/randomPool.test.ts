import { describe, expect, it } from 'vitest';
import { createRandomPool } from './randomPool.js';

describe('random pool', () => {
  it('hands out the requested number of bytes, never the same bytes twice, across block refills', () => {
    const random = createRandomPool(64);
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const b = random(16);
      expect(b.length).toBe(16);
      seen.add(Buffer.from(b).toString('hex'));
    }
    expect(seen.size).toBe(100);
  });

  it('lets the caller write its bytes without touching the next call', () => {
    const random = createRandomPool(64);
    const a = random(8);
    const b = random(8);
    const before = Buffer.from(b).toString('hex');
    a.fill(0);
    expect(Buffer.from(b).toString('hex')).toBe(before);
  });

  it('serves large requests directly', () => {
    expect(createRandomPool(64)(1000).length).toBe(1000);
  });
});
