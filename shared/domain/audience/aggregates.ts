import type { AudienceEvent, AudienceStats } from '../../contract/audience.js';
import type { Money } from '../../contract/common.js';
import { INTENTS } from '../classifier/model.js';

/**
 * Live audience aggregates over a sliding window: a ring of per-second buckets, so recording an event is a
 * few array writes and a snapshot sums at most `windowMs / bucketMs` buckets. No I/O, no clock: times are
 * passed in. The metrics engine (post-show review) computes the same figures from the log.
 */
export interface AudienceAggregates {
  readonly bucketMs: number;
  readonly slots: number;
  /** slots × FIELD_COUNT counters. */
  readonly counts: Float64Array;
  /** Which bucket (time / bucketMs) each slot holds now; -1 when empty. */
  readonly epochs: Float64Array;
  firstAt: number | null;
  viewers: number | null;
  peakViewers: number | null;
  readonly totals: { events: number; comments: number; likes: number; gifts: number; orders: number; units: number };
  /** Order amounts per currency, minor units. */
  readonly gmv: Map<string, number>;
}

const F = {
  comments: 0,
  likes: 1,
  gifts: 2,
  shares: 3,
  follows: 4,
  enters: 5,
  leaves: 6,
  productClicks: 7,
  orders: 8,
  units: 9,
  scored: 10,
  positive: 11,
  neutral: 12,
  negative: 13,
  /** Intents follow, in INTENTS order. */
  intent0: 14,
} as const;
const FIELD_COUNT = F.intent0 + INTENTS.length;
const INTENT_FIELD: Readonly<Record<(typeof INTENTS)[number], number>> = Object.fromEntries(
  INTENTS.map((intent, i) => [intent, F.intent0 + i]),
) as Record<(typeof INTENTS)[number], number>;

export function createAggregates(windowMs = 60_000, bucketMs = 1_000): AudienceAggregates {
  if (!(bucketMs > 0) || windowMs < bucketMs) throw new RangeError('window must hold at least one bucket');
  const slots = Math.ceil(windowMs / bucketMs);
  return {
    bucketMs,
    slots,
    counts: new Float64Array(slots * FIELD_COUNT),
    epochs: new Float64Array(slots).fill(-1),
    firstAt: null,
    viewers: null,
    peakViewers: null,
    totals: { events: 0, comments: 0, likes: 0, gifts: 0, orders: 0, units: 0 },
    gmv: new Map(),
  };
}

/** The counters of the bucket holding time `at` (cleared when the slot held an older bucket). */
function bucketBase(a: AudienceAggregates, at: number): number {
  const epoch = Math.floor(at / a.bucketMs);
  const slot = epoch % a.slots;
  const base = slot * FIELD_COUNT;
  if (a.epochs[slot] !== epoch) {
    a.counts.fill(0, base, base + FIELD_COUNT);
    a.epochs[slot] = epoch;
  }
  return base;
}

