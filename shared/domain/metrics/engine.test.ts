import { describe, expect, it } from 'vitest';
import { computeMetrics, MetricsEngine, roundMinor, type MetricEvent } from './engine.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const order = (at: number, orderId: string, buyerId: string, items: { productId: string | null; quantity: number; unitPrice: number }[]): MetricEvent => ({
  kind: 'order',
  at,
  orderId,
  buyerId,
  total: cny(items.reduce((s, i) => s + i.quantity * i.unitPrice, 0)),
  items: items.map((i) => ({ ...i, sku: null })),
});
const comment = (at: number, userId: string, sentiment: 'positive' | 'neutral' | 'negative' | null, intents: ('purchase' | 'price_objection' | 'question' | 'complaint' | 'praise')[] = []): MetricEvent => ({
  kind: 'comment',
  at,
  userId,
  sentiment,
  intents,
});

describe('roundMinor', () => {
  it('rounds half away from zero', () => {
    expect(roundMinor(2.5)).toBe(3);
    expect(roundMinor(2.4999)).toBe(2);
    expect(roundMinor(-2.5)).toBe(-3);
  });
});

describe('audience metrics', () => {
  // 4 viewers enter; 2 comment; viewer counts reported 3 then 5.
  const events: MetricEvent[] = [
    { kind: 'enter', at: 0, userId: 'a' },
    { kind: 'enter', at: 1_000, userId: 'b' },
    { kind: 'viewer_count', at: 1_500, count: 3 },
    { kind: 'enter', at: 2_000, userId: 'c' },
    { kind: 'enter', at: 2_000, userId: 'a' }, // re-enter: still one view
    { kind: 'enter', at: 3_000, userId: 'd' },
    comment(10_000, 'a', 'positive', ['praise']),
    comment(20_000, 'b', 'negative', ['price_objection']),
    comment(30_000, 'a', 'positive', ['purchase']),
    comment(40_000, 'b', null),
    { kind: 'like', at: 41_000, count: 10 },
    { kind: 'share', at: 42_000 },
    { kind: 'gift', at: 43_000, value: cny(100) },
    { kind: 'viewer_count', at: 50_000, count: 5 },
    { kind: 'leave', at: 60_000, userId: 'b' }, // b watched 59 s
  ];
  const m = computeMetrics(events, 60_000);

  it('counts views as distinct viewers and viewers as the latest count', () => {
    expect(m.totalViews).toBe(4);
    expect(m.concurrentViewers).toBe(5);
    expect(m.peakViewers).toBe(5);
  });

  it('computes comment rates', () => {
    expect(m.comments).toBe(4);
    expect(m.commenters).toBe(2);
    expect(m.commenterRate).toBe(0.5);
    expect(m.commentsPerMinute).toBe(4); // all 4 within the 60 s window ending at 60 s
  });

  it('computes the interaction rate over the window: (comments + likes + shares + gifts) / views', () => {
    expect(m.interactionRate).toBe((4 + 10 + 1 + 1) / 4);
  });

  it('computes the sentiment index and purchase intent rate over scored messages only', () => {
    // scored: +, −, + → (2 − 1) / 3; purchase 1 of 3
    expect(m.sentimentIndex).toBeCloseTo(1 / 3, 10);
    expect(m.purchaseIntentRate).toBeCloseTo(1 / 3, 10);
  });

  it('averages watch time over closed and open sessions', () => {
    // a: 0→60 s open (entered at 0, re-enter ignored), b: 1→60 s closed (59 s), c: 2→60 s open, d: 3→60 s open
    expect(m.averageWatchMs).toBe((60_000 + 59_000 + 58_000 + 57_000) / 4);
  });

  it('slides the window', () => {
    const later = computeMetrics(events, 95_000);
    // window (35 s, 95 s]: comment at 40 s (unscored), like 10, share, gift
    expect(later.commentsPerMinute).toBe(1);
    expect(later.sentimentIndex).toBeNull();
    expect(later.interactionRate).toBe((1 + 10 + 1 + 1) / 4);
  });
});

