/**
 * From event-log facts to metric events: the one mapping the live metrics service and the post-show review both
 * use, so replaying a recorded log gives the numbers the live dashboard showed.
 *
 * Time: every metric event is placed at the log row's `recordedAt` (this machine's clock, in log order), not at
 * the platform's `occurredAt`: windows and attribution need events in order, and a replayed recording carries
 * old platform times.
 *
 * Orders are keyed `platform:orderId`, so an order that arrives by two paths (the audience connector and an
 * order webhook) is counted once.
 */
import { z } from 'zod';
import type { MetricEvent, OrderItem } from './engine.js';

/** The part of a stored log row the mapping reads. */
export interface LogFact {
  readonly type: string;
  readonly payload: unknown;
  readonly recordedAt: number;
}

const MoneyShape = z.object({ amount: z.number().int(), currency: z.string() });
const UserId = z.string().nullable().optional();
const Label = z.object({ sentiment: z.enum(['positive', 'neutral', 'negative']), intents: z.array(z.string()) }).nullable().optional();

const CommentP = z.object({ userId: UserId, label: Label });
const UserP = z.object({ userId: UserId });
const LikesP = z.object({ count: z.number().int() });
const GiftP = z.object({ gift: z.object({ value: MoneyShape }).optional() });
const ViewersP = z.object({ viewers: z.number().int() });
const ClickP = z.object({ userId: UserId, productId: z.string().nullable().optional(), sku: z.string().nullable().optional() });
const OrderP = z.object({
  platform: z.string(),
  orderId: z.string(),
  userId: UserId,
  productId: z.string().nullable().optional(),
  items: z.array(
    z.object({ sku: z.string().nullable().optional(), productId: z.string().nullable().optional(), qty: z.number().int(), unitPrice: MoneyShape }),
  ),
  amount: MoneyShape,
});
const RefundP = z.object({ platform: z.string(), orderId: z.string(), amount: MoneyShape });
const PresentedP = z.object({ productId: z.string(), sku: z.string().nullable().optional(), stock: z.number().int().nullable().optional() });

const INTENTS = new Set(['purchase', 'price_objection', 'question', 'complaint', 'praise']);
type IntentName = Extract<MetricEvent, { kind: 'comment' }>['intents'][number];
const isIntent = (s: string): s is IntentName => INTENTS.has(s);

/** The order key of the metrics: one order per platform and platform order id. */
export const orderKey = (platform: string, orderId: string): string => `${platform}:${orderId}`;

/**
 * Stateful mapping (it learns SKU → product from `ProductPresented` facts). `productOfSku` is the fallback for a
 * SKU the log has not named yet (the catalog); pass the same one to live and review for the same numbers.
 */
export class LogMapper {
  private readonly skus = new Map<string, string>();
  constructor(private readonly productOfSku: (sku: string) => string | null = () => null) {}

  private product(sku: string | null | undefined): string | null {
    if (!sku) return null;
    return this.skus.get(sku) ?? this.productOfSku(sku);
  }

  /** The metric events of one fact (none for facts the metrics do not read). */
  map(f: LogFact): MetricEvent[] {
    const at = f.recordedAt;
    const p = f.payload;
    switch (f.type) {
      case 'CommentReceived': {
        const c = CommentP.safeParse(p);
        if (!c.success) return [];
        const label = c.data.label ?? null;
        return [
          {
            kind: 'comment',
            at,
            userId: c.data.userId ?? 'anonymous',
            sentiment: label?.sentiment ?? null,
            intents: (label?.intents ?? []).filter(isIntent),
          },
        ];
      }
      case 'ViewerEntered':
      case 'ViewerLeft': {
        const u = UserP.safeParse(p);
        if (!u.success || !u.data.userId) return [];
        return [{ kind: f.type === 'ViewerEntered' ? 'enter' : 'leave', at, userId: u.data.userId }];
      }
      case 'ViewerCountReported': {
        const v = ViewersP.safeParse(p);
        return v.success ? [{ kind: 'viewer_count', at, count: v.data.viewers }] : [];
      }
      case 'LikesReceived': {
        const l = LikesP.safeParse(p);
        return l.success ? [{ kind: 'like', at, count: l.data.count }] : [];
      }
      case 'RoomShared':
        return [{ kind: 'share', at }];
      case 'ViewerFollowed':
        return [{ kind: 'follow', at }];
      case 'GiftSent': {
        const g = GiftP.safeParse(p);
        return [{ kind: 'gift', at, value: g.success && g.data.gift ? g.data.gift.value : null }];
      }
      case 'ProductClicked': {
        const c = ClickP.safeParse(p);
        if (!c.success) return [];
        return [{ kind: 'product_click', at, userId: c.data.userId ?? 'anonymous', productId: c.data.productId ?? this.product(c.data.sku) }];
      }
      case 'OrderPlaced': {
        const o = OrderP.safeParse(p);
        if (!o.success) return [];
        const { platform, orderId, userId, items, amount } = o.data;
        const single = items.length === 1 ? (o.data.productId ?? null) : null;
        const mapped: OrderItem[] = items.map((i) => ({
          sku: i.sku ?? null,
          productId: i.productId ?? single ?? this.product(i.sku),
          quantity: i.qty,
          unitPrice: i.unitPrice.amount,
        }));
        const key = orderKey(platform, orderId);
        return [{ kind: 'order', at, orderId: key, buyerId: userId ?? `order:${key}`, total: amount, items: mapped }];
      }
      case 'OrderRefunded': {
        const r = RefundP.safeParse(p);
        return r.success ? [{ kind: 'refund', at, orderId: orderKey(r.data.platform, r.data.orderId), amount: r.data.amount }] : [];
      }
      case 'ProductPresented': {
        const pr = PresentedP.safeParse(p);
        if (!pr.success) return [];
        if (pr.data.sku) this.skus.set(pr.data.sku, pr.data.productId);
        return [{ kind: 'product_presented', at, productId: pr.data.productId, stock: pr.data.stock ?? null }];
      }
      case 'SegmentStarted':
        // The segment's product (if any) follows as ProductPresented in the same transaction.
        return [{ kind: 'presentation_ended', at }];
      case 'ShowEnded':
        return [{ kind: 'show_ended', at }];
      default:
        return [];
    }
  }
}

/** All metric events of a list of facts, in order. */
export function metricEventsOf(facts: readonly LogFact[], productOfSku?: (sku: string) => string | null): MetricEvent[] {
  const m = new LogMapper(productOfSku);
  const out: MetricEvent[] = [];
  for (const f of facts) for (const e of m.map(f)) out.push(e);
  return out;
}
