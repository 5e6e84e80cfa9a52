/** Thumbnail width asked of OBS: sharp on a 2× screen for tiles about 200 px wide, small as a JPEG. */
export const THUMB_WIDTH = 320;

/** Program and preview refresh at the contract's limit (2 per second); the other scenes more slowly. */
export const THUMB_LIVE_INTERVAL_MS = 500;
export const THUMB_IDLE_INTERVAL_MS = 2_000;
/** After a failed screenshot, wait at least this long before asking again. */
export const THUMB_RETRY_MS = 3_000;

export function thumbInterval(onAir: boolean): number {
  return onAir ? THUMB_LIVE_INTERVAL_MS : THUMB_IDLE_INTERVAL_MS;
}

/**
 * How long to wait before the next screenshot of a tile, given when the last request started and finished:
 * requests never overlap and start at most once per `intervalMs`; a failure waits at least `THUMB_RETRY_MS`.
 */
export function nextThumbDelay(startedAt: number, finishedAt: number, intervalMs: number, failed: boolean): number {
  const wait = Math.max(0, intervalMs - Math.max(0, finishedAt - startedAt));
  return failed ? Math.max(wait, THUMB_RETRY_MS) : wait;
}