describe('conversion metrics', () => {
  const events: MetricEvent[] = [
    { kind: 'enter', at: 0, userId: 'u1' },
    { kind: 'enter', at: 0, userId: 'u2' },
    { kind: 'enter', at: 0, userId: 'u3' },
    order(1_000, 'o1', 'u1', [{ productId: 'p1', quantity: 2, unitPrice: 9_900 }]),
    order(2_000, 'o2', 'u1', [{ productId: 'p1', quantity: 1, unitPrice: 9_900 }]),
    order(3_000, 'o3', 'u2', [{ productId: 'p2', quantity: 1, unitPrice: 12_901 }]),
    order(3_500, 'o3', 'u2', [{ productId: 'p2', quantity: 1, unitPrice: 12_901 }]), // duplicate delivery
    { kind: 'refund', at: 4_000, orderId: 'o1', amount: cny(9_900) },
    { kind: 'order', at: 5_000, orderId: 'o4', buyerId: 'u3', total: { amount: 500, currency: 'USD' }, items: [] },
  ];
  const m = computeMetrics(events, 10_000);

  it('sums paid orders into GMV, tracks refunds apart, ignores duplicates and other currencies', () => {
    expect(m.gmv).toEqual(cny(2 * 9_900 + 9_900 + 12_901));
    expect(m.refunds).toEqual(cny(9_900));
    expect(m.orders).toBe(3);
    expect(m.units).toBe(4);
    expect(m.buyers).toBe(2);
    expect(m.ordersInOtherCurrencies).toBe(1);
  });

  it('computes conversion, GPM and average order value with the written rounding rule', () => {
    expect(m.conversionRate).toBeCloseTo(2 / 3, 10);
    // GPM = 42601 × 1000 / 3 = 14,200,333.33… → 14,200,333 minor units
    expect(m.gpm).toEqual(cny(14_200_333));
    // AOV = 42601 / 3 = 14200.33… → 14200
    expect(m.averageOrderValue).toEqual(cny(14_200));
  });

  it('has no ratios without views', () => {
    const none = computeMetrics([], 0);
    expect(none.conversionRate).toBeNull();
    expect(none.gpm).toBeNull();
    expect(none.sentimentIndex).toBeNull();
    expect(none.gmv).toEqual(cny(0));
  });
});

describe('per-product attribution', () => {
  const tail = 60_000;
  const events: MetricEvent[] = [
    { kind: 'product_presented', at: 0, productId: 'p1' },
    { kind: 'product_click', at: 5_000, userId: 'u1', productId: 'p1' },
    { kind: 'product_click', at: 6_000, userId: 'u2', productId: 'p1' },
    order(10_000, 'o1', 'u1', [{ productId: 'p1', quantity: 1, unitPrice: 9_900 }]),
    { kind: 'product_presented', at: 100_000, productId: 'p2' }, // p1 presented [0, 100 s]
    order(100_000, 'o2', 'u2', [{ productId: 'p1', quantity: 1, unitPrice: 9_900 }]), // at the boundary: p1's tail
    order(160_000, 'o3', 'u3', [{ productId: 'p1', quantity: 1, unitPrice: 9_900 }]), // exactly at end + tail: in
    order(160_001, 'o4', 'u4', [{ productId: 'p1', quantity: 1, unitPrice: 9_900 }]), // past the tail: out
    order(170_000, 'o5', 'u5', [
      { productId: 'p2', quantity: 3, unitPrice: 1_000 },
      { productId: 'p3', quantity: 1, unitPrice: 500 }, // never presented: not attributed
    ]),
    { kind: 'show_ended', at: 200_000 },
  ];
  const m = computeMetrics(events, 300_000, { attributionTailMs: tail });
  const p = (id: string) => m.perProduct.find((x) => x.productId === id);

  it('attributes orders while presented plus the tail, at the boundaries', () => {
    expect(p('p1')).toMatchObject({ orders: 3, units: 3, gmv: cny(3 * 9_900), presentedMs: 100_000, presentations: 1, clicks: 2 });
    expect(p('p2')).toMatchObject({ orders: 1, units: 3, gmv: cny(3_000), presentedMs: 100_000 });
    expect(p('p3')).toBeUndefined();
  });

  it('computes per-product click conversion as buyers / clickers', () => {
    // clickers u1, u2; attributed buyers of p1: u1, u2, u3 → 3 / 2
    expect(p('p1')?.clickConversion).toBe(1.5);
    expect(p('p2')?.clickConversion).toBeNull();
  });

  it('knows the current product until the show ends', () => {
    expect(computeMetrics(events.slice(0, 5), 100_000).currentProductId).toBe('p2');
    expect(m.currentProductId).toBeNull();
  });

  it('counts GMV of every order, attributed or not', () => {
    expect(m.gmv).toEqual(cny(4 * 9_900 + 3_500));
  });
});

