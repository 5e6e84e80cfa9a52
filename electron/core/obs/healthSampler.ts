import {
  deriveHealth,
  DROPPED_WINDOW_MS,
  parseRawRecord,
  parseRawStats,
  parseRawStream,
  type DerivedHealth,
  type RawHealth,
} from '../../../shared/domain/health.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

export interface HealthSamplerOptions {
  readonly connection: string;
  readonly clock: Clock;
  readonly log: Logger;
  /** A request on OBS's command socket (rejects when not connected). */
  readonly call: (requestType: string) => Promise<unknown>;
  /** Each derived sample, with the recent ones (oldest first, this one last). */
  readonly onSample: (sample: DerivedHealth, recent: readonly DerivedHealth[]) => void;
  readonly periodMs?: number;
  /** Derived samples kept in memory (default 3,600: an hour at one per second). */
  readonly keep?: number;
}

/** How many recent derived samples onSample gets: the low-bitrate median looks back 60 s. */
const RECENT = 90;

/**
 * Samples GetStats, GetStreamStatus and GetRecordStatus once a period while started (the connection is
 * identified), derives health and keeps the last hour. A part OBS does not answer is null; a tick where nothing
 * answered (OBS went away) records nothing. The next tick is planned from this tick's start, so a slow OBS does not
 * stretch the period, and ticks never overlap.
 */
export class HealthSampler {
  private readonly opts: HealthSamplerOptions;
  private readonly raw: RawHealth[] = [];
  private readonly derived: DerivedHealth[] = [];
  private timer: unknown = null;
  private generation = 0;
  private running = false;

  constructor(opts: HealthSamplerOptions) {
    this.opts = opts;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    // A new session: byte counters and frame totals of the previous one must not be diffed against the new ones.
    this.raw.length = 0;
    const gen = ++this.generation;
    this.schedule(gen, 0);
  }

  stop(): void {
    this.running = false;
    this.generation++;
    if (this.timer !== null) this.opts.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The last `limit` derived samples, oldest first. */
  samples(limit: number): DerivedHealth[] {
    return this.derived.slice(-limit);
  }

  private schedule(gen: number, delayMs: number): void {
    this.timer = this.opts.clock.setTimeout(() => {
      this.timer = null;
      void this.tick(gen);
    }, delayMs);
  }

  private async tick(gen: number): Promise<void> {
    const { clock, call, connection, log } = this.opts;
    const period = this.opts.periodMs ?? 1000;
    const at = clock.now();
    const [stats, stream, record] = await Promise.allSettled([call('GetStats'), call('GetStreamStatus'), call('GetRecordStatus')]);
    if (gen !== this.generation) return;
    const value = (r: PromiseSettledResult<unknown>): unknown => (r.status === 'fulfilled' ? r.value : null);
    const cur: RawHealth = {
      at,
      stats: parseRawStats(value(stats)),
      stream: parseRawStream(value(stream)),
      record: parseRawRecord(value(record)),
    };
    if (cur.stats || cur.stream || cur.record) {
      const sample = deriveHealth(connection, cur, this.raw);
      this.raw.push(cur);
      // deriveHealth needs the previous sample and the oldest one inside the dropped-frame window.
      while (this.raw.length > 2 && at - (this.raw[1]?.at ?? at) > DROPPED_WINDOW_MS) this.raw.shift();
      this.derived.push(sample);
      const keep = this.opts.keep ?? 3600;
      if (this.derived.length > keep) this.derived.splice(0, this.derived.length - keep);
      try {
        this.opts.onSample(sample, this.derived.slice(-RECENT));
      } catch (e) {
        log.error('health sample handler threw', { connection, error: String(e) });
      }
    }
    this.schedule(gen, Math.max(0, at + period - clock.now()));
  }
}
