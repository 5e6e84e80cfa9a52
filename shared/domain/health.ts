/**
 * Stream health from raw OBS samples (GetStats, GetStreamStatus, GetRecordStatus taken together once a second).
 * Pure: the sampler does the I/O, these functions do the arithmetic, the same live and in review.
 */

export interface RawStats {
  readonly activeFps: number;
  readonly cpuUsage: number;
  readonly memoryUsage: number;
  readonly averageFrameRenderTime: number;
  readonly renderSkippedFrames: number;
  readonly renderTotalFrames: number;
  readonly outputSkippedFrames: number;
  readonly outputTotalFrames: number;
}

export interface RawStream {
  readonly outputActive: boolean;
  readonly outputReconnecting: boolean;
  readonly outputBytes: number;
  readonly outputSkippedFrames: number;
  readonly outputTotalFrames: number;
  readonly outputCongestion: number;
  readonly outputDuration: number;
}

export interface RawRecord {
  readonly outputActive: boolean;
  readonly outputPaused: boolean;
  readonly outputBytes: number;
  readonly outputDuration: number;
}

/** One raw sample; a part is null when OBS did not answer that request. */
export interface RawHealth {
  readonly at: number;
  readonly stats: RawStats | null;
  readonly stream: RawStream | null;
  readonly record: RawRecord | null;
}

export interface DerivedHealth {
  readonly connection: string;
  readonly at: number;
  readonly activeFps: number | null;
  readonly cpuUsage: number | null;
  readonly memoryMb: number | null;
  readonly averageFrameRenderTimeMs: number | null;
  readonly renderSkippedFrames: number | null;
  readonly renderTotalFrames: number | null;
  readonly outputSkippedFrames: number | null;
  readonly outputTotalFrames: number | null;
  readonly stream: {
    readonly active: boolean;
    readonly reconnecting: boolean;
    readonly bytes: number | null;
    readonly skippedFrames: number | null;
    readonly totalFrames: number | null;
    readonly congestion: number | null;
    readonly durationMs: number | null;
    readonly bitrateKbps: number | null;
    readonly droppedPct10s: number | null;
  };
  readonly record: {
    readonly active: boolean;
    readonly paused: boolean;
    readonly bytes: number | null;
    readonly durationMs: number | null;
    readonly bitrateKbps: number | null;
  };
  readonly renderLagPct: number | null;
  readonly encodeLagPct: number | null;
}

/** The dropped-frame window of the alert rule and of `droppedPct10s`. */
export const DROPPED_WINDOW_MS = 10_000;

const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** kbit/s from a byte counter; null when there is no previous value, time did not advance, or the counter restarted. */
export function bitrateKbps(prevBytes: number | null, prevAt: number, bytes: number | null, at: number): number | null {
  if (prevBytes === null || bytes === null) return null;
  const dt = at - prevAt;
  if (dt <= 0 || bytes < prevBytes) return null;
  return round(((bytes - prevBytes) * 8) / dt, 1); // bits per ms = kbit/s
}

/** skipped/total over a delta of two counters, in percent; null without frames or after a counter reset. */
export function pctOfDelta(skipped0: number, total0: number, skipped1: number, total1: number): number | null {
  const dTotal = total1 - total0;
  const dSkipped = skipped1 - skipped0;
  if (dTotal <= 0 || dSkipped < 0) return null;
  return round((dSkipped / dTotal) * 100, 3);
}

/**
 * Derives a health sample from the current raw sample and the earlier ones (oldest first, any length; only the
 * last ~10 s are used).
 */
