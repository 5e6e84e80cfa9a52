/**
 * Segment durations as people write them in a run-of-show: "5m", "90s", "1h30m", "2m30s", "5:00", "1:05:00",
 * "5 min", "5分钟", "30秒", "1小时". A bare number is refused (minutes or seconds? — ask, do not guess).
 */

const UNITS = /^(?:(\d+)\s*(?:h|hr|hrs|hours?|小时))?\s*(?:(\d+)\s*(?:m|min|mins|minutes?|分钟|分))?\s*(?:(\d+)\s*(?:s|sec|secs|seconds?|秒))?$/i;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/;

export type DurationParse = { ok: true; seconds: number } | { ok: false; reason: string };

export const MAX_DURATION_SEC = 24 * 3600;

export function parseDuration(text: string): DurationParse {
  const t = text.trim();
  const bad: DurationParse = { ok: false, reason: `"${t}" is not a duration (write e.g. 5m, 90s, 1h30m or 5:00)` };
  if (t === '') return { ok: false, reason: 'the duration is empty (write e.g. 5m)' };
  if (/^\d+(\.\d+)?$/.test(t)) return { ok: false, reason: `"${t}" has no unit (write ${t}m or ${t}s)` };
  let seconds: number;
  const clock = CLOCK.exec(t);
  if (clock) {
    const [h, m, s] = [Number(clock[1] ?? 0), Number(clock[2]), Number(clock[3])];
    if (s >= 60 || (clock[1] !== undefined && m >= 60)) return bad;
    seconds = h * 3600 + m * 60 + s;
  } else {
    const u = UNITS.exec(t);
    if (!u || (u[1] === undefined && u[2] === undefined && u[3] === undefined)) return bad;
    seconds = Number(u[1] ?? 0) * 3600 + Number(u[2] ?? 0) * 60 + Number(u[3] ?? 0);
  }
  if (seconds > MAX_DURATION_SEC) return { ok: false, reason: `"${t}" is longer than 24 hours` };
  return { ok: true, seconds };
}

/** The shortest unit form: 300 → "5m", 5400 → "1h30m", 90 → "1m30s", 0 → "0s". */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const out = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return out || '0s';
}
