import type { ObsOutputState } from '../../../../shared/contract/obs.js';

/** What the stream button shows. */
export type StreamState = 'idle' | 'starting' | 'live' | 'reconnecting' | 'stopping';
/** What the record button shows. */
export type RecordState = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping';

/**
 * What the producer asked for and when. OBS reports the output's real state later (obs.stateChanged); until it
 * does, the button says "starting…" or "stopping…". An intent that OBS never fulfils expires (OBS may accept
 * StartStream and stop again when the ingest is unreachable).
 */
export type OutputIntent = { readonly kind: 'start' | 'stop'; readonly at: number } | null;

export const INTENT_TIMEOUT_MS = 12_000;

/** True while the intent is still waiting for OBS: not yet fulfilled and not expired. */
export function intentPending(output: ObsOutputState, intent: OutputIntent, now: number): boolean {
  if (intent === null || now - intent.at >= INTENT_TIMEOUT_MS) return false;
  return intent.kind === 'start' ? !output.active : output.active;
}

export function streamState(output: ObsOutputState, intent: OutputIntent, now: number): StreamState {
  if (intentPending(output, intent, now)) return intent?.kind === 'start' ? 'starting' : 'stopping';
  if (!output.active) return 'idle';
  return output.reconnecting ? 'reconnecting' : 'live';
}

export function recordState(output: ObsOutputState, intent: OutputIntent, now: number): RecordState {
  if (intentPending(output, intent, now)) return intent?.kind === 'start' ? 'starting' : 'stopping';
  if (!output.active) return 'idle';
  return output.paused ? 'paused' : 'recording';
}
