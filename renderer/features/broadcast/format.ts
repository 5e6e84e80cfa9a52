/** Display formatting for broadcast figures. Pure; the units come from the translations. */

/** Elapsed time as "HH:MM:SS" (hours keep growing past 99); negative or non-finite counts as zero. */
export function formatDuration(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}`;
}

/** Milliseconds an output has been running at `now`, or null when it has no start time. */
export function elapsedSince(since: number | null, now: number): number | null {
  return since === null ? null : Math.max(0, now - since);
}

/** A number with a fixed count of decimals, or the "no value" dash. */
export function formatFixed(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** A volume in dB for a fader label: one decimal, a real minus sign, "-∞" at or below OBS's silence (−100 dB). */
export function formatDb(db: number | null): string {
  if (db === null || !Number.isFinite(db) || db <= -100) return '−∞';
  const text = Math.abs(db) < 0.05 ? '0.0' : db.toFixed(1);
  return text.replace('-', '−');
}

/** A value for a data-* attribute: rounded to `digits` decimals, empty when there is none. */
export function dataValue(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return '';
  const f = 10 ** digits;
  return String(Math.round(value * f) / f);
}
