import {
  AlertRules as AlertRulesSchema,
  DEFAULT_ALERT_RULES,
  MetricsOptionsView as MetricsOptionsSchema,
  type AlertRules,
  type MetricBucket,
  type MetricsOptionsView,
  type MetricsSnapshot,
  type ProductMetricsView,
} from '../../../shared/contract/metrics.js';
import { MetricsEngine, type Bucket } from '../../../shared/domain/metrics/engine.js';
import { LogMapper, type LogFact } from '../../../shared/domain/metrics/fromLog.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import type { EventLog, StoredEvent } from '../store/eventLog.js';

/** What the dashboard needs to name a product. */
export interface ProductInfo {
  readonly sku: string | null;
  readonly name: string | null;
}

export interface MetricsDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly log: Logger;
  /** Pushes `metrics.updated`. */
  readonly emit: (snapshot: MetricsSnapshot) => void;
  /** Called once a second with the live engine (alert rules). Must not throw. */
  readonly onSecond?: (view: LiveView) => void;
  /** How often the log is read for new facts (default 50 ms). */
  readonly pollMs?: number;
  /** Pushes at most this often while facts arrive (default 100 ms); at least once a second regardless. */
  readonly pushMinMs?: number;
}

/** The live state the alert rules read. */
export interface LiveView {
  readonly now: number;
  readonly engine: MetricsEngine;
  readonly snapshot: MetricsSnapshot;
  readonly rules: AlertRules;
}

/**
 * The metrics projection: follows the event log by seq (cue, audience and order facts alike), feeds the current
 * session's MetricsEngine through the same LogMapper review uses, stores per-second buckets and per-minute rollups
 * in SQLite and pushes `metrics.updated`. A `ShowStarted` fact starts a new session; before any show the room's
 * numbers since start-up are shown (session null).
 */
export interface MetricsService {
  snapshot(): MetricsSnapshot;
  series(from: number, resolution: 'second' | 'minute'): MetricBucket[];
  products(): ProductMetricsView[];
  /** Review: the session recomputed from the stored log with a fresh engine. */
  forSession(sessionId: string): MetricsSnapshot;
  options(): MetricsOptionsView;
  setOptions(o: MetricsOptionsView): MetricsOptionsView;
  rules(): AlertRules;
  setRules(r: AlertRules): AlertRules;
  /** Reads new facts from the log now (also runs on a timer). Returns how many rows were read. */
  poll(): number;
  /** Poll, push and evaluate the alert rules now (tests and the timer). */
  tick(): void;
  close(): void;
}

const SETTING_OPTIONS = 'metrics.options';
const SETTING_RULES = 'alerts.rules';
const READ_LIMIT = 5_000;
const RECENT_MS = 5_000;

/** The dashboard's numbers from an engine: shared by the live push and review. */
export function snapshotOf(
  engine: MetricsEngine,
  ctx: {
    now: number;
    sessionId: string | null;
    seq: number;
    since: number;
    info: (productId: string) => ProductInfo;
  },
): MetricsSnapshot {
  const m = engine.metrics(ctx.now);
  const products: ProductMetricsView[] = m.perProduct.map((p) => ({
    ...p,
    ...ctx.info(p.productId),
    stockLeft: engine.stockLeft(p.productId),
  }));
  const cur = engine.currentPresentation();
  return {
    at: ctx.now,
    sessionId: ctx.sessionId,
    seq: ctx.seq,
    since: ctx.since,
    currency: m.currency,
    headline: {
      viewers: m.concurrentViewers,
      totalViews: m.totalViews,
      gmv: m.gmv,
      refunds: m.refunds,
      orders: m.orders,
      units: m.units,
      buyers: m.buyers,
      conversionRate: m.conversionRate,
      gpm: m.gpm,
      sentimentIndex: m.sentimentIndex,
      purchaseIntentRate: m.purchaseIntentRate,
      commentsPerMinute: m.commentsPerMinute,
      interactionRate: m.interactionRate,
      productClicks: m.productClicks,
      averageWatchMs: m.averageWatchMs,
    },
    // Same definition live and in review (engine.deltas): vs the numbers 60 s before `now`, null before `since` + 60 s.
    delta: engine.deltas(ctx.now, ctx.since, { current: m }),
    funnel: { views: m.totalViews, clicks: m.productClicks, orders: m.orders },
    products,
    current: cur
      ? {
          productId: cur.productId,
          ...ctx.info(cur.productId),
          presentedAt: cur.since,
          clicks: cur.clicks,
          orders: cur.orders,
          units: cur.units,
          gmv: { amount: cur.gmv, currency: m.currency },
          priceObjections: cur.priceObjections,
          stockLeft: engine.stockLeft(cur.productId),
        }
      : null,
    recent: engine.seconds(ctx.now - RECENT_MS).map(bucketView),
  };
}

const bucketView = (b: Bucket): MetricBucket => ({ ...b });

