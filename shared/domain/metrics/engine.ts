/**
 * The metrics engine: every metric of PRODUCT.md as a projection of the event log. The live dashboard feeds it
 * events as they are recorded; the post-show review feeds it the same events from the log: same code, same order,
 * same numbers. Money stays integer minor units; ratios are plain numbers.
 *
 * Rounding rule (written once, applied once): money derived by division (GPM, average order value) is rounded
 * half away from zero to whole minor units at the end; ratios are not rounded here (the UI formats them).
 */
import type { Money } from '../../contract/common.js';

export type Sentiment = 'positive' | 'neutral' | 'negative';
export type Intent = 'purchase' | 'price_objection' | 'question' | 'complaint' | 'praise';

export interface OrderItem {
  readonly sku: string | null;
  readonly productId: string | null;
  readonly quantity: number;
  /** Price of one unit, in the order's currency. */
  readonly unitPrice: number;
}

/** The facts the metrics are made of (mapped from the event log's audience, order and cue events). */
export type MetricEvent =
  | { readonly kind: 'viewer_count'; readonly at: number; readonly count: number }
  | { readonly kind: 'enter'; readonly at: number; readonly userId: string }
  | { readonly kind: 'leave'; readonly at: number; readonly userId: string }
  | {
      readonly kind: 'comment';
      readonly at: number;
      readonly userId: string;
      readonly sentiment: Sentiment | null;
      readonly intents: readonly Intent[];
    }
  | { readonly kind: 'like'; readonly at: number; readonly count: number }
  | { readonly kind: 'share'; readonly at: number }
  | { readonly kind: 'gift'; readonly at: number; readonly value: Money | null }
  | { readonly kind: 'follow'; readonly at: number }
  | { readonly kind: 'product_click'; readonly at: number; readonly userId: string; readonly productId: string | null }
  | {
      readonly kind: 'order';
      readonly at: number;
      readonly orderId: string;
      readonly buyerId: string;
      readonly total: Money;
      readonly items: readonly OrderItem[];
    }
  | { readonly kind: 'refund'; readonly at: number; readonly orderId: string; readonly amount: Money }
  | {
      readonly kind: 'product_presented';
      readonly at: number;
      readonly productId: string;
      /** Stock when presented (queue or catalog), when known: stock left = this − units ordered since. */
      readonly stock?: number | null;
    }
  /** A segment without a product started: whatever was presented stops being presented (its tail runs). */
  | { readonly kind: 'presentation_ended'; readonly at: number }
  | { readonly kind: 'show_ended'; readonly at: number };

export interface MetricsOptions {
  /** The show's currency: orders in another currency are counted apart, never added into GMV. */
  readonly currency: string;
  /** Attribution tail after a product stops being presented (default 5 min). */
  readonly attributionTailMs: number;
  /** Sliding window of the sentiment index, purchase-intent rate and interaction rate (default 60 s). */
  readonly windowMs: number;
}

export const DEFAULT_METRICS_OPTIONS: MetricsOptions = { currency: 'CNY', attributionTailMs: 5 * 60_000, windowMs: 60_000 };

/** Counters of one second (or, rolled up, one minute). */
export interface Bucket {
  readonly t: number;
  viewers: number | null;
  enters: number;
  comments: number;
  likes: number;
  shares: number;
  gifts: number;
  clicks: number;
  orders: number;
  units: number;
  gmv: number;
  refunds: number;
  positive: number;
  neutral: number;
  negative: number;
  purchaseIntents: number;
  priceObjections: number;
  questions: number;
  complaints: number;
  praise: number;
}

export interface ProductMetrics {
  readonly productId: string;
  /** Time presented so far (ms), all presentations together. */
  readonly presentedMs: number;
  readonly presentations: number;
  readonly clicks: number;
  readonly orders: number;
  readonly units: number;
  readonly gmv: Money;
  readonly buyers: number;
  /** buyers / product clicks, null without clicks. */
  readonly clickConversion: number | null;
}

