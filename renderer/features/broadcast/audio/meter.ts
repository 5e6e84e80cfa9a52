/**
 * Audio meter math, pure. OBS sends per channel [magnitude, peak, inputPeak] as amplitude multipliers (0…1);
 * the meter draws dBFS on a linear-in-dB scale like OBS's own mixer (−60 dB … 0 dB).
 */

/** The bottom of the meter scale. */
export const METER_FLOOR_DB = -60;
/** Zone boundaries of the meter, as on OBS's mixer: green below −20 dB, yellow to −9 dB, red above. */
export const METER_WARN_DB = -20;
export const METER_HOT_DB = -9;
/** How fast a falling level sinks (dB per second), so 15 Hz data draws smoothly at 60 fps. */
export const METER_FALL_DB_PER_S = 26;
/** How long the peak marker stays at a new high before it starts falling. */
export const PEAK_HOLD_MS = 1_500;
export const PEAK_FALL_DB_PER_S = 20;
/** Levels older than this are treated as silence (OBS stopped sending for the input). */
export const METER_STALE_MS = 600;

/** An amplitude multiplier in dBFS; 0 (or less) is −∞. */
export function mulToDb(mul: number): number {
  return mul > 0 && Number.isFinite(mul) ? 20 * Math.log10(mul) : Number.NEGATIVE_INFINITY;
}

/** Where a dB value sits on the meter, 0 (floor) … 1 (0 dBFS). */
export function dbToFraction(db: number): number {
  if (!(db > METER_FLOOR_DB)) return 0; // also NaN and −∞
  return Math.min(1, (db - METER_FLOOR_DB) / -METER_FLOOR_DB);
}

/** A dB step expressed as a fraction of the meter's length. */
export function dbStepAsFraction(db: number): number {
  return db / -METER_FLOOR_DB;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/** The peak multiplier of one channel (index 1 of OBS's triple), clamped to 0…1. */
export function channelPeak(levels: readonly number[] | undefined): number {
  return clamp01(levels?.[1] ?? 0);
}

/** The loudest channel's peak multiplier (0…1); 0 without channels. */
export function peakOfChannels(channels: readonly (readonly number[])[]): number {
  let max = 0;
  for (const ch of channels) max = Math.max(max, channelPeak(ch));
  return max;
}

/** The displayed level after `dtMs`: rises at once, falls at most `fallPerS` (fraction of the meter per second). */
export function fallTowards(shown: number, target: number, dtMs: number, fallPerS: number): number {
  if (target >= shown) return target;
  return Math.max(target, shown - (fallPerS * Math.max(0, dtMs)) / 1000);
}

export interface PeakHold {
  /** The high being held, fraction of the meter. */
  readonly peak: number;
  /** When that high was reached. */
  readonly at: number;
}

export const NO_PEAK: PeakHold = { peak: 0, at: 0 };

/** Where the peak marker is at `now`: at the held high for `holdMs`, then falling at `fallPerS` (fraction per second). */
export function peakMarker(
  hold: PeakHold,
  now: number,
  holdMs: number = PEAK_HOLD_MS,
  fallPerS: number = dbStepAsFraction(PEAK_FALL_DB_PER_S),
): number {
  const fallingFor = now - hold.at - holdMs;
  return fallingFor <= 0 ? hold.peak : Math.max(0, hold.peak - (fallPerS * fallingFor) / 1000);
}

/** Peak hold: a level at or above the marker becomes the new held high; otherwise the hold is unchanged. */
export function holdPeak(
  hold: PeakHold,
  level: number,
  now: number,
  holdMs: number = PEAK_HOLD_MS,
  fallPerS: number = dbStepAsFraction(PEAK_FALL_DB_PER_S),
): PeakHold {
  return level >= peakMarker(hold, now, holdMs, fallPerS) ? { peak: level, at: now } : hold;
}

/** What one meter channel shows: the bar (fraction of the meter) and the peak-hold marker. */
export interface ChannelDisplay {
  readonly level: number;
  readonly hold: PeakHold;
}

/** One input's meter between frames. `peak` is the last raw peak multiplier (what data-level reports). */
export interface MeterDisplay {
  readonly channels: readonly ChannelDisplay[];
  readonly peak: number;
  readonly at: number;
}

export const SILENT_METER: MeterDisplay = { channels: [], peak: 0, at: 0 };

/**
 * Advances a meter to `now` given the latest levels (per channel triples; [] when silent or stale). Shows
 * `channelCount` bars: a mono input fills every bar from its one channel.
 */
export function stepMeter(prev: MeterDisplay, levels: readonly (readonly number[])[], now: number, channelCount = 2): MeterDisplay {
  const dt = prev.at === 0 ? 0 : now - prev.at;
  const fall = dbStepAsFraction(METER_FALL_DB_PER_S);
  const channels: ChannelDisplay[] = [];
  for (let i = 0; i < channelCount; i++) {
    const source = levels.length === 0 ? undefined : (levels[i] ?? levels[levels.length - 1]);
    const target = dbToFraction(mulToDb(channelPeak(source)));
    const before = prev.channels[i] ?? { level: 0, hold: NO_PEAK };
    const level = fallTowards(before.level, target, dt, fall);
    channels.push({ level, hold: holdPeak(before.hold, level, now) });
  }
  return { channels, peak: peakOfChannels(levels), at: now };
}