describe('buckets and replay', () => {
  it('keeps per-second buckets and per-minute rollups', () => {
    const e = new MetricsEngine();
    e.apply({ kind: 'viewer_count', at: 500, count: 10 });
    e.apply(comment(900, 'a', 'positive', ['purchase']));
    e.apply(comment(1_100, 'b', 'negative'));
    e.apply({ kind: 'viewer_count', at: 61_000, count: 12 });
    e.apply(order(61_500, 'o1', 'a', [{ productId: null, quantity: 2, unitPrice: 100 }]));
    const s = e.seconds();
    expect(s.map((b) => [b.t, b.comments, b.viewers])).toEqual([
      [0, 1, 10],
      [1_000, 1, null],
      [61_000, 0, 12],
    ]);
    const m = e.minutes();
    expect(m.map((b) => [b.t, b.comments, b.positive, b.negative, b.purchaseIntents, b.orders, b.gmv, b.viewers])).toEqual([
      [0, 2, 1, 1, 1, 0, 0, 10],
      [60_000, 0, 0, 0, 0, 1, 200, 12],
    ]);
  });

  it('gives identical numbers live (incremental, read every second) and replayed from the log', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const log: MetricEvent[] = [];
    for (let i = 0; i < 5_000; i++) {
      const at = i * 37;
      const r = rnd();
      if (r < 0.3) log.push({ kind: 'enter', at, userId: `u${Math.floor(rnd() * 400)}` });
      else if (r < 0.6) log.push(comment(at, `u${Math.floor(rnd() * 400)}`, rnd() < 0.5 ? 'positive' : rnd() < 0.5 ? 'negative' : null, rnd() < 0.2 ? ['purchase'] : []));
      else if (r < 0.7) log.push({ kind: 'viewer_count', at, count: Math.floor(rnd() * 1000) });
      else if (r < 0.75) log.push({ kind: 'product_presented', at, productId: `p${Math.floor(rnd() * 5)}` });
      else if (r < 0.85) log.push(order(at, `o${i}`, `u${Math.floor(rnd() * 400)}`, [{ productId: `p${Math.floor(rnd() * 5)}`, quantity: 1 + Math.floor(rnd() * 3), unitPrice: 999 }]));
      else log.push({ kind: 'like', at, count: 1 + Math.floor(rnd() * 20) });
    }
    const live = new MetricsEngine();
    let lastRead = 0;
    for (const e of log) {
      live.apply(e);
      if (e.at - lastRead >= 1000) {
        live.metrics(e.at);
        lastRead = e.at;
      }
    }
    const end = log[log.length - 1]?.at ?? 0;
    expect(live.metrics(end)).toEqual(computeMetrics(log, end));
  });
});

describe('segment boundaries, the current product and stock', () => {
  // Cup presented 0–60 s (stock 10), a segment without a product 60–120 s, tea presented from 120 s.
  // Tail 30 s: cup orders at 60 s (boundary, attributed), 90 s (end of tail, attributed), 90.001 s (not).
  const tail = 30_000;
  const events: MetricEvent[] = [
    { kind: 'product_presented', at: 0, productId: 'cup', stock: 10 },
    { kind: 'product_click', at: 5_000, userId: 'a', productId: 'cup' },
    comment(6_000, 'b', 'negative', ['price_objection']),
    order(10_000, 'o1', 'a', [{ productId: 'cup', quantity: 3, unitPrice: 9_900 }]),
    { kind: 'presentation_ended', at: 60_000 },
    order(60_000, 'o2', 'b', [{ productId: 'cup', quantity: 1, unitPrice: 9_900 }]),
    order(90_000, 'o3', 'c', [{ productId: 'cup', quantity: 1, unitPrice: 9_900 }]),
    order(90_001, 'o4', 'd', [{ productId: 'cup', quantity: 5, unitPrice: 9_900 }]),
    { kind: 'product_presented', at: 120_000, productId: 'tea', stock: null },
    comment(121_000, 'e', 'negative', ['price_objection']),
    order(125_000, 'o5', 'e', [{ productId: 'tea', quantity: 2, unitPrice: 3_000 }, { productId: 'cup', quantity: 1, unitPrice: 9_900 }]),
    { kind: 'refund', at: 130_000, orderId: 'o1', amount: cny(9_900) },
  ];

  it('ends a presentation when a segment without a product starts; the tail runs from there', () => {
    const m = computeMetrics(events, 130_000, { attributionTailMs: tail });
    const cup = m.perProduct.find((p) => p.productId === 'cup');
    // o1 (3), o2 (1), o3 (1) attributed; o4 after the tail; o5's cup line is after the tail too.
    expect(cup).toMatchObject({ orders: 3, units: 5, gmv: cny(5 * 9_900), presentedMs: 60_000, presentations: 1 });
    const tea = m.perProduct.find((p) => p.productId === 'tea');
    expect(tea).toMatchObject({ orders: 1, units: 2, gmv: cny(6_000), presentedMs: 10_000 });
    expect(m.currentProductId).toBe('tea');
  });

  it('keeps refunds apart from GMV', () => {
    const m = computeMetrics(events, 130_000, { attributionTailMs: tail });
    // GMV: 29,700 + 9,900 + 9,900 + 49,500 + (6,000 + 9,900) = 114,900; refunds 9,900.
    expect(m.gmv).toEqual(cny(114_900));
    expect(m.refunds).toEqual(cny(9_900));
    expect(m.orders).toBe(5);
  });

  it('counts the current product since it was presented', () => {
    const e = new MetricsEngine({ attributionTailMs: tail });
    for (const ev of events.slice(0, 4)) e.apply(ev);
    expect(e.currentPresentation()).toEqual({ productId: 'cup', since: 0, clicks: 1, orders: 1, units: 3, gmv: 29_700, priceObjections: 1 });
    e.apply(events[4]!);
    expect(e.currentPresentation()).toBeNull();
    for (const ev of events.slice(5)) e.apply(ev);
    expect(e.currentPresentation()).toEqual({ productId: 'tea', since: 120_000, clicks: 0, orders: 1, units: 2, gmv: 6_000, priceObjections: 1 });
  });

  it('tracks stock left as stock when presented minus units ordered since', () => {
    const e = new MetricsEngine({ attributionTailMs: tail });
    for (const ev of events) e.apply(ev);
    // 10 − (3 + 1 + 1 + 5 + 1) → 0 (never below zero); tea's stock is unknown.
    expect(e.stockLeft('cup')).toBe(0);
    expect(e.stockLeft('tea')).toBeNull();
  });
});

