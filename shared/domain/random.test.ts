import { describe, expect, it } from 'vitest';
import { gaussian, intBetween, pick, randInt, seededRng, shuffle } from './random.js';

describe('seededRng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const c = seededRng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    // mulberry32's first value for seed 1, so trained models and recorded simulations stay reproducible.
    expect(seededRng(1)()).toBeCloseTo(0.6270739405881613, 15);
  });

  it('keeps values in [0, 1) and integers in range', () => {
    const r = seededRng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const k = randInt(r, 3);
      expect([0, 1, 2]).toContain(k);
      const m = intBetween(r, -2, 2);
      expect(m).toBeGreaterThanOrEqual(-2);
      expect(m).toBeLessThanOrEqual(2);
    }
  });

  it('shuffles to a permutation, picks members and refuses an empty pick', () => {
    const r = seededRng(3);
    const xs = [1, 2, 3, 4, 5, 6];
    expect([...shuffle(xs, r)].sort()).toEqual(xs);
    expect(xs).toContain(pick(r, xs));
    expect(() => pick(r, [])).toThrow(RangeError);
    expect(Number.isFinite(gaussian(r))).toBe(true);
  });
});
