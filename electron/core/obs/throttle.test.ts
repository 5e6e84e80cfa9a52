import { describe, expect, it } from 'vitest';
import { createManualClock } from '../manualClock.js';
import { createThrottle } from './throttle.js';

describe('createThrottle', () => {
  it('emits the first value at once and the latest of a burst once per interval', () => {
    const clock = createManualClock();
    const out: { at: number; v: number }[] = [];
    const t = createThrottle<number>({ clock, intervalMs: 50, emit: (v) => out.push({ at: clock.now(), v }) });
    const t0 = clock.now();
    t.push(1);
    for (let i = 2; i <= 20; i++) {
      clock.advance(5);
      t.push(i);
    }
    clock.advance(100);
    expect(out.map((o) => o.v)).toEqual([1, 10, 20]);
    expect(out.map((o) => o.at - t0)).toEqual([0, 50, 100]);
    // Never two emits closer than the interval.
    for (let i = 1; i < out.length; i++) expect(out[i]!.at - out[i - 1]!.at).toBeGreaterThanOrEqual(50);
    expect(clock.pending()).toBe(0);
  });

  it('after a quiet interval the next value goes out at once', () => {
    const clock = createManualClock();
    const out: number[] = [];
    const t = createThrottle<number>({ clock, intervalMs: 67, emit: (v) => out.push(v) });
    t.push(1);
    clock.advance(200);
    t.push(2);
    expect(out).toEqual([1, 2]);
  });

  it('flush emits a pending value now; cancel drops it', () => {
    const clock = createManualClock();
    const out: string[] = [];
    const t = createThrottle<string>({ clock, intervalMs: 50, emit: (v) => out.push(v) });
    t.push('a');
    t.push('b');
    t.flush();
    expect(out).toEqual(['a', 'b']);
    t.push('c');
    t.cancel();
    clock.advance(500);
    expect(out).toEqual(['a', 'b']);
    t.flush(); // nothing pending: no emit
    expect(out).toEqual(['a', 'b']);
  });

  it('deferFirst: even the first value waits for a timer, then the interval applies as before', () => {
    const clock = createManualClock();
    const out: number[] = [];
    const t = createThrottle<number>({ clock, intervalMs: 50, emit: (v) => out.push(v), deferFirst: true });
    t.push(1);
    t.push(2);
    expect(out).toEqual([]);
    clock.advance(0);
    expect(out).toEqual([2]);
    t.push(3);
    clock.advance(49);
    expect(out).toEqual([2]);
    clock.advance(1);
    expect(out).toEqual([2, 3]);
  });

  it('a timer that fires early (Node counts from a stale loop time under load) waits for the rest of the interval', () => {
    const real = createManualClock(0);
    // Every timer fires up to 3 ms before its delay has passed (never sooner than 1 ms, as Node's timers).
    const early = { ...real, setTimeout: (fn: () => void, ms: number) => real.setTimeout(fn, Math.max(1, ms - 3)) };
    const out: [number, number][] = [];
    const t = createThrottle<number>({ clock: early, intervalMs: 1000 / 15, emit: (v) => out.push([v, real.now()]) });
    t.push(1);
    real.advance(10);
    t.push(2);
    real.advance(60);
    // The timer for 2 fired at 63.7 ms, inside the interval: it slept again and emitted once the interval was over.
    expect(out.map(([v]) => v)).toEqual([1, 2]);
    expect((out[1]?.[1] ?? 0) - (out[0]?.[1] ?? 0)).toBeGreaterThanOrEqual(1000 / 15);
  });
});
