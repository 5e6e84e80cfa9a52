import { describe, expect, it } from 'vitest';
import type { CueView, HostMessage } from '../../../shared/contract/cues.js';
import { liveTiming, MESSAGES_KEPT, withMessage } from './cueClock.js';

const base: CueView = {
  status: 'live',
  session: { id: 's1', title: 'Show', plannedStart: null, status: 'live', createdAt: 0, startedAt: 0, endedAt: null },
  segmentIndex: 0,
  segmentCount: 2,
  segment: null,
  nextSegment: null,
  product: null,
  overlayText: null,
  startedAt: 1000,
  elapsedMs: 10_000,
  plannedMs: 60_000,
  remainingMs: 50_000,
  overrun: false,
  timingLevel: 'ok',
  showStartedAt: 0,
  showElapsedMs: 20_000,
  showPlannedMs: 180_000,
  showProjectedMs: 190_000,
  showOverrunMs: 10_000,
  via: 'start',
  serverTime: 5_000_000,
  messages: [],
  pins: [],
};

describe('liveTiming', () => {
  it('runs the clocks of a live show on from when the view arrived', () => {
    const t = liveTiming({ view: base, receivedAt: 1_000 }, 6_000);
    expect(t.elapsedMs).toBe(15_000);
    expect(t.remainingMs).toBe(45_000);
    expect(t.showElapsedMs).toBe(25_000);
    // 120 s were planned after this segment: 25 + 45 + 120.
    expect(t.showProjectedMs).toBe(190_000);
    expect(t.progress).toBeCloseTo(0.25);
    expect(t.level).toBe('ok');
  });

  it('warns near the end and reports the overrun', () => {
    expect(liveTiming({ view: base, receivedAt: 0 }, 40_000).level).toBe('warning');
    const over = liveTiming({ view: base, receivedAt: 0 }, 60_000);
    expect(over.level).toBe('overrun');
    expect(over.remainingMs).toBe(-10_000);
    expect(over.showProjectedMs).toBe(80_000 + 120_000);
    expect(over.showOverrunMs).toBe(20_000);
  });

  it('stands still when the show is not live, and has no remaining time for untimed segments', () => {
    const ended = liveTiming({ view: { ...base, status: 'ended' }, receivedAt: 0 }, 100_000);
    expect(ended.elapsedMs).toBe(10_000);
    const untimed = liveTiming({ view: { ...base, plannedMs: 0, remainingMs: null }, receivedAt: 0 }, 1000);
    expect(untimed.remainingMs).toBeNull();
    expect(untimed.progress).toBeNull();
    expect(untimed.level).toBe('ok');
  });
});

describe('withMessage', () => {
  const msg = (id: string, sessionId: string | null): HostMessage => ({ id, sessionId, text: id, from: null, postedAt: 0 });

  it('adds messages of the show on view once, keeping the last ones', () => {
    let v = withMessage(base, msg('a', 's1'));
    v = withMessage(v, msg('a', 's1'));
    expect(v.messages.map((m) => m.id)).toEqual(['a']);
    for (let i = 0; i < MESSAGES_KEPT + 5; i++) v = withMessage(v, msg(`m${i}`, 's1'));
    expect(v.messages).toHaveLength(MESSAGES_KEPT);
    expect(v.messages.at(-1)?.id).toBe(`m${MESSAGES_KEPT + 4}`);
  });

  it('ignores messages of another show', () => {
    expect(withMessage(base, msg('x', 'other'))).toBe(base);
    expect(withMessage({ ...base, session: null, status: 'idle' }, msg('y', null)).messages).toHaveLength(1);
  });
});
