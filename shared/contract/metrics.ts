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

/** Headline numbers 60 s ago (for the deltas); null fields where nothing was known then. */
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
  /** Change against the numbers 60 s ago: current minus then. */
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

/** Alert rules with studio-editable thresholds; `host` rules also show on the host view. */
export const AlertRules = z.object({
  viewersDrop: z.object({ enabled: z.boolean(), dropPct: z.number().min(1).max(100), windowSec: z.number().int().min(10).max(600) }),
  sentimentLow: z.object({ enabled: z.boolean(), below: z.number().min(-1).max(1), forSec: z.number().int().min(5).max(600) }),
  complaintSpike: z.object({ enabled: z.boolean(), perMinute: z.number().int().min(1).max(100_000) }),
  priceObjectionSpike: z.object({ enabled: z.boolean(), perMinute: z.number().int().min(1).max(100_000) }),
  stock: z.object({ enabled: z.boolean(), lowAt: z.number().int().min(0).max(1_000_000) }),
});
export type AlertRules = z.infer<typeof AlertRules>;

export const DEFAULT_ALERT_RULES: AlertRules = {
  viewersDrop: { enabled: true, dropPct: 20, windowSec: 60 },
  sentimentLow: { enabled: true, below: -0.3, forSec: 30 },
  complaintSpike: { enabled: true, perMinute: 10 },
  priceObjectionSpike: { enabled: true, perMinute: 8 },
  stock: { enabled: true, lowAt: 5 },
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
