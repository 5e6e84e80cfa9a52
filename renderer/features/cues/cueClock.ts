import type { CueView, HostMessage, PinnedQuestion, TimingLevel } from '../../../shared/contract/cues.js';
import { timingLevel } from '../../../shared/domain/cues/timing.js';

/**
 * The cue view as this client holds it: the last pushed CueView and when it arrived (this client's clock), so that
 * the clocks tick on locally without another round trip and without trusting the two machines' clocks to agree.
 */
export interface CueSnapshot {
  readonly view: CueView;
  /** Date.now() on this client when the view arrived. */
  readonly receivedAt: number;
}

/** How many producer messages the host view keeps (the core sends the last 20). */
export const MESSAGES_KEPT = 20;

export interface LiveTiming {
  readonly elapsedMs: number;
  readonly plannedMs: number;
  /** null: the segment has no planned duration. Negative once overrun. */
  readonly remainingMs: number | null;
  readonly level: TimingLevel;
  /** elapsed / planned (may exceed 1); null when untimed. */
  readonly progress: number | null;
  readonly showElapsedMs: number;
  readonly showPlannedMs: number;
  readonly showProjectedMs: number;
  readonly showOverrunMs: number;
}

/** The timing of `s` at `now` (this client's clock): a live show's clocks run on from the view; others stand still. */
export function liveTiming(s: CueSnapshot, now: number): LiveTiming {
  const v = s.view;
  const drift = v.status === 'live' && v.startedAt !== null ? Math.max(0, now - s.receivedAt) : 0;
  const elapsedMs = v.elapsedMs + drift;
  const plannedMs = v.plannedMs;
  const timed = plannedMs > 0;
  const remainingMs = timed ? plannedMs - elapsedMs : null;
  const showElapsedMs = v.showElapsedMs + (v.status === 'live' ? drift : 0);
  // What the core projected beyond this segment stays as it was: only this segment's clock moved.
  const laterMs = Math.max(0, v.showProjectedMs - v.showElapsedMs - Math.max(0, v.remainingMs ?? 0));
  const showProjectedMs = v.status === 'live' ? showElapsedMs + Math.max(0, remainingMs ?? 0) + laterMs : v.showProjectedMs;
  return {
    elapsedMs,
    plannedMs,
    remainingMs,
    level: timingLevel(elapsedMs, plannedMs),
    progress: timed ? elapsedMs / plannedMs : null,
    showElapsedMs,
    showPlannedMs: v.showPlannedMs,
    showProjectedMs,
    showOverrunMs: Math.max(0, showProjectedMs - v.showPlannedMs),
  };
}

/** A message as pushed by host.messagePosted, added to the view when it belongs to the show it shows. */
export function withMessage(view: CueView, m: HostMessage): CueView {
  if (m.sessionId !== (view.session?.id ?? null)) return view;
  if (view.messages.some((x) => x.id === m.id)) return view;
  return { ...view, messages: [...view.messages, m].slice(-MESSAGES_KEPT) };
}

export function withPins(view: CueView, pins: readonly PinnedQuestion[]): CueView {
  return { ...view, pins: [...pins] };
}

/** The newest message first (the host reads the top one). */
export function newestFirst(messages: readonly HostMessage[]): HostMessage[] {
  return [...messages].reverse();
}