export interface Metrics {
  readonly at: number;
  readonly currency: string;
  readonly concurrentViewers: number | null;
  readonly peakViewers: number | null;
  readonly totalViews: number;
  readonly comments: number;
  readonly commenters: number;
  /** Comments per minute over the window. */
  readonly commentsPerMinute: number;
  /** commenters / views. */
  readonly commenterRate: number | null;
  readonly likes: number;
  readonly shares: number;
  readonly gifts: number;
  /** (comments + likes + shares + gifts) / views, over the window. */
  readonly interactionRate: number | null;
  /** (positive − negative) / scored messages over the window, −1…+1; null without scored messages. */
  readonly sentimentIndex: number | null;
  /** Messages with purchase intent / scored messages, over the window. */
  readonly purchaseIntentRate: number | null;
  readonly gmv: Money;
  readonly refunds: Money;
  readonly orders: number;
  readonly units: number;
  readonly buyers: number;
  /** buyers / views. */
  readonly conversionRate: number | null;
  /** GMV per 1,000 views, in minor units. */
  readonly gpm: Money | null;
  readonly averageOrderValue: Money | null;
  readonly productClicks: number;
  /** Average watch time (ms) of viewers with enter/leave events; null when the platform sends none. */
  readonly averageWatchMs: number | null;
  readonly ordersInOtherCurrencies: number;
  readonly perProduct: readonly ProductMetrics[];
  readonly currentProductId: string | null;
}

/** The product being presented, counted since it was (last) presented. */
export interface CurrentPresentation {
  readonly productId: string;
  readonly since: number;
  readonly clicks: number;
  readonly orders: number;
  readonly units: number;
  /** Item value of this product in orders since presented, in minor units. */
  readonly gmv: number;
  readonly priceObjections: number;
}

interface CurrentAcc {
  readonly productId: string;
  readonly since: number;
  clicks: number;
  orders: Set<string>;
  units: number;
  gmv: number;
  priceObjections: number;
}

interface Presentation {
  readonly productId: string;
  readonly start: number;
  end: number | null;
}

interface ProductAcc {
  clicks: number;
  clickers: Set<string>;
  orders: Set<string>;
  units: number;
  gmv: number;
  buyers: Set<string>;
}

/** Change of the headline numbers against `lookbackMs` ago: current minus then; null where either is unknown. */
export interface HeadlineDeltas {
  readonly viewers: number | null;
  /** Minor units. */
  readonly gmv: number | null;
  readonly orders: number | null;
  readonly conversionRate: number | null;
  /** Minor units (GPM then is rounded like GPM now). */
  readonly gpm: number | null;
  readonly sentimentIndex: number | null;
}

/** How far back the headline deltas look (the dashboard's "vs 60 s ago"). */
export const DELTA_LOOKBACK_MS = 60_000;

/** The cumulative state after all events of the seconds before `upTo` (taken when the first later event arrived). */
interface Checkpoint {
  readonly upTo: number;
  readonly viewers: number | null;
  readonly views: number;
  readonly buyers: number;
  readonly orders: number;
  readonly gmv: number;
  readonly scored: number;
  readonly positive: number;
  readonly negative: number;
}

interface WindowEntry {
  readonly at: number;
  readonly comments: number;
  readonly interactions: number;
  readonly scored: number;
  readonly positive: number;
  readonly negative: number;
  readonly purchase: number;
}