export function createMetricsService(deps: MetricsDeps): MetricsService {
  const { db, events, clock, log, emit } = deps;
  const pollMs = deps.pollMs ?? 50;
  const pushMinMs = deps.pushMinMs ?? 100;

  const getSetting = db.prepare('SELECT value FROM settings WHERE key = ?');
  const putSetting = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const setting = <T>(key: string, parse: (v: unknown) => T, fallback: T): T => {
    const row = getSetting.get(key) as { value: string } | undefined;
    if (!row) return fallback;
    try {
      return parse(JSON.parse(row.value));
    } catch {
      return fallback;
    }
  };
  const currency = (getSetting.get('currency') as { value: string } | undefined)?.value ?? 'CNY';
  let options: MetricsOptionsView = setting(SETTING_OPTIONS, (v) => MetricsOptionsSchema.parse(v), { attributionTailMs: 5 * 60_000 });
  let rules: AlertRules = setting(SETTING_RULES, (v) => AlertRulesSchema.parse(v), DEFAULT_ALERT_RULES);

  const skuStmt = db.prepare('SELECT id FROM products WHERE sku = ? AND deleted_at IS NULL');
  const infoStmt = db.prepare('SELECT sku, name FROM products WHERE id = ?');
  const skuCache = new Map<string, string | null>();
  const productOfSku = (sku: string): string | null => {
    if (skuCache.has(sku)) return skuCache.get(sku) ?? null;
    const id = (skuStmt.get(sku) as { id: string } | undefined)?.id ?? null;
    if (skuCache.size > 10_000) skuCache.clear();
    skuCache.set(sku, id);
    return id;
  };
  const infoCache = new Map<string, ProductInfo>();
  const info = (productId: string): ProductInfo => {
    const hit = infoCache.get(productId);
    if (hit) return hit;
    const r = infoStmt.get(productId) as { sku: string; name: string } | undefined;
    const v: ProductInfo = { sku: r?.sku ?? null, name: r?.name ?? null };
    infoCache.set(productId, v);
    return v;
  };

  const upsertBucket = db.prepare(
    'INSERT INTO metric_buckets (scope, resolution, t, data) VALUES (?, ?, ?, ?) ON CONFLICT (scope, resolution, t) DO UPDATE SET data = excluded.data',
  );
  const writeBuckets = db.transaction((scope: string, seconds: readonly Bucket[], minutes: readonly Bucket[]) => {
    for (const b of seconds) upsertBucket.run(scope, 1000, b.t, JSON.stringify(b));
    for (const b of minutes) upsertBucket.run(scope, 60_000, b.t, JSON.stringify(b));
  });

  const maxSeq = (): number => (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM event_log').get() as { s: number }).s;
  const lastShow = db.prepare(
    "SELECT seq, session_id, recorded_at FROM event_log WHERE type IN ('ShowStarted', 'ShowEnded') ORDER BY seq DESC LIMIT 1",
  );
  const lastStarted = db.prepare("SELECT seq, recorded_at FROM event_log WHERE type = 'ShowStarted' AND session_id = ? ORDER BY seq DESC LIMIT 1");

  const engineOptions = () => ({ currency, attributionTailMs: options.attributionTailMs });

  // The session being followed: from startSeq (exclusive) on.
  let sessionId: string | null = null;
  let scope = '';
  let since = clock.now();
  let startSeq = 0;
  let lastSeq = 0;
  let engine = new MetricsEngine(engineOptions());
  let mapper = new LogMapper(productOfSku);
  /** When the followed show ended: its numbers stay as they were then (what review computes) until the next show. */
  let endedAt: number | null = null;
  const dirty = new Set<number>();

  const reset = (from: number, sid: string | null, at: number): void => {
    sessionId = sid;
    scope = sid ?? `room:${from}`;
    since = at;
    startSeq = from;
    lastSeq = from;
    engine = new MetricsEngine(engineOptions());
    mapper = new LogMapper(productOfSku);
    endedAt = null;
    dirty.clear();
  };

  // Start-up: a show that is live is followed from its ShowStarted; otherwise the room from now on.
  {
    const row = lastShow.get() as { seq: number; session_id: string | null; recorded_at: number } | undefined;
    const live = row && (db.prepare('SELECT type FROM event_log WHERE seq = ?').get(row.seq) as { type: string }).type === 'ShowStarted';
    if (row && live) reset(row.seq - 1, row.session_id, row.recorded_at);
    else reset(maxSeq(), null, clock.now());
  }

  const applyRow = (r: StoredEvent): void => {
    if (r.type === 'ShowStarted') {
      flushBuckets();
      reset(r.seq - 1, r.sessionId, r.recordedAt);
    }
    lastSeq = r.seq;
    if (endedAt !== null) return; // after the show: room activity is not part of it
    if (r.type === 'ShowEnded' && sessionId !== null && r.sessionId === sessionId) endedAt = r.recordedAt;
    for (const e of mapper.map(r)) {
      engine.apply(e);
      dirty.add(Math.floor(e.at / 1000) * 1000);
    }
  };

  const poll = (): number => {
    let n = 0;
    for (;;) {
      const rows = events.read({ afterSeq: lastSeq, limit: READ_LIMIT });
      for (const r of rows) applyRow(r);
      n += rows.length;
      if (rows.length < READ_LIMIT) return n;
    }
  };

  const flushBuckets = (): void => {
    if (dirty.size === 0) return;
    const secs = [...dirty].sort((a, b) => a - b);
    dirty.clear();
    const seconds = secs.map((t) => engine.secondAt(t)).filter((b): b is Bucket => b !== undefined);
    const minuteStarts = new Set(secs.map((t) => Math.floor(t / 60_000) * 60_000));
    const minutes: Bucket[] = [];
    for (const m of minuteStarts) {
      const rolled = engine.minutes(m).find((b) => b.t === m);
      if (rolled) minutes.push(rolled);
    }
    try {
      writeBuckets(scope, seconds, minutes);
    } catch (e) {
      for (const t of secs) dirty.add(t);
      log.warn('metric buckets not stored; retrying', { error: String(e) });
    }
  };

  const current = (at = clock.now()): MetricsSnapshot => {
    const now = endedAt ?? at;
    return snapshotOf(engine, { now, sessionId, seq: lastSeq, since, info });
  };

  let lastPush = 0;
  let lastSecond = 0;
  const tick = (): void => {
    const read = poll();
    const now = clock.now();
    const due = now - lastPush >= 1000 || (read > 0 && now - lastPush >= pushMinMs);
    if (!due) return;
    const snap = current(now);
    lastPush = now;
    emit(snap);
    if (now - lastSecond >= 1000) {
      lastSecond = now;
      flushBuckets();
      try {
        deps.onSecond?.({ now, engine, snapshot: snap, rules });
      } catch (e) {
        log.error('metrics alert rules failed', { error: String(e) });
      }
    }
  };

  let closed = false;
  let timer: unknown = null;
  const loop = (): void => {
    timer = null;
    if (closed) return;
    try {
      tick();
    } catch (e) {
      log.error('metrics tick failed', { error: String(e) });
    }
    timer = clock.setTimeout(loop, pollMs);
  };
  timer = clock.setTimeout(loop, pollMs);

  const readRange = (afterSeq: number, untilSeq: number, each: (r: StoredEvent) => void): void => {
    let after = afterSeq;
    for (;;) {
      const rows = events.read({ afterSeq: after, limit: READ_LIMIT });
      for (const r of rows) {
        if (r.seq > untilSeq) return;
        each(r);
        after = r.seq;
      }
      if (rows.length < READ_LIMIT) return;
    }
  };

  return {
    snapshot: () => {
      poll();
      return current();
    },
    series(from, resolution) {
      poll();
      return (resolution === 'minute' ? engine.minutes(from) : engine.seconds(from)).map(bucketView);
    },
    products() {
      poll();
      return current().products;
    },
    forSession(sid) {
      const start = lastStarted.get(sid) as { seq: number; recorded_at: number } | undefined;
      if (!start) throw new AppError('NOT_FOUND', `session ${sid} has no ShowStarted in the log`);
      const end = db
        .prepare("SELECT seq, recorded_at FROM event_log WHERE type = 'ShowEnded' AND session_id = ? AND seq > ? ORDER BY seq LIMIT 1")
        .get(sid, start.seq) as { seq: number; recorded_at: number } | undefined;
      const next = db.prepare("SELECT seq FROM event_log WHERE type = 'ShowStarted' AND seq > ? ORDER BY seq LIMIT 1").get(start.seq) as
        | { seq: number }
        | undefined;
      const until = end?.seq ?? (next ? next.seq - 1 : Number.MAX_SAFE_INTEGER);
      const e = new MetricsEngine(engineOptions());
      const facts: LogFact[] = [];
      let seq = start.seq;
      readRange(start.seq - 1, until, (r) => {
        facts.push(r);
        seq = r.seq;
      });
      const m = new LogMapper(productOfSku);
      for (const f of facts) for (const me of m.map(f)) e.apply(me);
      const now = end ? end.recorded_at : clock.now();
      return snapshotOf(e, { now, sessionId: sid, seq, since: start.recorded_at, info });
    },
    options: () => options,
    setOptions(o) {
      options = MetricsOptionsSchema.parse(o);
      putSetting.run(SETTING_OPTIONS, JSON.stringify(options), clock.now());
      // Attribution changes the past: rebuild the session from the log with the new tail.
      const keep = { sessionId, since, startSeq };
      reset(keep.startSeq, keep.sessionId, keep.since);
      poll();
      return options;
    },
    rules: () => rules,
    setRules(r) {
      rules = AlertRulesSchema.parse(r);
      putSetting.run(SETTING_RULES, JSON.stringify(rules), clock.now());
      return rules;
    },
    poll,
    tick,
    close() {
      if (closed) return;
      closed = true;
      if (timer !== null) clock.clearTimeout(timer);
      try {
        poll();
        flushBuckets();
      } catch (e) {
        log.warn('metrics not flushed on close', { error: String(e) });
      }
    },
  };
}
