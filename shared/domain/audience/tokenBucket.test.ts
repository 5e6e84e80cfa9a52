import { describe, expect, it } from 'vitest';
import { availableTokens, createTokenBucket, takeTokens } from './tokenBucket.js';

describe('token bucket', () => {
  it('starts full and allows a burst up to its size', () => {
    const b = createTokenBucket(2_000, 10_000, 0);
    expect(takeTokens(b, 10_000, 0)).toEqual({ ok: true });
    expect(takeTokens(b, 1, 0)).toEqual({ ok: false, retryAfterMs: 1 });
  });

  it('refills at the sustained rate and says when to retry', () => {
    const b = createTokenBucket(2_000, 10_000, 0);
    takeTokens(b, 10_000, 0);
    expect(takeTokens(b, 1_000, 250)).toEqual({ ok: false, retryAfterMs: 250 });
    expect(takeTokens(b, 1_000, 500)).toEqual({ ok: true });
    expect(availableTokens(b, 500)).toBe(0);
  });

  it('is all-or-nothing: a refused take removes nothing', () => {
    const b = createTokenBucket(10, 5, 0);
    expect(takeTokens(b, 6, 0).ok).toBe(false);
    expect(availableTokens(b, 0)).toBe(5);
  });

  it('tells a request larger than the burst to wait for a full bucket', () => {
    const b = createTokenBucket(100, 50, 0);
    takeTokens(b, 50, 0);
    expect(takeTokens(b, 80, 0)).toEqual({ ok: false, retryAfterMs: 500 });
  });

  it('never holds more than the burst, and a clock stepping back adds nothing', () => {
    const b = createTokenBucket(100, 50, 1_000);
    expect(availableTokens(b, 1_000_000)).toBe(50);
    takeTokens(b, 50, 1_000_000);
    expect(availableTokens(b, 0)).toBe(0);
    expect(availableTokens(b, 1_000_100)).toBeCloseTo(10);
  });

  it('refuses nonsense parameters', () => {
    expect(() => createTokenBucket(0, 10, 0)).toThrow(RangeError);
    expect(() => createTokenBucket(10, 0, 0)).toThrow(RangeError);
  });
});
