import { z } from 'zod';
import { Id, Money, Timestamp } from './common.js';

/** Counters of one second or one minute (see shared/domain/metrics/engine.ts `Bucket`). */
export const MetricBucket = z.object({
  t: z.number().int(),
  viewers: z.number().int().nullable(),
  enters: z.number().int(),
  comments: z.number().int(),
  likes: z.number().int(),
  shares: z.number().int(),
  gifts: z.number().int(),
  clicks: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  gmv: z.number().int(),
  refunds: z.number().int(),
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
  purchaseIntents: z.number().int(),
  priceObjections: z.number().int(),
  questions: z.number().int(),
  complaints: z.number().int(),
  praise: z.number().int(),
});
export type MetricBucket = z.infer<typeof MetricBucket>;

export const ProductMetricsView = z.object({
  productId: z.string(),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  presentedMs: z.number(),
  presentations: z.number().int(),
  clicks: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  gmv: Money,
  buyers: z.number().int(),
  clickConversion: z.number().nullable(),
  /** Stock when last presented minus units ordered since; null when unknown. */
  stockLeft: z.number().int().nullable(),
});
export type ProductMetricsView = z.infer<typeof ProductMetricsView>;

/** The headline numbers the dashboard shows (PRODUCT.md names). Money in minor units. */
export const Headline = z.object({
  viewers: z.number().int().nullable(),
  totalViews: z.number().int(),
  gmv: Money,
  refunds: Money,
  orders: z.number().int(),
  units: z.number().int(),
  buyers: z.number().int(),
  conversionRate: z.number().nullable(),
  gpm: Money.nullable(),
  sentimentIndex: z.number().nullable(),
  purchaseIntentRate: z.number().nullable(),
  commentsPerMinute: z.number(),
  interactionRate: z.number().nullable(),
  productClicks: z.number().int(),
  averageWatchMs: z.number().nullable(),
});
export type Headline = z.infer<typeof Headline>;

/**
 * Change of the headline numbers against 60 s before the snapshot's `at` (MetricsEngine.deltas, the same for live
 * and review): current minus then; all null during the first 60 s after `since`; a field null where it was unknown.
 */
export const HeadlineDelta = z.object({
  viewers: z.number().nullable(),
  gmv: z.number().int().nullable(),
  orders: z.number().int().nullable(),
  conversionRate: z.number().nullable(),
  gpm: z.number().int().nullable(),
  sentimentIndex: z.number().nullable(),
});
export type HeadlineDelta = z.infer<typeof HeadlineDelta>;

/** The current product's numbers since it was last presented. */
export const CurrentProductMetrics = z.object({
  productId: z.string(),
  sku: z.string().nullable(),
  name: z.string().nullable(),
  presentedAt: Timestamp,
  clicks: z.number().int(),
  orders: z.number().int(),
  units: z.number().int(),
  gmv: Money,
  priceObjections: z.number().int(),
  stockLeft: z.number().int().nullable(),
});
export type CurrentProductMetrics = z.infer<typeof CurrentProductMetrics>;

/** What the dashboard shows: pushed as `metrics.updated` and returned by `metrics.current`. */
export const MetricsSnapshot = z.object({
  at: Timestamp,
  /** The show session the numbers belong to; null before any show started (the room's numbers since start-up). */
  sessionId: z.string().nullable(),
  /** The event-log seq the numbers include (for tests and the latency bench). */
  seq: z.number().int(),
  since: Timestamp,
  currency: z.string(),
  headline: Headline,
  delta: HeadlineDelta,
  funnel: z.object({ views: z.number().int(), clicks: z.number().int(), orders: z.number().int() }),
  products: z.array(ProductMetricsView),
  current: CurrentProductMetrics.nullable(),
  /** The most recent per-second buckets (a few seconds), for the charts to append. */
  recent: z.array(MetricBucket),
});
export type MetricsSnapshot = z.infer<typeof MetricsSnapshot>;

export const Resolution = z.enum(['second', 'minute']);

export const MetricsOptionsView = z.object({
  attributionTailMs: z.number().int().min(0).max(3_600_000),
});
export type MetricsOptionsView = z.infer<typeof MetricsOptionsView>;

/** Whether an alert of the rule beeps in the console (with the console's sound switched on); off unless set. */
const Sound = z.boolean().default(false);

/** Alert rules with studio-editable thresholds; `host` rules also show on the host view. */
export const AlertRules = z.object({
  viewersDrop: z.object({ enabled: z.boolean(), sound: Sound, dropPct: z.number().min(1).max(100), windowSec: z.number().int().min(10).max(600) }),
  sentimentLow: z.object({ enabled: z.boolean(), sound: Sound, below: z.number().min(-1).max(1), forSec: z.number().int().min(5).max(600) }),
  complaintSpike: z.object({ enabled: z.boolean(), sound: Sound, perMinute: z.number().int().min(1).max(100_000) }),
  priceObjectionSpike: z.object({ enabled: z.boolean(), sound: Sound, perMinute: z.number().int().min(1).max(100_000) }),
  stock: z.object({ enabled: z.boolean(), sound: Sound, lowAt: z.number().int().min(0).max(1_000_000) }),
  /** Stream health (raised by the OBS core from its 1 s samples). Rules stored before it existed get the defaults. */
  streamHealth: z
    .object({
      enabled: z.boolean(),
      sound: Sound,
      /** Frames dropped over the last 10 s, in percent, above which `stream.droppedFrames` fires. */
      droppedPct: z.number().min(0.1).max(50),
      /** Bitrate below this percent of the recent median… */
      lowBitratePct: z.number().min(5).max(95),
      /** …for this long fires `stream.lowBitrate`. */
      lowBitrateForSec: z.number().int().min(2).max(120),
    })
    .default({ enabled: true, sound: true, droppedPct: 1, lowBitratePct: 50, lowBitrateForSec: 5 }),
});
export type AlertRules = z.infer<typeof AlertRules>;

