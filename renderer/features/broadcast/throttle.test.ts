import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle, type ThrottleTimers } from './throttle.js';

const fakeTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

describe('createThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(10_000);
  });
  afterEach(() => vi.useRealTimers());

  it('sends the first value at once and the latest one after the interval', () => {
    const sent: number[] = [];
    const t = createThrottle((v: number) => sent.push(v), 100, fakeTimers);
    t.push(1);
    t.push(2);
    t.push(3);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 3]);
    t.push(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('flushes a waiting value at once and cancels drop it', () => {
    const sent: number[] = [];
    const t = createThrottle((v: number) => sent.push(v), 100, fakeTimers);
    t.push(1);
    t.push(2);
    t.flush();
    expect(sent).toEqual([1, 2]);
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([1, 2]);
    t.flush();
    expect(sent).toEqual([1, 2]);
    t.push(3);
    t.push(4);
    t.cancel();
    vi.advanceTimersByTime(200);
    expect(sent).toEqual([1, 2, 3]);
  });
});
