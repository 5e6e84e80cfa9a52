import { describe, expect, it } from 'vitest';
import { nextThumbDelay, THUMB_RETRY_MS, thumbInterval } from './thumbnails.js';

describe('nextThumbDelay', () => {
  it('starts requests at most once per interval, never overlapping', () => {
    expect(nextThumbDelay(1_000, 1_100, 500, false)).toBe(400);
    expect(nextThumbDelay(1_000, 1_700, 500, false)).toBe(0);
    expect(nextThumbDelay(1_000, 900, 500, false)).toBe(500);
  });

  it('backs off after a failure', () => {
    expect(nextThumbDelay(1_000, 1_100, 500, true)).toBe(THUMB_RETRY_MS);
  });

  it('refreshes on-air scenes no faster than twice a second', () => {
    expect(thumbInterval(true)).toBeGreaterThanOrEqual(500);
    expect(thumbInterval(false)).toBeGreaterThan(thumbInterval(true));
  });
});