/** Counts one event at time `at` (the time this machine received it: the live window follows the local clock). */
export function recordAudienceEvent(a: AudienceAggregates, e: AudienceEvent, at: number): void {
  if (a.firstAt === null) a.firstAt = at;
  a.totals.events++;
  const c = a.counts;
  const base = bucketBase(a, at);
  switch (e.kind) {
    case 'comment': {
      a.totals.comments++;
      c[base + F.comments] = (c[base + F.comments] ?? 0) + 1;
      if (e.label) {
        c[base + F.scored] = (c[base + F.scored] ?? 0) + 1;
        const s = F[e.label.sentiment];
        c[base + s] = (c[base + s] ?? 0) + 1;
        for (const intent of e.label.intents) {
          const f = base + INTENT_FIELD[intent];
          c[f] = (c[f] ?? 0) + 1;
        }
      }
      return;
    }
    case 'like':
      a.totals.likes += e.count;
      c[base + F.likes] = (c[base + F.likes] ?? 0) + e.count;
      return;
    case 'gift':
      a.totals.gifts += e.gift.count;
      c[base + F.gifts] = (c[base + F.gifts] ?? 0) + e.gift.count;
      return;
    case 'follow':
      c[base + F.follows] = (c[base + F.follows] ?? 0) + 1;
      return;
    case 'share':
      c[base + F.shares] = (c[base + F.shares] ?? 0) + 1;
      return;
    case 'viewer_count':
      a.viewers = e.viewers;
      a.peakViewers = Math.max(a.peakViewers ?? 0, e.viewers);
      return;
    case 'enter':
      c[base + F.enters] = (c[base + F.enters] ?? 0) + 1;
      return;
    case 'leave':
      c[base + F.leaves] = (c[base + F.leaves] ?? 0) + 1;
      return;
    case 'product_click':
      c[base + F.productClicks] = (c[base + F.productClicks] ?? 0) + 1;
      return;
    case 'order': {
      let units = 0;
      for (const item of e.items) units += item.qty;
      a.totals.orders++;
      a.totals.units += units;
      c[base + F.orders] = (c[base + F.orders] ?? 0) + 1;
      c[base + F.units] = (c[base + F.units] ?? 0) + units;
      a.gmv.set(e.amount.currency, (a.gmv.get(e.amount.currency) ?? 0) + e.amount.amount);
      return;
    }
  }
}

export type AggregateSnapshot = Pick<AudienceStats, 'at' | 'windowMs' | 'viewers' | 'peakViewers' | 'window' | 'totals'>;

/** The window ending at `now` and the totals. Rates are per minute over the part of the window seen so far. */
export function snapshotAggregates(a: AudienceAggregates, now: number): AggregateSnapshot {
  const sum = new Float64Array(FIELD_COUNT);
  const newest = Math.floor(now / a.bucketMs);
  for (let slot = 0; slot < a.slots; slot++) {
    const epoch = a.epochs[slot] ?? -1;
    if (epoch < 0 || epoch > newest || epoch <= newest - a.slots) continue;
    const base = slot * FIELD_COUNT;
    for (let f = 0; f < FIELD_COUNT; f++) sum[f] = (sum[f] ?? 0) + (a.counts[base + f] ?? 0);
  }
  const get = (f: number): number => sum[f] ?? 0;
  const windowMs = a.slots * a.bucketMs;
  // Before a full window has passed, rates use the time actually covered (at least one bucket).
  const spanMs = a.firstAt === null ? windowMs : Math.max(a.bucketMs, Math.min(windowMs, now - a.firstAt));
  const perMin = (n: number): number => Math.round(((n * 60_000) / spanMs) * 10) / 10;
  const scored = get(F.scored);
  const intents = Object.fromEntries(INTENTS.map((intent) => [intent, get(INTENT_FIELD[intent])])) as Record<(typeof INTENTS)[number], number>;
  const gmv: Money[] = [...a.gmv].sort(([x], [y]) => x.localeCompare(y)).map(([currency, amount]) => ({ amount, currency }));
  return {
    at: now,
    windowMs,
    viewers: a.viewers,
    peakViewers: a.peakViewers,
    window: {
      comments: get(F.comments),
      commentsPerMin: perMin(get(F.comments)),
      likes: get(F.likes),
      likesPerMin: perMin(get(F.likes)),
      gifts: get(F.gifts),
      shares: get(F.shares),
      follows: get(F.follows),
      enters: get(F.enters),
      leaves: get(F.leaves),
      productClicks: get(F.productClicks),
      orders: get(F.orders),
      units: get(F.units),
      sentiment: { positive: get(F.positive), neutral: get(F.neutral), negative: get(F.negative) },
      intents,
      sentimentIndex: scored === 0 ? null : (get(F.positive) - get(F.negative)) / scored,
      purchaseIntentRate: scored === 0 ? null : intents.purchase / scored,
    },
    totals: { ...a.totals, gmv },
  };
}
