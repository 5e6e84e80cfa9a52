import type { CueVia } from '../../contract/cues.js';
import { assertNever } from '../../errors.js';

/**
 * Live execution as pure reducers: where the show is, and where Next / Previous / Go to take it. The current
 * segment is held by id, not index, so the producer may reorder or add segments while live and Next still
 * means "the one after this".
 */

export type CueStatus = 'idle' | 'live' | 'ended';

export interface CueState {
  readonly status: CueStatus;
  /** Segment ids in show order (as now). */
  readonly segmentIds: readonly string[];
  readonly currentId: string | null;
  readonly segmentStartedAt: number | null;
  readonly showStartedAt: number | null;
}

export type CueAction =
  | { readonly type: 'start'; readonly at: number; readonly segmentId?: string }
  | { readonly type: 'next'; readonly at: number; readonly from?: string }
  | { readonly type: 'previous'; readonly at: number; readonly from?: string }
  | { readonly type: 'goto'; readonly at: number; readonly segmentId: string }
  | { readonly type: 'end'; readonly at: number };

export type CueRefusal = 'NOT_LIVE' | 'ALREADY_LIVE' | 'ENDED' | 'EMPTY' | 'AT_END' | 'AT_START' | 'UNKNOWN_SEGMENT' | 'MOVED_ON';

export type CueOutcome =
  | { readonly ok: true; readonly state: CueState; readonly via: CueVia; readonly previousId: string | null }
  | { readonly ok: false; readonly refusal: CueRefusal; readonly message: string };

export const idleCue = (segmentIds: readonly string[]): CueState => ({
  status: 'idle',
  segmentIds,
  currentId: null,
  segmentStartedAt: null,
  showStartedAt: null,
});

const refuse = (refusal: CueRefusal, message: string): CueOutcome => ({ ok: false, refusal, message });

/** Index of the current segment in show order, or null. */
export function currentIndex(s: CueState): number | null {
  if (s.currentId === null) return null;
  const i = s.segmentIds.indexOf(s.currentId);
  return i < 0 ? null : i;
}

function moveTo(s: CueState, id: string, at: number, via: CueVia): CueOutcome {
  return { ok: true, state: { ...s, currentId: id, segmentStartedAt: at }, via, previousId: s.currentId };
}

function requireLive(s: CueState, from: string | undefined): CueOutcome | null {
  if (s.status === 'ended') return refuse('ENDED', 'the show has ended');
  if (s.status !== 'live') return refuse('NOT_LIVE', 'the show has not started');
  if (from !== undefined && from !== s.currentId) {
    return refuse('MOVED_ON', 'the show has already moved on from that segment');
  }
  return null;
}

export function startShow(s: CueState, at: number, segmentId?: string): CueOutcome {
  if (s.status === 'live') return refuse('ALREADY_LIVE', 'the show is already live');
  if (s.status === 'ended') return refuse('ENDED', 'the show has ended; create a new session');
  const first = segmentId ?? s.segmentIds[0];
  if (first === undefined) return refuse('EMPTY', 'the script has no segments');
  if (!s.segmentIds.includes(first)) return refuse('UNKNOWN_SEGMENT', `segment ${first} is not in this script`);
  return { ok: true, state: { ...s, status: 'live', currentId: first, segmentStartedAt: at, showStartedAt: at }, via: 'start', previousId: null };
}

export function nextCue(s: CueState, at: number, from?: string): CueOutcome {
  const refused = requireLive(s, from);
  if (refused) return refused;
  const i = currentIndex(s);
  // The current segment was removed from the order: go on with the first one (there is nothing better to do).
  const id = s.segmentIds[i === null ? 0 : i + 1];
  if (id === undefined) return refuse('AT_END', 'this is the last segment; end the show to finish');
  return moveTo(s, id, at, 'next');
}

export function previousCue(s: CueState, at: number, from?: string): CueOutcome {
  const refused = requireLive(s, from);
  if (refused) return refused;
  const i = currentIndex(s);
  const id = i === null ? undefined : s.segmentIds[i - 1];
  if (id === undefined) return refuse('AT_START', 'this is the first segment');
  return moveTo(s, id, at, 'previous');
}

export function gotoCue(s: CueState, segmentId: string, at: number): CueOutcome {
  const refused = requireLive(s, undefined);
  if (refused) return refused;
  if (!s.segmentIds.includes(segmentId)) return refuse('UNKNOWN_SEGMENT', `segment ${segmentId} is not in this script`);
  return moveTo(s, segmentId, at, 'goto');
}

export function endShow(s: CueState, at: number): CueOutcome {
  const refused = requireLive(s, undefined);
  if (refused) return refused;
  return { ok: true, state: { ...s, status: 'ended', segmentStartedAt: at }, via: 'end', previousId: s.currentId };
}

export function cueReducer(s: CueState, a: CueAction): CueOutcome {
  switch (a.type) {
    case 'start':
      return startShow(s, a.at, a.segmentId);
    case 'next':
      return nextCue(s, a.at, a.from);
    case 'previous':
      return previousCue(s, a.at, a.from);
    case 'goto':
      return gotoCue(s, a.segmentId, a.at);
    case 'end':
      return endShow(s, a.at);
    default:
      return assertNever(a, 'cue action');
  }
}
