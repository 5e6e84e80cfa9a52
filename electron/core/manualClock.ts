import type { Clock } from './clock.js';

/** A clock that moves only when told: unit tests of timed logic run without sleeping (STYLE.md §3). */
export interface ManualClock extends Clock {
  /** Moves time forward, firing due timers in order (a timer set by a timer fires too if it falls due). */
  advance(ms: number): void;
  /** Timers still pending. */
  pending(): number;
}

export function createManualClock(start = 1_000_000): ManualClock {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const nextDue = (until: number): [number, { at: number; fn: () => void }] | undefined => {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const e of timers) if (e[1].at <= until && (!best || e[1].at < best[1].at || (e[1].at === best[1].at && e[0] < best[0]))) best = e;
    return best;
  };
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(h) {
      if (typeof h === 'number') timers.delete(h);
    },
    advance(ms) {
      const until = now + ms;
      for (let due = nextDue(until); due; due = nextDue(until)) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
      }
      now = until;
    },
    pending: () => timers.size,
  };
}
