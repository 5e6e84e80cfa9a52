import { describe, expect, it } from 'vitest';
import { emptyBucket } from '../../../shared/domain/metrics/engine.js';
import { chartData } from './chartData.js';
import { createDrawScheduler } from './drawScheduler.js';
import { deltaTone, formatDelta, formatDuration, formatMinor, formatPct, formatSentiment } from './format.js';
import { SeriesRing } from './seriesRing.js';

const bucket = (t: number, viewers: number | null, gmv = 0, comments = 0) => ({ ...emptyBucket(t), viewers, gmv, comments });

describe('SeriesRing', () => {
  it('appends seconds in order and overwrites a second that is still filling', () => {
    const r = new SeriesRing(4);
    r.put(bucket(1000, 10, 100, 1));
    r.put(bucket(2000, null, 0, 2));
    r.put(bucket(2000, 12, 50, 3)); // the same second again, with more in it
    expect(r.length).toBe(2);
    expect(r.viewers[r.index(1)]).toBe(12);
    expect(r.comments[r.index(1)]).toBe(3);
    expect(r.gmvHeld()).toBe(150);
    r.put(bucket(500, 1)); // older than held: ignored
    expect(r.length).toBe(2);
  });
  it('wraps at capacity, keeping the newest', () => {
    const r = new SeriesRing(3);
    for (let s = 1; s <= 5; s++) r.put(bucket(s * 1000, s));
    expect(r.length).toBe(3);
    expect([0, 1, 2].map((i) => r.t[r.index(i)])).toEqual([3000, 4000, 5000]);
    expect(r.lastT()).toBe(5000);
    expect(Number.isNaN(new SeriesRing(2).viewers[0] ?? 0)).toBe(false);
  });
});

describe('chartData', () => {
  it('gives uPlot seconds, viewers with gaps, cumulative GMV from the base and comments, over the window', () => {
    const r = new SeriesRing(10);
    r.put(bucket(1_000, 10, 100, 1));
    r.put(bucket(2_000, null, 50, 2));
    r.put(bucket(5_000, 12, 0, 0));
    r.put(bucket(6_000, 11, 25, 4));
    // Window 4 s back from the newest second (6 s): seconds 2 s…6 s; GMV keeps counting from before the window.
    expect(chartData(r, 4_000, 1_000)).toEqual([
      [2, 5, 6],
      [null, 12, 11],
      [1_150, 1_150, 1_175],
      [2, 0, 4],
    ]);
    expect(chartData(new SeriesRing(2), 4_000, 0)).toEqual([[], [], [], []]);
  });
});

describe('draw scheduler', () => {
  it('draws at most once per frame however often it is invalidated', () => {
    const queued: (() => void)[] = [];
    let draws = 0;
    const s = createDrawScheduler(() => draws++, { request: (cb) => queued.push(cb), cancel: () => undefined });
    for (let i = 0; i < 1000; i++) s.invalidate();
    expect(queued).toHaveLength(1);
    queued.shift()?.();
    expect(draws).toBe(1);
    s.invalidate();
    s.invalidate();
    expect(queued).toHaveLength(1);
  });
});

describe('dashboard formatting', () => {
  it('formats the headline numbers', () => {
    expect(formatPct(0.0123)).toBe('1.2%');
    expect(formatPct(null)).toBe('–');
    expect(formatSentiment(0.25)).toBe('+0.25');
    expect(formatSentiment(-0.5)).toBe('-0.50');
    expect(formatMinor(12900, 'CNY')).toBe('¥129.00');
    expect(formatMinor(-99, 'CNY')).toBe('-¥0.99');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });
  it('formats deltas with their sign and tone', () => {
    expect(formatDelta(12, 'count')).toBe('+12');
    expect(formatDelta(-0.015, 'pct')).toBe('-1.5 pt');
    expect(formatDelta(9900, 'money')).toBe('+¥99.00');
    expect(formatDelta(0, 'index')).toBe('±0.00');
    expect(formatDelta(null, 'count')).toBe('');
    expect(deltaTone(-1)).toBe('down');
    expect(deltaTone(null)).toBe('none');
  });
});
