import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js';

const policy = { baseMs: 500, capMs: 15_000 };
const ALMOST_ONE = 1 - Number.EPSILON;

describe('backoffDelay', () => {
  it('has the documented default policy', () => {
    expect(DEFAULT_BACKOFF).toEqual({ baseMs: 250, capMs: 2_000 });
  });

  it('doubles the step per attempt: half fixed, half jitter', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, 0))).toEqual([250, 500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, 0.5))).toEqual([375, 750, 1500, 3000, 6000]);
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, ALMOST_ONE))).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('is capped, also for absurd attempt counts', () => {
    expect(backoffDelay(6, policy, 0)).toBe(7500);
    expect(backoffDelay(6, policy, ALMOST_ONE)).toBe(15_000);
    expect(backoffDelay(1000, policy, 0)).toBe(7500);
    expect(backoffDelay(1000, policy, ALMOST_ONE)).toBe(15_000);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, policy, 0.25)).toBe(9375);
  });

  it('treats attempt 0 or below as the first attempt', () => {
    expect(backoffDelay(0, policy, 0)).toBe(250);
    expect(backoffDelay(-3, policy, ALMOST_ONE)).toBe(500);
  });

  it('always stays within [step/2, step] and never decreases its bounds (sweep)', () => {
    let prevLow = 0;
    for (let attempt = 1; attempt <= 40; attempt++) {
      const step = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
      const low = backoffDelay(attempt, policy, 0);
      expect(low).toBe(step / 2);
      expect(low).toBeGreaterThanOrEqual(prevLow);
      prevLow = low;
      for (let i = 0; i < 100; i++) {
        const d = backoffDelay(attempt, policy, i / 100);
        expect(d).toBeGreaterThanOrEqual(step / 2);
        expect(d).toBeLessThanOrEqual(step);
        expect(Number.isInteger(d)).toBe(true);
      }
    }
  });
});
