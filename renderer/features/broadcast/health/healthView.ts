import type { HealthSample } from '../../../../shared/contract/obs.js';
import { median } from '../../../../shared/domain/health.js';

/** How many samples the strip keeps (one a second: the last minute), also the sparkline's length. */
export const HEALTH_HISTORY = 60;

/** The colour of a figure: the text says the value, the colour only repeats how good it is. */
export type HealthTone = 'ok' | 'warn' | 'bad' | 'idle';

/**
 * Adds a sample to a connection's history (oldest first), keeping the last `max`. A sample not newer than the
 * last one (a replay, or the obs.health answer racing the events) is dropped; the same array comes back then.
 */
export function appendSample(history: readonly HealthSample[], sample: HealthSample, max: number = HEALTH_HISTORY): readonly HealthSample[] {
  const last = history[history.length - 1];
  if (last && sample.at <= last.at) return history;
  const next = [...history, sample];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** Merges a fetched history with samples that arrived as events meanwhile, ordered by time, without duplicates. */
export function mergeSamples(a: readonly HealthSample[], b: readonly HealthSample[], max: number = HEALTH_HISTORY): readonly HealthSample[] {
  const byAt = new Map<number, HealthSample>();
  for (const s of [...a, ...b]) byAt.set(s.at, s);
  const all = [...byAt.values()].sort((x, y) => x.at - y.at);
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Stream bitrate per sample (null where the stream was not running or had no previous sample). */
export function bitrateSeries(history: readonly HealthSample[]): (number | null)[] {
  return history.map((s) => (s.stream.active ? s.stream.bitrateKbps : null));
}

/**
 * An SVG path for a sparkline of `values` in a `width`×`height` box: `slots` points evenly spaced with the newest
 * at the right edge, scaled to the largest value; null breaks the line. Empty when there is nothing to draw.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, slots: number = HEALTH_HISTORY): string {
  const shown = values.slice(-slots);
  const max = Math.max(0, ...shown.map((v) => v ?? 0));
  const scale = max > 0 ? max : 1;
  const step = slots > 1 ? width / (slots - 1) : 0;
  const offset = slots - shown.length;
  const parts: string[] = [];
  let pen = false;
  shown.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    const x = (offset + i) * step;
    // One pixel of margin so a flat line at the maximum or at zero stays visible.
    const y = 1 + (height - 2) * (1 - Math.max(0, v) / scale);
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`);
    pen = true;
  });
  return parts.join(' ');
}

const higherIsWorse = (value: number | null, warn: number, bad: number): HealthTone => {
  if (value === null) return 'idle';
  if (value >= bad) return 'bad';
  return value >= warn ? 'warn' : 'ok';
};

/**
 * Bitrate: idle while not streaming; bad when OBS is reconnecting or nothing goes out; warn below half the median
 * of the history (the alert rule's ratio).
 */
export function bitrateTone(sample: HealthSample | null, history: readonly HealthSample[]): HealthTone {
  if (!sample?.stream.active) return 'idle';
  if (sample.stream.reconnecting) return 'bad';
  const kbps = sample.stream.bitrateKbps;
  if (kbps === null) return 'idle';
  if (kbps <= 0) return 'bad';
  const base = median(bitrateSeries(history).filter((v): v is number => v !== null && v > 0));
  return base !== null && kbps < base * 0.5 ? 'warn' : 'ok';
}

/** Dropped frames over 10 s: the alert fires above 1 %, critical above 5 %. */
export function droppedTone(sample: HealthSample | null): HealthTone {
  if (!sample?.stream.active) return 'idle';
  const pct = sample.stream.droppedPct10s;
  if (pct === null) return 'idle';
  if (pct > 5) return 'bad';
  return pct > 1 ? 'warn' : 'ok';
}

/** Frame rate against the usual rate of the last minute: below 90 % warns, below 75 % is bad. */
export function fpsTone(sample: HealthSample | null, history: readonly HealthSample[]): HealthTone {
  const fps = sample?.activeFps ?? null;
  if (fps === null) return 'idle';
  const usual = median(history.map((s) => s.activeFps).filter((v): v is number => v !== null));
  if (usual === null || usual <= 0) return 'ok';
  if (fps < usual * 0.75) return 'bad';
  return fps < usual * 0.9 ? 'warn' : 'ok';
}

export const cpuTone = (cpu: number | null): HealthTone => higherIsWorse(cpu, 60, 85);
/** Render or encode lag, percent of frames skipped since the previous sample. */
export const lagTone = (pct: number | null): HealthTone => higherIsWorse(pct, 0.5, 2);
/** OBS's congestion figure (0…1). */
export const congestionTone = (c: number | null): HealthTone => higherIsWorse(c, 0.1, 0.5);
