import type { TimingLevel } from '../../contract/cues.js';

/**
 * Cue timing: elapsed vs planned for the current segment and for the show, from timestamps and an injected
 * `now` (nothing here reads a clock).
 *
 * Warning rule: a timed segment turns "warning" when what is left is at most min(warnBeforeMs, warnFraction ×
 * planned) — 30 s before the end of a 5-minute segment, 15 s before the end of a 1-minute one — and "overrun"
 * once elapsed exceeds planned. A segment planned at 0 s is untimed: never warning, never overrun.
 */

export interface TimingThresholds {
  readonly warnBeforeMs: number;
  readonly warnFraction: number;
}

export const DEFAULT_THRESHOLDS: TimingThresholds = { warnBeforeMs: 30_000, warnFraction: 0.25 };

export interface TimingInput {
  readonly now: number;
  /** Planned duration of every segment of the show, in show order, in seconds. */
  readonly plannedSec: readonly number[];
  /** Index of the current segment in plannedSec; null before the show starts. */
  readonly currentIndex: number | null;
  readonly segmentStartedAt: number | null;
  readonly showStartedAt: number | null;
  readonly thresholds?: TimingThresholds;
}

export interface Timing {
  readonly elapsedMs: number;
  readonly plannedMs: number;
  readonly remainingMs: number | null;
  readonly overrun: boolean;
  readonly level: TimingLevel;
  readonly showElapsedMs: number;
  readonly showPlannedMs: number;
  readonly showProjectedMs: number;
  readonly showOverrunMs: number;
}

/** The level of a segment `elapsedMs` into `plannedMs`. */
export function timingLevel(elapsedMs: number, plannedMs: number, t: TimingThresholds = DEFAULT_THRESHOLDS): TimingLevel {
  if (plannedMs <= 0) return 'ok';
  if (elapsedMs > plannedMs) return 'overrun';
  const warnAt = Math.min(t.warnBeforeMs, plannedMs * t.warnFraction);
  return plannedMs - elapsedMs <= warnAt ? 'warning' : 'ok';
}

export function cueTiming(input: TimingInput): Timing {
  const { now, plannedSec, currentIndex } = input;
  const ms = (sec: number | undefined): number => Math.max(0, Math.round((sec ?? 0) * 1000));
  const showPlannedMs = plannedSec.reduce((sum, s) => sum + ms(s), 0);
  const plannedMs = currentIndex === null ? 0 : ms(plannedSec[currentIndex]);
  const elapsedMs = input.segmentStartedAt === null ? 0 : Math.max(0, now - input.segmentStartedAt);
  const showElapsedMs = input.showStartedAt === null ? 0 : Math.max(0, now - input.showStartedAt);
  const timed = plannedMs > 0;
  const remainingMs = timed ? plannedMs - elapsedMs : null;
  const later = currentIndex === null ? plannedSec : plannedSec.slice(currentIndex + 1);
  const laterMs = later.reduce((sum, s) => sum + ms(s), 0);
  const showProjectedMs =
    currentIndex === null ? showPlannedMs : showElapsedMs + Math.max(0, remainingMs ?? 0) + laterMs;
  return {
    elapsedMs,
    plannedMs,
    remainingMs,
    overrun: timed && elapsedMs > plannedMs,
    level: timingLevel(elapsedMs, plannedMs, input.thresholds),
    showElapsedMs,
    showPlannedMs,
    showProjectedMs,
    showOverrunMs: Math.max(0, showProjectedMs - showPlannedMs),
  };
}
