import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contract/alerts.js';
import { DEFAULT_ALERT_RULES, isHostAlert, METRIC_ALERT_RULES, type MetricsSnapshot } from '../../../shared/contract/metrics.js';
import { computeMetrics } from '../../../shared/domain/metrics/engine.js';
import { metricEventsOf } from '../../../shared/domain/metrics/fromLog.js';
import { createAlertService, type AlertService } from '../alerts/alertService.js';
import { createLogger, memorySink } from '../logger.js';
import { createManualClock, type ManualClock } from '../manualClock.js';
import { loadMigrations, openDatabase, type Db } from '../store/db.js';
import { createEventLog, type EventLog, type NewEvent } from '../store/eventLog.js';
import { createMetricAlerts } from './alertRules.js';
import { createMetricsService, type MetricsService } from './metricsService.js';

const MIGRATIONS = join(import.meta.dirname, '../store/migrations');
const cny = (amount: number) => ({ amount, currency: 'CNY' });
const U = (n: number) => n.toString(16).padStart(32, '0');

describe('metrics service', () => {
  let dir: string;
  let db: Db;
  let clock: ManualClock;
  let events: EventLog;
  let alerts: AlertService;
  let changed: Alert[];
  let pushed: MetricsSnapshot[];
  let metrics: MetricsService;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-metrics-'));
    db = openDatabase({ file: join(dir, 'm.db'), migrations: loadMigrations(MIGRATIONS) });
    clock = createManualClock(1_700_000_000_000);
    const log = createLogger('t', memorySink());
    events = createEventLog({ db, clock, random: (k) => new Uint8Array(randomBytes(k)), nodeId: 'n1', log });
    let n = 0;
    changed = [];
    alerts = createAlertService({ db, events, clock, newId: () => `a-${++n}`, onChanged: (a) => changed.push(a) });
    pushed = [];
    const rules = createMetricAlerts(alerts);
    metrics = createMetricsService({ db, events, clock, log, emit: (s) => pushed.push(s), onSecond: (v) => rules.evaluate(v) });
  });
  afterEach(() => {
    metrics.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const put = (...es: NewEvent[]): void => {
    events.appendNow(es);
  };
  const show = (sid: string): NewEvent => ({ type: 'ShowStarted', sessionId: sid, payload: { sessionId: sid } });
  const ended = (sid: string): NewEvent => ({ type: 'ShowEnded', sessionId: sid, payload: { sessionId: sid } });
  const present = (productId: string, sku: string, stock: number): NewEvent[] => [
    { type: 'SegmentStarted', payload: { productId } },
    { type: 'ProductPresented', payload: { productId, sku, stock } },
  ];
  const viewers = (v: number): NewEvent => ({ type: 'ViewerCountReported', payload: { kind: 'viewer_count', userId: null, viewers: v } });
  const enter = (u: number): NewEvent => ({ type: 'ViewerEntered', payload: { kind: 'enter', userId: U(u) } });
  const comment = (u: number, sentiment: string, intents: string[]): NewEvent => ({
    type: 'CommentReceived',
    payload: { kind: 'comment', userId: U(u), label: { sentiment, intents, confidence: 1 } },
  });
  const orderOf = (id: string, u: number, sku: string, qty: number, price: number): NewEvent => ({
    type: 'OrderPlaced',
    payload: { kind: 'order', platform: 'rehearsal', orderId: id, userId: U(u), productId: null, items: [{ sku, qty, unitPrice: cny(price) }], amount: cny(qty * price) },
  });

  /** A recorded show: a minute and a half of viewers, chat, clicks, orders and a refund around two products. */
  function recordShow(): void {
    put(show('s1'), viewers(100), enter(1), enter(2), enter(3), enter(4));
    put(...present('p-cup', 'CUP-01', 5));
    for (let s = 0; s < 90; s++) {
      clock.advance(1_000);
      const es: NewEvent[] = [viewers(100 + s), comment(1 + (s % 4), s % 3 === 0 ? 'negative' : 'positive', s % 5 === 0 ? ['price_objection'] : [])];
      if (s % 10 === 3) es.push({ type: 'ProductClicked', payload: { kind: 'product_click', userId: U(1 + (s % 4)), productId: null, sku: 'CUP-01' } });
      if (s % 20 === 7) es.push(orderOf(`o${s}`, 1 + (s % 4), 'CUP-01', 1, 9_900));
      if (s === 45) es.push(...present('p-tea', 'TEA-1', 50));
      if (s === 50) es.push({ type: 'OrderRefunded', payload: { platform: 'rehearsal', orderId: 'o7', refundId: 'r1', amount: cny(9_900) } });
      put(...es);
    }
  }

  it('gives the live numbers again when the recorded log is replayed (review path)', () => {
    recordShow();
    clock.advance(500);
    const live = metrics.snapshot();
    const review = metrics.forSession('s1');
    expect(review.headline).toEqual(live.headline);
    expect(review.products).toEqual(live.products);
    expect(review.funnel).toEqual(live.funnel);
    expect(review.current).toEqual(live.current);
    expect(review.delta).toEqual(live.delta);
    expect(live.delta.orders).toBe(3); // o47, o67, o87 in the last 60 s
    // And both equal a from-scratch computeMetrics over the mapped log rows.
    const rows = events.read({ limit: 100_000 }).filter((r) => r.seq >= (events.read({ type: 'ShowStarted' })[0]?.seq ?? 0));
    const m = computeMetrics(metricEventsOf(rows), clock.now());
    expect(live.headline.gmv).toEqual(m.gmv);
    expect(live.headline.sentimentIndex).toBe(m.sentimentIndex);
    expect(live.headline.orders).toBe(5);
    expect(live.headline.refunds).toEqual(cny(9_900));
    expect(live.funnel).toEqual({ views: 4, clicks: 9, orders: 5 });
  });

  it('pushes metrics.updated at least once a second and stores per-second and per-minute buckets', () => {
    recordShow();
    clock.advance(3_000);
    expect(pushed.length).toBeGreaterThanOrEqual(90);
    const last = pushed[pushed.length - 1];
    expect(last?.sessionId).toBe('s1');
    expect(last?.recent.length).toBeGreaterThan(0);
    const rows = db.prepare('SELECT resolution, count(*) AS n FROM metric_buckets GROUP BY resolution ORDER BY resolution').all() as { resolution: number; n: number }[];
    expect(rows[0]).toMatchObject({ resolution: 1000 });
    expect(rows[0]?.n).toBeGreaterThanOrEqual(90);
    expect(rows[1]).toMatchObject({ resolution: 60_000 });
    const minutes = metrics.series(0, 'minute');
    expect(minutes.reduce((n, b) => n + b.orders, 0)).toBe(5);
    expect(metrics.series(0, 'second').reduce((n, b) => n + b.comments, 0)).toBe(90);
  });

  it('has deltas against the numbers 60 s ago', () => {
    recordShow();
    const s = metrics.snapshot();
    // Now 90 s in: viewers 189 (last count) vs 129 reported in second 30; orders 5 vs 2 (o7, o27).
    expect(s.delta.viewers).toBe(60);
    expect(s.delta.orders).toBe(3);
    expect(s.delta.gmv).toBe(3 * 9_900);
  });

  it('starts a new session at ShowStarted; review of an ended show stops at ShowEnded', () => {
    recordShow();
    put(ended('s1'));
    clock.advance(1_000);
    put(show('s2'), viewers(7));
    clock.advance(1_000);
    expect(metrics.snapshot()).toMatchObject({ sessionId: 's2', headline: { viewers: 7, orders: 0 } });
    expect(metrics.forSession('s1').headline.orders).toBe(5);
  });

  it('keeps the numbers of an ended show (those review computes) while the room goes on', () => {
    recordShow();
    put(ended('s1'));
    clock.advance(20_000);
    put(viewers(5), comment(9, 'negative', []), orderOf('late', 9, 'CUP-01', 1, 100));
    clock.advance(1_000);
    const live = metrics.snapshot();
    const review = metrics.forSession('s1');
    expect(live.sessionId).toBe('s1');
    expect(live.headline).toEqual(review.headline);
    expect(live.products).toEqual(review.products);
    expect(live.at).toBe(review.at);
  });

  it('rebuilds from the log when the attribution tail changes', () => {
    recordShow();
    const before = metrics.products().find((p) => p.productId === 'p-cup');
    metrics.setOptions({ attributionTailMs: 0 });
    const after = metrics.products().find((p) => p.productId === 'p-cup');
    expect(before?.orders).toBe(5);
    expect(after?.orders).toBe(2); // o7 and o27 while presented; o47, o67, o87 came after tea replaced it
    expect(metrics.options()).toEqual({ attributionTailMs: 0 });
  });

  it('raises the metric alerts with the studio thresholds, host ones flagged', () => {
    metrics.setRules({ ...DEFAULT_ALERT_RULES, complaintSpike: { enabled: true, sound: false, perMinute: 3 }, stock: { enabled: true, sound: true, lowAt: 2 } });
    put(show('s1'), viewers(1000), ...present('p-cup', 'CUP-01', 3));
    clock.advance(30_000);
    put(viewers(700)); // −30 % within 60 s
    put(comment(1, 'negative', ['complaint']), comment(2, 'negative', ['complaint']), comment(3, 'negative', ['complaint']));
    put(orderOf('o1', 1, 'CUP-01', 2, 9_900)); // 1 left: low
    clock.advance(1_000);
    const active = (): string[] => alerts.active().map((a) => a.rule).sort();
    expect(active()).toEqual([METRIC_ALERT_RULES.complaintSpike, METRIC_ALERT_RULES.stockLow, METRIC_ALERT_RULES.viewersDrop].sort());
    // Sentiment −1 for 30 s.
    clock.advance(30_000);
    expect(active()).toContain(METRIC_ALERT_RULES.sentimentLow);
    put(orderOf('o2', 2, 'CUP-01', 1, 9_900));
    clock.advance(1_000);
    expect(active()).toContain(METRIC_ALERT_RULES.soldOut);
    expect(active()).not.toContain(METRIC_ALERT_RULES.stockLow);
    const soldOut = alerts.active().find((a) => a.rule === METRIC_ALERT_RULES.soldOut);
    expect(soldOut).toMatchObject({ severity: 'critical', subject: 'product:p-cup' });
    expect(isHostAlert(soldOut?.rule ?? '')).toBe(true);
    expect(isHostAlert(METRIC_ALERT_RULES.viewersDrop)).toBe(false);
    // Thresholds are stored.
    expect(metrics.rules().complaintSpike.perMinute).toBe(3);
  });

  it('raises price objections on the current product and clears them when the product changes', () => {
    put(show('s1'), ...present('p-cup', 'CUP-01', 100));
    for (let i = 0; i < 8; i++) put(comment(i, 'negative', ['price_objection']));
    clock.advance(1_000);
    expect(alerts.active().map((a) => [a.rule, a.subject])).toContainEqual([METRIC_ALERT_RULES.priceObjectionSpike, 'product:p-cup']);
    put(...present('p-tea', 'TEA-1', 100));
    clock.advance(1_000);
    expect(alerts.active().map((a) => a.rule)).not.toContain(METRIC_ALERT_RULES.priceObjectionSpike);
    expect(changed.length).toBeGreaterThan(0);
  });
});
