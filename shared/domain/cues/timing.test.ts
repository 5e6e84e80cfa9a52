import { describe, expect, it } from 'vitest';
import { cueTiming, timingLevel } from './timing.js';

const T = 1_700_000_000_000;

describe('cue timing', () => {
  it('counts elapsed against planned for the segment and the show', () => {
    const t = cueTiming({ now: T + 400_000, plannedSec: [180, 300, 120], currentIndex: 1, segmentStartedAt: T + 200_000, showStartedAt: T });
    expect(t).toEqual({
      elapsedMs: 200_000,
      plannedMs: 300_000,
      remainingMs: 100_000,
      overrun: false,
      level: 'ok',
      showElapsedMs: 400_000,
      showPlannedMs: 600_000,
      showProjectedMs: 400_000 + 100_000 + 120_000,
      showOverrunMs: 20_000,
    });
  });

  it('warns near the end and flags the overrun', () => {
    expect(timingLevel(269_000, 300_000)).toBe('ok');
    expect(timingLevel(270_000, 300_000)).toBe('warning');
    expect(timingLevel(300_000, 300_000)).toBe('warning');
    expect(timingLevel(300_001, 300_000)).toBe('overrun');
    // A one-minute segment warns in its last quarter (15 s), not its last 30 s.
    expect(timingLevel(44_000, 60_000)).toBe('ok');
    expect(timingLevel(45_000, 60_000)).toBe('warning');
    expect(timingLevel(45_000, 60_000, { warnBeforeMs: 5_000, warnFraction: 1 })).toBe('ok');
    const over = cueTiming({ now: T + 70_000, plannedSec: [60], currentIndex: 0, segmentStartedAt: T, showStartedAt: T });
    expect(over).toMatchObject({ overrun: true, level: 'overrun', remainingMs: -10_000, showProjectedMs: 70_000, showOverrunMs: 10_000 });
  });

  it('never warns for an untimed segment and is zero before the show', () => {
    const t = cueTiming({ now: T + 9_999_999, plannedSec: [0, 60], currentIndex: 0, segmentStartedAt: T, showStartedAt: T });
    expect(t).toMatchObject({ remainingMs: null, overrun: false, level: 'ok', plannedMs: 0 });
    const idle = cueTiming({ now: T, plannedSec: [60, 120], currentIndex: null, segmentStartedAt: null, showStartedAt: null });
    expect(idle).toMatchObject({ elapsedMs: 0, showElapsedMs: 0, showPlannedMs: 180_000, showProjectedMs: 180_000, showOverrunMs: 0 });
  });

  it('does not count a clock that stepped back as negative time', () => {
    const t = cueTiming({ now: T - 5_000, plannedSec: [60], currentIndex: 0, segmentStartedAt: T, showStartedAt: T });
    expect(t.elapsedMs).toBe(0);
    expect(t.showElapsedMs).toBe(0);
  });
});
