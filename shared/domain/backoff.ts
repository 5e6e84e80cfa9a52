export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/**
 * OBS usually runs on the same machine or the studio LAN: retry fast (a restarted OBS is back on air within a
 * couple of seconds), but never more often than every 125 ms, and every 1–2 s at most once it stays away.
 */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 2_000 };

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half is random, so retries from many
 * clients spread out but never collapse to zero delay. `attempt` counts from 1; `random01` is in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random01: number): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + (step / 2) * random01);
}
