/** Clock formatting for the cue panel and the host view. Pure. */

const two = (n: number): string => String(n).padStart(2, '0');

/** Whole seconds as "m:ss" or "h:mm:ss" (no sign). */
function clock(totalSec: number): string {
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** An elapsed or planned time: "4:05", "1:02:03"; negative or non-finite counts as zero. Rounds down. */
export function formatElapsed(ms: number): string {
  return clock(Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0);
}

/**
 * Time left in a segment: counts down rounding up ("0:01" until the last millisecond), then, once overrun, counts
 * up with a plus sign ("+0:12"). `over` tells which.
 */
export function formatRemaining(ms: number): { text: string; over: boolean } {
  if (!Number.isFinite(ms)) return { text: clock(0), over: false };
  if (ms >= 0) return { text: clock(Math.ceil(ms / 1000)), over: false };
  return { text: `+${clock(Math.floor(-ms / 1000))}`, over: true };
}

/** A wall-clock time of day for message and edit stamps ("14:03:05"), in the viewer's time zone. */
export function formatTimeOfDay(at: number): string {
  const d = new Date(at);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
