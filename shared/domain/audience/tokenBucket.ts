/**
 * A token bucket: `ratePerSec` tokens flow in continuously up to `burst`. Pure: time is passed in.
 * Used for per-source ingest rate limits and for display sampling of comments.
 */
export interface TokenBucket {
  readonly ratePerSec: number;
  readonly burst: number;
  tokens: number;
  updatedAt: number;
}

export type TakeResult = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

const OK: TakeResult = { ok: true };

/** A full bucket at `now`. */
export function createTokenBucket(ratePerSec: number, burst: number, now: number): TokenBucket {
  if (!(ratePerSec > 0) || !(burst >= 1)) throw new RangeError('a token bucket needs rate > 0 and burst ≥ 1');
  return { ratePerSec, burst, tokens: burst, updatedAt: now };
}

function refill(b: TokenBucket, now: number): void {
  // A clock that steps back never adds tokens (and never removes any).
  if (now > b.updatedAt) {
    b.tokens = Math.min(b.burst, b.tokens + ((now - b.updatedAt) * b.ratePerSec) / 1000);
    b.updatedAt = now;
  }
}

/**
 * Takes `n` tokens, all or none. When refused, `retryAfterMs` is how long until `n` tokens are there (for a
 * request larger than the burst: until the bucket is full, so the caller learns to split it).
 */
export function takeTokens(b: TokenBucket, n: number, now: number): TakeResult {
  refill(b, now);
  if (n <= b.tokens) {
    b.tokens -= n;
    return OK;
  }
  const want = Math.min(n, b.burst);
  return { ok: false, retryAfterMs: Math.max(1, Math.ceil(((want - b.tokens) * 1000) / b.ratePerSec)) };
}

/** Tokens available at `now`. */
export function availableTokens(b: TokenBucket, now: number): number {
  refill(b, now);
  return b.tokens;
}