export function deriveHealth(connection: string, cur: RawHealth, history: readonly RawHealth[]): DerivedHealth {
  const prev = history.length > 0 ? history[history.length - 1] : undefined;
  const s = cur.stats;
  const st = cur.stream;
  const rec = cur.record;
  const streamActive = st?.outputActive === true;

  // Dropped frames over the window: the oldest sample still inside it with the stream active.
  let droppedPct10s: number | null = null;
  if (streamActive) {
    const base = history.find((h) => cur.at - h.at <= DROPPED_WINDOW_MS && h.stream?.outputActive === true);
    if (base?.stream) {
      droppedPct10s = pctOfDelta(base.stream.outputSkippedFrames, base.stream.outputTotalFrames, st.outputSkippedFrames, st.outputTotalFrames);
    }
  }
  const prevStream = prev?.stream?.outputActive ? prev.stream : null;
  const prevRecord = prev?.record?.outputActive ? prev.record : null;
  const prevStats = prev?.stats ?? null;

  return {
    connection,
    at: cur.at,
    activeFps: s ? round(s.activeFps) : null,
    cpuUsage: s ? round(s.cpuUsage) : null,
    memoryMb: s ? round(s.memoryUsage, 1) : null,
    averageFrameRenderTimeMs: s ? round(s.averageFrameRenderTime, 3) : null,
    renderSkippedFrames: s?.renderSkippedFrames ?? null,
    renderTotalFrames: s?.renderTotalFrames ?? null,
    outputSkippedFrames: s?.outputSkippedFrames ?? null,
    outputTotalFrames: s?.outputTotalFrames ?? null,
    stream: {
      active: streamActive,
      reconnecting: st?.outputReconnecting === true,
      bytes: st ? st.outputBytes : null,
      skippedFrames: st ? st.outputSkippedFrames : null,
      totalFrames: st ? st.outputTotalFrames : null,
      congestion: st ? round(st.outputCongestion, 4) : null,
      durationMs: st ? st.outputDuration : null,
      bitrateKbps: streamActive && prevStream && prev ? bitrateKbps(prevStream.outputBytes, prev.at, st.outputBytes, cur.at) : null,
      droppedPct10s,
    },
    record: {
      active: rec?.outputActive === true,
      paused: rec?.outputPaused === true,
      bytes: rec ? rec.outputBytes : null,
      durationMs: rec ? rec.outputDuration : null,
      bitrateKbps:
        rec?.outputActive && prevRecord && prev ? bitrateKbps(prevRecord.outputBytes, prev.at, rec.outputBytes, cur.at) : null,
    },
    renderLagPct:
      s && prevStats ? pctOfDelta(prevStats.renderSkippedFrames, prevStats.renderTotalFrames, s.renderSkippedFrames, s.renderTotalFrames) : null,
    encodeLagPct:
      s && prevStats ? pctOfDelta(prevStats.outputSkippedFrames, prevStats.outputTotalFrames, s.outputSkippedFrames, s.outputTotalFrames) : null,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface HealthCondition {
  readonly rule: 'stream.droppedFrames' | 'stream.lowBitrate';
  readonly severity: 'warning' | 'critical';
  readonly message: string;
}

export interface HealthThresholds {
  /** Percent of frames dropped over the 10 s window above which the rule fires (default 1). */
  readonly droppedPct: number;
  /** Fraction of the recent median bitrate below which the bitrate counts as low (default 0.5). */
  readonly lowBitrateRatio: number;
  /** How long the bitrate must stay low (default 5 s). */
  readonly lowBitrateForMs: number;
  /** How far back the median looks (default 60 s). */
  readonly medianWindowMs: number;
}

export const DEFAULT_HEALTH_THRESHOLDS: HealthThresholds = {
  droppedPct: 1,
  lowBitrateRatio: 0.5,
  lowBitrateForMs: 5_000,
  medianWindowMs: 60_000,
};

/** The studio's stream-health rule (Settings → Alerts) as thresholds; null when the rule is switched off. */
export function healthThresholdsOf(rule: {
  readonly enabled: boolean;
  readonly droppedPct: number;
  readonly lowBitratePct: number;
  readonly lowBitrateForSec: number;
}): HealthThresholds | null {
  if (!rule.enabled) return null;
  return {
    ...DEFAULT_HEALTH_THRESHOLDS,
    droppedPct: rule.droppedPct,
    lowBitrateRatio: rule.lowBitratePct / 100,
    lowBitrateForMs: rule.lowBitrateForSec * 1_000,
  };
}

/**
 * Which health conditions hold now, given derived samples of one connection (oldest first, newest last).
 * Low bitrate: every sample of the last `lowBitrateForMs` is below ratio × the median of the samples before them
 * in the median window (so a sustained drop does not drag its own baseline down), with at least 5 s of baseline.
 */
export function healthConditions(samples: readonly DerivedHealth[], t: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS): HealthCondition[] {
  const out: HealthCondition[] = [];
  const last = samples[samples.length - 1];
  if (!last?.stream.active) return out;
  const dropped = last.stream.droppedPct10s;
  if (dropped !== null && dropped > t.droppedPct) {
    out.push({
      rule: 'stream.droppedFrames',
      severity: dropped > 5 * t.droppedPct ? 'critical' : 'warning',
      message: `${dropped.toFixed(1)} % of stream frames dropped in the last 10 s`,
    });
  }
  const recent = samples.filter((x) => last.at - x.at < t.lowBitrateForMs && x.stream.active && x.stream.bitrateKbps !== null);
  const base = samples.filter(
    (x) => last.at - x.at >= t.lowBitrateForMs && last.at - x.at <= t.medianWindowMs && x.stream.active && x.stream.bitrateKbps !== null,
  );
  const baseline = base.length >= 5 ? median(base.map((x) => x.stream.bitrateKbps ?? 0)) : null;
  const windowCovered = recent.length > 0 && last.at - (recent[0]?.at ?? last.at) >= t.lowBitrateForMs - 1_500;
  if (baseline !== null && baseline > 0 && windowCovered && recent.every((x) => (x.stream.bitrateKbps ?? 0) < t.lowBitrateRatio * baseline)) {
    out.push({
      rule: 'stream.lowBitrate',
      severity: 'warning',
      message: `stream bitrate ${Math.round(last.stream.bitrateKbps ?? 0)} kbit/s is below half its recent median (${Math.round(baseline)} kbit/s)`,
    });
  }
  return out;
}

// ---------------------------------------------------------------- raw answers, checked

type Obj = Readonly<Record<string, unknown>>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const n = (o: Obj, k: string): number | null => (typeof o[k] === 'number' && Number.isFinite(o[k]) ? o[k] : null);
const b = (o: Obj, k: string): boolean | null => (typeof o[k] === 'boolean' ? o[k] : null);

/** GetStats' answer as RawStats, or null when it is not one (an older or newer OBS may differ: never guess). */
export function parseRawStats(v: unknown): RawStats | null {
  if (!isObj(v)) return null;
  const f = {
    activeFps: n(v, 'activeFps'),
    cpuUsage: n(v, 'cpuUsage'),
    memoryUsage: n(v, 'memoryUsage'),
    averageFrameRenderTime: n(v, 'averageFrameRenderTime'),
    renderSkippedFrames: n(v, 'renderSkippedFrames'),
    renderTotalFrames: n(v, 'renderTotalFrames'),
    outputSkippedFrames: n(v, 'outputSkippedFrames'),
    outputTotalFrames: n(v, 'outputTotalFrames'),
  };
  if (Object.values(f).some((x) => x === null)) return null;
  return f as { [K in keyof typeof f]: number };
}

/** GetStreamStatus' answer as RawStream, or null. */
export function parseRawStream(v: unknown): RawStream | null {
  if (!isObj(v)) return null;
  const active = b(v, 'outputActive');
  const reconnecting = b(v, 'outputReconnecting');
  const bytes = n(v, 'outputBytes');
  const skipped = n(v, 'outputSkippedFrames');
  const total = n(v, 'outputTotalFrames');
  const congestion = n(v, 'outputCongestion');
  const duration = n(v, 'outputDuration');
  if (active === null || bytes === null || skipped === null || total === null) return null;
  return {
    outputActive: active,
    outputReconnecting: reconnecting ?? false,
    outputBytes: bytes,
    outputSkippedFrames: skipped,
    outputTotalFrames: total,
    outputCongestion: congestion ?? 0,
    outputDuration: duration ?? 0,
  };
}

/** GetRecordStatus' answer as RawRecord, or null. */
export function parseRawRecord(v: unknown): RawRecord | null {
  if (!isObj(v)) return null;
  const active = b(v, 'outputActive');
  const bytes = n(v, 'outputBytes');
  if (active === null || bytes === null) return null;
  return { outputActive: active, outputPaused: b(v, 'outputPaused') ?? false, outputBytes: bytes, outputDuration: n(v, 'outputDuration') ?? 0 };
}