/** Rounds half away from zero to a whole number (money from a division). */
export function roundMinor(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function emptyBucket(t: number): Bucket {
  return {
    t,
    viewers: null,
    enters: 0,
    comments: 0,
    likes: 0,
    shares: 0,
    gifts: 0,
    clicks: 0,
    orders: 0,
    units: 0,
    gmv: 0,
    refunds: 0,
    positive: 0,
    neutral: 0,
    negative: 0,
    purchaseIntents: 0,
    priceObjections: 0,
    questions: 0,
    complaints: 0,
    praise: 0,
  };
}

/** Incremental metrics state. Feed events in log order with `apply`; read with `metrics(now)`. */
export class MetricsEngine {
  readonly options: MetricsOptions;
  private viewers: number | null = null;
  private peak: number | null = null;
  private readonly viewersSeen = new Set<string>();
  private readonly commentersSeen = new Set<string>();
  private readonly buyersSeen = new Set<string>();
  private readonly ordersSeen = new Map<string, { at: number; total: number; items: readonly OrderItem[]; buyerId: string }>();
  private readonly refundsSeen = new Set<string>();
  private comments = 0;
  private likes = 0;
  private shares = 0;
  private gifts = 0;
  private clicks = 0;
  private gmv = 0;
  private refunded = 0;
  private units = 0;
  private otherCurrency = 0;
  private readonly openWatch = new Map<string, number>();
  private watchTotalMs = 0;
  private watchSessions = 0;
  private readonly presentations: Presentation[] = [];
  private readonly products = new Map<string, ProductAcc>();
  private readonly window: WindowEntry[] = [];
  private readonly buckets = new Map<number, Bucket>();
  private lastAt = 0;
  private current: CurrentAcc | null = null;
  private readonly stock = new Map<string, { stock: number; unitsSince: number }>();
  /** Cumulative scored / positive / negative comments (for the sentiment index of a past window). */
  private cumScored = 0;
  private cumPositive = 0;
  private cumNegative = 0;
  private readonly checkpoints: Checkpoint[] = [];
  private checkpointSecond = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<MetricsOptions> = {}) {
    this.options = { ...DEFAULT_METRICS_OPTIONS, ...options };
  }

  private bucket(at: number): Bucket {
    const t = Math.floor(at / 1000) * 1000;
    let b = this.buckets.get(t);
    if (!b) {
      b = emptyBucket(t);
      this.buckets.set(t, b);
    }
    return b;
  }

  private product(id: string): ProductAcc {
    let p = this.products.get(id);
    if (!p) {
      p = { clicks: 0, clickers: new Set(), orders: new Set(), units: 0, gmv: 0, buyers: new Set() };
      this.products.set(id, p);
    }
    return p;
  }

  private pushWindow(e: WindowEntry): void {
    this.window.push(e);
  }

  /** Which product an order at `at` is attributed to for `productId`: presented then, or within the tail after. */
  private attributed(productId: string, at: number): boolean {
    const tail = this.options.attributionTailMs;
    return this.presentations.some((p) => p.productId === productId && at >= p.start && (p.end === null || at <= p.end + tail));
  }

  private state(upTo: number): Checkpoint {
    return {
      upTo,
      viewers: this.viewers,
      views: this.viewersSeen.size,
      buyers: this.buyersSeen.size,
      orders: this.ordersSeen.size,
      gmv: this.gmv,
      scored: this.cumScored,
      positive: this.cumPositive,
      negative: this.cumNegative,
    };
  }

  /**
   * The cumulative state through second `second` (all events whose second is ≤ it): the first checkpoint taken
   * after that second, or the current state when none was. Events arriving out of time order count from when they
   * were applied.
   */
  private stateThrough(second: number): Checkpoint {
    const cps = this.checkpoints;
    let lo = 0;
    let hi = cps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cps[mid]?.upTo ?? 0) > second) hi = mid;
      else lo = mid + 1;
    }
    return cps[lo] ?? this.state(Number.POSITIVE_INFINITY);
  }

  apply(e: MetricEvent): void {
    this.lastAt = Math.max(this.lastAt, e.at);
    const second = Math.floor(e.at / 1000) * 1000;
    if (second > this.checkpointSecond) {
      this.checkpoints.push(this.state(second));
      this.checkpointSecond = second;
    }
    const b = this.bucket(e.at);
    switch (e.kind) {
      case 'viewer_count':
        this.viewers = e.count;
        this.peak = Math.max(this.peak ?? 0, e.count);
        b.viewers = e.count;
        break;
      case 'enter':
        this.viewersSeen.add(e.userId);
        if (!this.openWatch.has(e.userId)) this.openWatch.set(e.userId, e.at);
        b.enters++;
        break;
      case 'leave': {
        const since = this.openWatch.get(e.userId);
        if (since !== undefined) {
          this.openWatch.delete(e.userId);
          this.watchTotalMs += Math.max(0, e.at - since);
          this.watchSessions++;
        }
        break;
      }
      case 'comment': {
        this.comments++;
        this.commentersSeen.add(e.userId);
        this.viewersSeen.add(e.userId);
        b.comments++;
        const scored = e.sentiment === null ? 0 : 1;
        if (e.sentiment !== null) b[e.sentiment]++;
        this.cumScored += scored;
        if (e.sentiment === 'positive') this.cumPositive++;
        if (e.sentiment === 'negative') this.cumNegative++;
        const purchase = e.intents.includes('purchase') ? 1 : 0;
        b.purchaseIntents += purchase;
        if (e.intents.includes('price_objection')) {
          b.priceObjections++;
          if (this.current) this.current.priceObjections++;
        }
        if (e.intents.includes('question')) b.questions++;
        if (e.intents.includes('complaint')) b.complaints++;
        if (e.intents.includes('praise')) b.praise++;
        this.pushWindow({
          at: e.at,
          comments: 1,
          interactions: 1,
          scored,
          positive: e.sentiment === 'positive' ? 1 : 0,
          negative: e.sentiment === 'negative' ? 1 : 0,
          purchase: scored === 1 ? purchase : 0,
        });
        break;
      }
      case 'like':
        this.likes += e.count;
        b.likes += e.count;
        this.pushWindow({ at: e.at, comments: 0, interactions: e.count, scored: 0, positive: 0, negative: 0, purchase: 0 });
        break;
      case 'share':
        this.shares++;
        b.shares++;
        this.pushWindow({ at: e.at, comments: 0, interactions: 1, scored: 0, positive: 0, negative: 0, purchase: 0 });
        break;
      case 'gift':
        this.gifts++;
        b.gifts++;
        this.pushWindow({ at: e.at, comments: 0, interactions: 1, scored: 0, positive: 0, negative: 0, purchase: 0 });
        break;
      case 'follow':
        break;
      case 'product_click':
        this.clicks++;
        b.clicks++;
        if (e.productId !== null) {
          const p = this.product(e.productId);
          p.clicks++;
          p.clickers.add(e.userId);
          if (this.current?.productId === e.productId) this.current.clicks++;
        }
        break;
      case 'order': {
        if (this.ordersSeen.has(e.orderId)) break; // a duplicate delivery counts once
        if (e.total.currency !== this.options.currency) {
          this.otherCurrency++;
          break;
        }
        this.ordersSeen.set(e.orderId, { at: e.at, total: e.total.amount, items: e.items, buyerId: e.buyerId });
        this.buyersSeen.add(e.buyerId);
        this.gmv += e.total.amount;
        const units = e.items.reduce((n, i) => n + i.quantity, 0);
        this.units += units;
        b.orders++;
        b.units += units;
        b.gmv += e.total.amount;
        for (const item of e.items) {
          if (item.productId === null) continue;
          const st = this.stock.get(item.productId);
          if (st) st.unitsSince += item.quantity;
          const cur = this.current;
          if (cur?.productId === item.productId) {
            cur.orders.add(e.orderId);
            cur.units += item.quantity;
            cur.gmv += item.quantity * item.unitPrice;
          }
          if (!this.attributed(item.productId, e.at)) continue;
          const p = this.product(item.productId);
          p.orders.add(e.orderId);
          p.units += item.quantity;
          p.gmv += item.quantity * item.unitPrice;
          p.buyers.add(e.buyerId);
        }
        break;
      }
      case 'refund':
        if (this.refundsSeen.has(`${e.orderId}:${e.at}:${e.amount.amount}`) || e.amount.currency !== this.options.currency) break;
        this.refundsSeen.add(`${e.orderId}:${e.at}:${e.amount.amount}`);
        this.refunded += e.amount.amount;
        b.refunds += e.amount.amount;
        break;
      case 'product_presented': {
        const open = this.presentations[this.presentations.length - 1];
        if (open && open.end === null) open.end = e.at;
        this.presentations.push({ productId: e.productId, start: e.at, end: null });
        this.product(e.productId);
        this.current = { productId: e.productId, since: e.at, clicks: 0, orders: new Set(), units: 0, gmv: 0, priceObjections: 0 };
        if (e.stock !== undefined && e.stock !== null) this.stock.set(e.productId, { stock: e.stock, unitsSince: 0 });
        break;
      }
      case 'presentation_ended':
      case 'show_ended': {
        const open = this.presentations[this.presentations.length - 1];
        if (open && open.end === null) open.end = e.at;
        this.current = null;
        break;
      }
      default: {
        const never: never = e;
        throw new Error(`unknown metric event ${JSON.stringify(never)}`);
      }
    }
  }

  /** The metrics as of `now` (the sliding window ends at `now`). */
  metrics(now: number = this.lastAt): Metrics {
    const from = now - this.options.windowMs;
    let wComments = 0;
    let wInteractions = 0;
    let wScored = 0;
    let wPos = 0;
    let wNeg = 0;
    let wPurchase = 0;
    // Drop entries that left the window for good (events arrive in order, so the front is the oldest).
    while (this.window.length > 0 && (this.window[0]?.at ?? now) <= from) this.window.shift();
    for (const w of this.window) {
      if (w.at > now) continue;
      wComments += w.comments;
      wInteractions += w.interactions;
      wScored += w.scored;
      wPos += w.positive;
      wNeg += w.negative;
      wPurchase += w.purchase;
    }
    const views = this.viewersSeen.size;
    const c = this.options.currency;
    const windowMinutes = this.options.windowMs / 60_000;
    let openWatchMs = 0;
    for (const since of this.openWatch.values()) openWatchMs += Math.max(0, now - since);
    const watchCount = this.watchSessions + this.openWatch.size;
    const current = this.presentations[this.presentations.length - 1];

    const perProduct: ProductMetrics[] = [...this.products.entries()].map(([productId, p]) => {
      const spans = this.presentations.filter((x) => x.productId === productId);
      return {
        productId,
        presentedMs: spans.reduce((ms, s) => ms + Math.max(0, (s.end ?? now) - s.start), 0),
        presentations: spans.length,
        clicks: p.clicks,
        orders: p.orders.size,
        units: p.units,
        gmv: { amount: p.gmv, currency: c },
        buyers: p.buyers.size,
        clickConversion: p.clickers.size > 0 ? p.buyers.size / p.clickers.size : null,
      };
    });

    return {
      at: now,
      currency: c,
      concurrentViewers: this.viewers,
      peakViewers: this.peak,
      totalViews: views,
      comments: this.comments,
      commenters: this.commentersSeen.size,
      commentsPerMinute: wComments / windowMinutes,
      commenterRate: views > 0 ? this.commentersSeen.size / views : null,
      likes: this.likes,
      shares: this.shares,
      gifts: this.gifts,
      interactionRate: views > 0 ? wInteractions / views : null,
      sentimentIndex: wScored > 0 ? (wPos - wNeg) / wScored : null,
      purchaseIntentRate: wScored > 0 ? wPurchase / wScored : null,
      gmv: { amount: this.gmv, currency: c },
      refunds: { amount: this.refunded, currency: c },
      orders: this.ordersSeen.size,
      units: this.units,
      buyers: this.buyersSeen.size,
      conversionRate: views > 0 ? this.buyersSeen.size / views : null,
      gpm: views > 0 ? { amount: roundMinor((this.gmv * 1000) / views), currency: c } : null,
      averageOrderValue: this.ordersSeen.size > 0 ? { amount: roundMinor(this.gmv / this.ordersSeen.size), currency: c } : null,
      productClicks: this.clicks,
      averageWatchMs: watchCount > 0 ? (this.watchTotalMs + openWatchMs) / watchCount : null,
      ordersInOtherCurrencies: this.otherCurrency,
      perProduct,
      currentProductId: current && current.end === null ? current.productId : null,
    };
  }

  /**
   * The headline deltas: the numbers at `now` minus the numbers at `now − lookbackMs` ("then"). Then-values are
   * taken at whole seconds: everything recorded in the seconds up to and including then's second; viewers = the
   * last count reported by then; conversion rate and GPM from then's views, buyers and GMV; the sentiment index over
   * the window (windowMs) of seconds ending at then's second. All null when then is before `since` (the show's or
   * the room's start: nothing was measured then). Live and review both call this, so both show the same deltas.
   */
  deltas(now: number, since: number, opts: { lookbackMs?: number; current?: Metrics } = {}): HeadlineDeltas {
    const thenAt = now - (opts.lookbackMs ?? DELTA_LOOKBACK_MS);
    if (thenAt < since) return { viewers: null, gmv: null, orders: null, conversionRate: null, gpm: null, sentimentIndex: null };
    const m = opts.current?.at === now ? opts.current : this.metrics(now);
    const second = Math.floor(thenAt / 1000) * 1000;
    const then = this.stateThrough(second);
    const before = this.stateThrough(second - this.options.windowMs);
    const scored = then.scored - before.scored;
    const thenSentiment = scored > 0 ? (then.positive - before.positive - (then.negative - before.negative)) / scored : null;
    const thenConversion = then.views > 0 ? then.buyers / then.views : null;
    const thenGpm = then.views > 0 ? roundMinor((then.gmv * 1000) / then.views) : null;
    const sub = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);
    return {
      viewers: sub(m.concurrentViewers, then.viewers),
      gmv: m.gmv.amount - then.gmv,
      orders: m.orders - then.orders,
      conversionRate: sub(m.conversionRate, thenConversion),
      gpm: sub(m.gpm?.amount ?? null, thenGpm),
      sentimentIndex: sub(m.sentimentIndex, thenSentiment),
    };
  }

  /** The product being presented and its numbers since it was presented; null between products. */
  currentPresentation(): CurrentPresentation | null {
    const c = this.current;
    if (!c) return null;
    return { productId: c.productId, since: c.since, clicks: c.clicks, orders: c.orders.size, units: c.units, gmv: c.gmv, priceObjections: c.priceObjections };
  }

  /** Stock left of a product: its stock when last presented minus units ordered since; null when never known. */
  stockLeft(productId: string): number | null {
    const s = this.stock.get(productId);
    return s ? Math.max(0, s.stock - s.unitsSince) : null;
  }

  /** The per-second bucket at `t` (any time inside the second), if anything happened then. */
  secondAt(t: number): Bucket | undefined {
    return this.buckets.get(Math.floor(t / 1000) * 1000);
  }

  /** Per-second buckets from `from` (inclusive), oldest first. */
  seconds(from = 0): Bucket[] {
    return [...this.buckets.values()].filter((b) => b.t >= from).sort((a, b) => a.t - b.t);
  }

  /** Per-minute rollups of the per-second buckets: counters summed, viewers = the minute's last reading. */
  minutes(from = 0): Bucket[] {
    const out = new Map<number, Bucket>();
    for (const s of this.seconds(from)) {
      const t = Math.floor(s.t / 60_000) * 60_000;
      const m = out.get(t) ?? emptyBucket(t);
      if (s.viewers !== null) m.viewers = s.viewers;
      for (const k of COUNTERS) m[k] += s[k];
      out.set(t, m);
    }
    return [...out.values()];
  }
}

const COUNTERS = [
  'enters',
  'comments',
  'likes',
  'shares',
  'gifts',
  'clicks',
  'orders',
  'units',
  'gmv',
  'refunds',
  'positive',
  'neutral',
  'negative',
  'purchaseIntents',
  'priceObjections',
  'questions',
  'complaints',
  'praise',
] as const satisfies readonly (keyof Bucket)[];

/** The whole computation over a list of events: what review uses, and what the live engine must agree with. */
export function computeMetrics(events: readonly MetricEvent[], now: number, options: Partial<MetricsOptions> = {}): Metrics {
  const engine = new MetricsEngine(options);
  for (const e of events) engine.apply(e);
  return engine.metrics(now);
}
