import { describe, expect, it } from 'vitest';
import type { HealthSample } from '../../../../shared/contract/obs.js';
import {
  appendSample,
  bitrateSeries,
  bitrateTone,
  congestionTone,
  cpuTone,
  droppedTone,
  fpsTone,
  lagTone,
  mergeSamples,
  sparklinePath,
} from './healthView.js';

const sample = (at: number, kbps: number | null, over: Partial<HealthSample['stream']> = {}, fps: number | null = 30): HealthSample => ({
  connection: 'main',
  at,
  activeFps: fps,
  cpuUsage: 12,
  memoryMb: 300,
  averageFrameRenderTimeMs: 2,
  renderSkippedFrames: 0,
  renderTotalFrames: 100,
  outputSkippedFrames: 0,
  outputTotalFrames: 100,
  stream: {
    active: true,
    reconnecting: false,
    bytes: 1000,
    skippedFrames: 0,
    totalFrames: 100,
    congestion: 0,
    durationMs: 1000,
    bitrateKbps: kbps,
    droppedPct10s: 0,
    ...over,
  },
  record: { active: false, paused: false, bytes: null, durationMs: null, bitrateKbps: null },
  renderLagPct: 0,
  encodeLagPct: 0,
});

describe('appendSample / mergeSamples', () => {
  it('keeps the newest samples in order and ignores replays', () => {
    let h: readonly HealthSample[] = [];
    for (let i = 1; i <= 5; i++) h = appendSample(h, sample(i * 1000, i), 3);
    expect(h.map((s) => s.at)).toEqual([3000, 4000, 5000]);
    expect(appendSample(h, sample(5000, 9), 3)).toBe(h);
    expect(appendSample(h, sample(4500, 9), 3)).toBe(h);
  });

  it('merges a fetched history with events that arrived meanwhile', () => {
    const fetched = [sample(1000, 1), sample(2000, 2)];
    const live = [sample(2000, 2), sample(3000, 3)];
    expect(mergeSamples(fetched, live).map((s) => s.at)).toEqual([1000, 2000, 3000]);
    expect(mergeSamples(fetched, live, 2).map((s) => s.at)).toEqual([2000, 3000]);
  });
});

describe('sparklinePath', () => {
  it('puts the newest value at the right edge and scales to the largest', () => {
    expect(sparklinePath([0, 100], 10, 12, 2)).toBe('M0.0 11.0 L10.0 1.0');
  });

  it('breaks the line at missing values and is empty without values', () => {
    expect(sparklinePath([50, null, 100], 20, 12, 3)).toBe('M0.0 6.0 M20.0 1.0');
    expect(sparklinePath([], 20, 12)).toBe('');
    expect(sparklinePath([null, null], 20, 12)).toBe('');
  });

  it('right-aligns a short history', () => {
    expect(sparklinePath([100], 10, 12, 3)).toBe('M10.0 1.0');
  });

  it('draws a flat zero line when nothing goes out', () => {
    expect(sparklinePath([0, 0], 10, 12, 2)).toBe('M0.0 11.0 L10.0 11.0');
  });
});

describe('tones', () => {
  const steady = [2500, 2500, 2400, 2600, 2500].map((k, i) => sample(i * 1000, k));

  it('colours the bitrate against its recent median', () => {
    expect(bitrateTone(null, [])).toBe('idle');
    expect(bitrateTone(sample(9000, 2400), steady)).toBe('ok');
    expect(bitrateTone(sample(9000, 1000), steady)).toBe('warn');
    expect(bitrateTone(sample(9000, 0), steady)).toBe('bad');
    expect(bitrateTone(sample(9000, 2400, { reconnecting: true }), steady)).toBe('bad');
    expect(bitrateTone(sample(9000, null, { active: false }), steady)).toBe('idle');
    expect(bitrateSeries([sample(1, 5, { active: false })])).toEqual([null]);
  });

  it('colours dropped frames by the alert thresholds', () => {
    expect(droppedTone(sample(1, 1, { droppedPct10s: 0.2 }))).toBe('ok');
    expect(droppedTone(sample(1, 1, { droppedPct10s: 1.5 }))).toBe('warn');
    expect(droppedTone(sample(1, 1, { droppedPct10s: 6 }))).toBe('bad');
    expect(droppedTone(sample(1, 1, { droppedPct10s: null }))).toBe('idle');
  });

  it('colours fps against the usual rate', () => {
    expect(fpsTone(sample(1, 1, {}, 30), steady)).toBe('ok');
    expect(fpsTone(sample(1, 1, {}, 26), steady)).toBe('warn');
    expect(fpsTone(sample(1, 1, {}, 20), steady)).toBe('bad');
    expect(fpsTone(sample(1, 1, {}, null), steady)).toBe('idle');
  });

  it('colours CPU, lag and congestion by fixed thresholds', () => {
    expect(cpuTone(10)).toBe('ok');
    expect(cpuTone(70)).toBe('warn');
    expect(cpuTone(90)).toBe('bad');
    expect(cpuTone(null)).toBe('idle');
    expect(lagTone(0)).toBe('ok');
    expect(lagTone(1)).toBe('warn');
    expect(lagTone(3)).toBe('bad');
    expect(congestionTone(0.05)).toBe('ok');
    expect(congestionTone(0.6)).toBe('bad');
  });
});
