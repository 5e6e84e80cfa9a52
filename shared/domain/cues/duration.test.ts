import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('durations', () => {
  it.each([
    ['5m', 300],
    ['90s', 90],
    ['1h30m', 5400],
    ['2m 30s', 150],
    ['5 min', 300],
    ['5:00', 300],
    ['1:05:00', 3900],
    ['5分钟', 300],
    ['30秒', 30],
    ['1小时', 3600],
    ['0s', 0],
  ])('parses %s', (text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each(['5', '', 'five minutes', '5x', '1:75', '25h'])('refuses %j with a reason', (text) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });

  it('formats in the shortest unit form and round-trips', () => {
    expect([0, 30, 90, 300, 3600, 5400, 3661].map(formatDuration)).toEqual(['0s', '30s', '1m30s', '5m', '1h', '1h30m', '1h1m1s']);
    for (let s = 0; s < 90_000; s += 37) {
      const back = parseDuration(formatDuration(s));
      if (s <= 86_400) expect(back).toEqual({ ok: true, seconds: s });
    }
  });
});
