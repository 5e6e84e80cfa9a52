export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 15_000 };

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half is random, so retries from many
 * clients spread out but never collapse to zero delay. `attempt` counts from 1; `random01` is in [0, 1).
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random01: number): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + (step / 2) * random01);
}