export const DEFAULT_ALERT_RULES: AlertRules = {
  viewersDrop: { enabled: true, sound: false, dropPct: 20, windowSec: 60 },
  sentimentLow: { enabled: true, sound: false, below: -0.3, forSec: 30 },
  complaintSpike: { enabled: true, sound: false, perMinute: 10 },
  priceObjectionSpike: { enabled: true, sound: false, perMinute: 8 },
  stock: { enabled: true, sound: true, lowAt: 5 },
  streamHealth: { enabled: true, sound: true, droppedPct: 1, lowBitratePct: 50, lowBitrateForSec: 5 },
};

/** Rule ids the metrics alerts raise. Rules starting `host.` are for the host view too. */
export const METRIC_ALERT_RULES = {
  viewersDrop: 'metrics.viewersDrop',
  sentimentLow: 'metrics.sentimentLow',
  complaintSpike: 'metrics.complaintSpike',
  priceObjectionSpike: 'host.priceObjections',
  stockLow: 'host.stockLow',
  soldOut: 'host.soldOut',
} as const;

/** The editable rule (key of AlertRules) behind a raised alert's rule id; null for alerts with no editable rule (OBS disconnected, stream stopped). */
export function ruleKeyOf(alertRule: string): keyof AlertRules | null {
  switch (alertRule) {
    case METRIC_ALERT_RULES.viewersDrop:
      return 'viewersDrop';
    case METRIC_ALERT_RULES.sentimentLow:
      return 'sentimentLow';
    case METRIC_ALERT_RULES.complaintSpike:
      return 'complaintSpike';
    case METRIC_ALERT_RULES.priceObjectionSpike:
      return 'priceObjectionSpike';
    case METRIC_ALERT_RULES.stockLow:
    case METRIC_ALERT_RULES.soldOut:
      return 'stock';
    case 'stream.droppedFrames':
    case 'stream.lowBitrate':
      return 'streamHealth';
    default:
      return null;
  }
}

/** Whether an alert (by its rule id) is also shown on the host view. */
export function isHostAlert(rule: string): boolean {
  return rule.startsWith('host.');
}

/** An order source: a Shopify shop (HMAC) or a generic order webhook sender (bearer token). */
export const OrderSource = z.object({
  id: z.string(),
  kind: z.enum(['shopify', 'generic']),
  name: z.string(),
  platform: z.string(),
  createdAt: Timestamp,
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  unauthorized: z.number().int(),
  lastAt: Timestamp.nullable(),
  /** Where to point the webhook (path on the console host). */
  path: z.string(),
});
export type OrderSource = z.infer<typeof OrderSource>;

const Name = z.string().trim().min(1).max(80);

export const metricsCommands = {
  /** The dashboard's numbers now. */
  'metrics.current': { input: z.object({}).default({}), output: MetricsSnapshot },
  /** Buckets since `from` (ms since epoch) at one resolution, oldest first. */
  'metrics.series': {
    input: z.object({ from: Timestamp.default(0), resolution: Resolution.default('second') }),
    output: z.array(MetricBucket),
  },
  'metrics.products': { input: z.object({}).default({}), output: z.array(ProductMetricsView) },
  /** Review: recomputed from the stored log with the same engine. */
  'metrics.forSession': { input: z.object({ sessionId: Id }), output: MetricsSnapshot },
  'metrics.getOptions': { input: z.object({}).default({}), output: MetricsOptionsView },
  'metrics.setOptions': { input: MetricsOptionsView, output: MetricsOptionsView },
  'alerts.getRules': { input: z.object({}).default({}), output: AlertRules },
  'alerts.setRules': { input: AlertRules, output: AlertRules },
  /** Registers a Shopify shop: orders/create and refunds/create go to POST /webhooks/shopify/<id>. */
  'orders.registerShopify': {
    input: z.object({ name: Name, secret: z.string().min(8).max(512) }),
    output: OrderSource,
  },
  /** A generic order webhook sender; its bearer token is shown once. */
  'orders.createGenericSource': {
    input: z.object({ name: Name, platform: z.string().trim().min(1).max(32).regex(/^[a-z0-9][a-z0-9_.-]*$/) }),
    output: z.object({ source: OrderSource, token: z.string() }),
  },
  'orders.listSources': { input: z.object({}).default({}), output: z.array(OrderSource) },
} as const;

export const metricsEvents = {
  /** The dashboard's numbers, at least once a second while anything happens. */
  'metrics.updated': MetricsSnapshot,
} as const;
