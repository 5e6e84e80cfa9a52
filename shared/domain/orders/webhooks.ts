/**
 * Order webhooks, parsed: Shopify `orders/create` and `refunds/create` bodies and the generic order webhook
 * (docs/orders.md). Pure: the console host verifies signatures and tokens, the core stores the result.
 *
 * Shopify sends prices as decimal strings ("129.00"); they become integer minor units through `parseMoney`,
 * never through a float. An amount with more decimals than the currency has is refused, not rounded.
 */
import { z } from 'zod';
import { CurrencyCode, Money } from '../../contract/common.js';
import { parseMoney } from '../money.js';

export interface ParsedOrderItem {
  readonly sku: string | null;
  readonly qty: number;
  readonly unitPrice: { readonly amount: number; readonly currency: string };
}

/** An order, whatever webhook it came from. `buyer` is the platform's raw customer id (pseudonymised on storing). */
export interface ParsedOrder {
  readonly platform: string;
  readonly orderId: string;
  readonly buyer: string | null;
  readonly items: readonly ParsedOrderItem[];
  readonly amount: { readonly amount: number; readonly currency: string };
  readonly occurredAt: number | null;
}

export interface ParsedRefund {
  readonly platform: string;
  readonly orderId: string;
  readonly refundId: string;
  readonly amount: { readonly amount: number; readonly currency: string };
  readonly occurredAt: number | null;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const IdLike = z.union([z.string().min(1).max(128), z.number().int().nonnegative()]).transform(String);
const Decimal = z.union([z.string().max(32), z.number()]).transform(String);
const Time = z.string().max(64).optional();

const ShopifyOrder = z.object({
  id: IdLike,
  currency: CurrencyCode,
  total_price: Decimal,
  created_at: Time,
  customer: z.object({ id: IdLike }).nullable().optional(),
  email: z.string().nullable().optional(),
  line_items: z
    .array(z.object({ sku: z.string().max(64).nullable().optional(), quantity: z.number().int().min(1).max(10_000), price: Decimal }))
    .max(500),
});

const ShopifyRefund = z.object({
  id: IdLike,
  order_id: IdLike,
  created_at: Time,
  transactions: z
    .array(
      z.object({
        kind: z.string().optional(),
        status: z.string().optional(),
        amount: Decimal,
        currency: CurrencyCode,
      }),
    )
    .max(100)
    .default([]),
});

const firstIssue = (e: z.ZodError): string => {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || 'body'}: ${i.message}` : 'invalid body';
};

const timeOf = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
};

/** A Shopify `orders/create` body. */
export function parseShopifyOrder(body: unknown): Parsed<ParsedOrder> {
  const r = ShopifyOrder.safeParse(body);
  if (!r.success) return { ok: false, reason: firstIssue(r.error) };
  const o = r.data;
  const total = parseMoney(o.total_price, o.currency);
  if (!total.ok) return { ok: false, reason: `total_price ${total.reason}` };
  const items: ParsedOrderItem[] = [];
  for (const [i, li] of o.line_items.entries()) {
    const price = parseMoney(li.price, o.currency);
    if (!price.ok) return { ok: false, reason: `line_items.${i}.price ${price.reason}` };
    items.push({ sku: li.sku ? li.sku : null, qty: li.quantity, unitPrice: price.money });
  }
  if (items.length === 0) return { ok: false, reason: 'line_items: an order needs at least one item' };
  return {
    ok: true,
    value: { platform: 'shopify', orderId: o.id, buyer: o.customer?.id ?? o.email ?? null, items, amount: total.money, occurredAt: timeOf(o.created_at) },
  };
}

/** A Shopify `refunds/create` body: the refunded amount is the sum of its successful refund transactions. */
export function parseShopifyRefund(body: unknown): Parsed<ParsedRefund> {
  const r = ShopifyRefund.safeParse(body);
  if (!r.success) return { ok: false, reason: firstIssue(r.error) };
  const txs = r.data.transactions.filter((t) => (t.kind ?? 'refund') === 'refund' && (t.status ?? 'success') === 'success');
  const currency = txs[0]?.currency;
  if (currency === undefined) return { ok: false, reason: 'transactions: no successful refund transaction' };
  let amount = 0;
  for (const [i, t] of txs.entries()) {
    if (t.currency !== currency) return { ok: false, reason: `transactions.${i}.currency differs from the first transaction` };
    const m = parseMoney(t.amount, currency);
    if (!m.ok) return { ok: false, reason: `transactions.${i}.amount ${m.reason}` };
    amount += m.money.amount;
  }
  return {
    ok: true,
    value: { platform: 'shopify', orderId: r.data.order_id, refundId: r.data.id, amount: { amount, currency }, occurredAt: timeOf(r.data.created_at) },
  };
}

const Platform = z.string().trim().min(1).max(32).regex(/^[a-z0-9][a-z0-9_.-]*$/, 'platform may hold lowercase letters, digits, ., - and _');
const OccurredAt = z.union([
  z.number().int().min(0).max(8.64e15),
  z.iso.datetime({ offset: true, message: 'occurredAt must be epoch ms or an ISO 8601 date-time' }).transform((s) => Date.parse(s)),
]);

/** The generic order webhook's body (docs/orders.md). Money is integer minor units with a currency code. */
export const GenericOrderBody = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('order'),
      platform: Platform.optional(),
      orderId: z.string().min(1, 'orderId is empty').max(128),
      buyerId: z.string().min(1).max(128).optional(),
      items: z
        .array(
          z.object({
            sku: z.string().trim().min(1, 'sku is empty').max(64),
            qty: z.number().int('qty must be an integer').min(1).max(10_000),
            unitPrice: Money,
          }),
        )
        .min(1, 'an order needs at least one item')
        .max(500),
      amount: Money,
      occurredAt: OccurredAt.optional(),
    })
    .refine((o) => o.items.every((i) => i.unitPrice.currency === o.amount.currency), {
      message: 'every item unitPrice must be in the currency of amount',
      path: ['items'],
    }),
  z.object({
    kind: z.literal('refund'),
    platform: Platform.optional(),
    orderId: z.string().min(1, 'orderId is empty').max(128),
    refundId: z.string().min(1, 'refundId is empty').max(128),
    amount: Money,
    occurredAt: OccurredAt.optional(),
  }),
]);

export type GenericParsed = { readonly kind: 'order'; readonly order: ParsedOrder } | { readonly kind: 'refund'; readonly refund: ParsedRefund };

/** A generic order webhook body; `platform` defaults to the source's. */
export function parseGenericOrder(body: unknown, defaultPlatform: string): Parsed<GenericParsed> {
  const r = GenericOrderBody.safeParse(body);
  if (!r.success) return { ok: false, reason: firstIssue(r.error) };
  const b = r.data;
  const platform = b.platform ?? defaultPlatform;
  if (b.kind === 'order') {
    return {
      ok: true,
      value: {
        kind: 'order',
        order: { platform, orderId: b.orderId, buyer: b.buyerId ?? null, items: b.items, amount: b.amount, occurredAt: b.occurredAt ?? null },
      },
    };
  }
  return { ok: true, value: { kind: 'refund', refund: { platform, orderId: b.orderId, refundId: b.refundId, amount: b.amount, occurredAt: b.occurredAt ?? null } } };
}