describe('headline deltas (vs 60 s ago)', () => {
  // Hand-computed: then = second 30 s (everything recorded up to 30.999 s), now = 90.5 s.
  const events: MetricEvent[] = [
    { kind: 'viewer_count', at: 0, count: 100 },
    { kind: 'enter', at: 0, userId: 'a' },
    { kind: 'enter', at: 500, userId: 'b' },
    { kind: 'enter', at: 1_500, userId: 'c' },
    comment(2_000, 'a', 'positive'),
    comment(3_000, 'b', 'negative'),
    order(10_000, 'o1', 'a', [{ productId: null, quantity: 1, unitPrice: 5_000 }]),
    { kind: 'viewer_count', at: 30_500, count: 150 },
    { kind: 'enter', at: 70_000, userId: 'd' },
    comment(70_000, 'c', 'positive'),
    comment(80_000, 'd', 'positive'),
    order(80_000, 'o2', 'b', [{ productId: null, quantity: 2, unitPrice: 3_000 }]),
    { kind: 'viewer_count', at: 85_000, count: 120 },
  ];
  const engine = new MetricsEngine();
  for (const e of events) engine.apply(e);

  it('subtracts the numbers of then (whole seconds) from the numbers now', () => {
    const d = engine.deltas(90_500, 0);
    // Then: viewers 150 (30.5 s is in second 30), views 3, buyers 1, 1 order, GMV 5,000, sentiment (1 − 1) / 2 = 0.
    // Now: viewers 120, views 4, buyers 2, 2 orders, GMV 11,000, sentiment over (30.5 s, 90.5 s] = 2/2 = 1.
    expect(d.viewers).toBe(-30);
    expect(d.gmv).toBe(6_000);
    expect(d.orders).toBe(1);
    expect(d.conversionRate).toBeCloseTo(2 / 4 - 1 / 3, 12);
    // GPM now 11,000 × 1000 / 4 = 2,750,000; then 5,000 × 1000 / 3 = 1,666,666.67 → 1,666,667.
    expect(d.gpm).toBe(2_750_000 - 1_666_667);
    expect(d.sentimentIndex).toBe(1);
  });

  it('is null before the start + 60 s, and null per figure where nothing was known then', () => {
    expect(engine.deltas(59_999, 0)).toEqual({ viewers: null, gmv: null, orders: null, conversionRate: null, gpm: null, sentimentIndex: null });
    const d = engine.deltas(90_500, 40_000);
    expect(d.gmv).toBeNull();
    // At 60 s (events so far only): then = second 0: viewers 100, views a and b, no buyers (conversion 0, GPM 0),
    // no scored comments in the window; now: viewers 150, views 3, buyer a, GMV 5,000.
    const soFar = new MetricsEngine();
    for (const e of events.filter((x) => x.at <= 60_000)) soFar.apply(e);
    const early = soFar.deltas(60_000, 0);
    expect(early).toEqual({ viewers: 50, gmv: 5_000, orders: 1, conversionRate: 1 / 3, gpm: 1_666_667, sentimentIndex: null });
  });

  it('agrees with deltas computed by a fresh engine over the same events (review = live)', () => {
    const replay = new MetricsEngine();
    for (const e of events) replay.apply(e);
    expect(replay.deltas(90_500, 0)).toEqual(engine.deltas(90_500, 0));
  });
});
