import { createHash, randomBytes } from 'node:crypto';
import type { OrderSource } from '../../../shared/contract/metrics.js';
import type { ParsedOrder, ParsedRefund } from '../../../shared/domain/orders/webhooks.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';

export type StoreOutcome = 'stored' | 'duplicate';

/** An authenticated order source as the webhook endpoints see it. */
export interface OrderSourceRecord {
  readonly id: string;
  readonly kind: 'shopify' | 'generic';
  readonly platform: string;
}

/**
 * Order sources and the orders they deliver. Each delivery id is stored once (a redelivery is acknowledged and
 * ignored); each order and refund is stored once per platform id (the same order by two paths is one fact).
 * Stored orders become `OrderPlaced` / `OrderRefunded` facts in the log with integer minor units and currency.
 */
export interface OrdersService {
  registerShopify(name: string, secret: string): OrderSource;
  createGeneric(name: string, platform: string): { source: OrderSource; token: string };
  list(): OrderSource[];
  /** The Shopify source and its webhook secret, or null. */
  shopify(sourceId: string): { source: OrderSourceRecord; secret: string } | null;
  authenticate(token: string): OrderSourceRecord | null;
  /** Counts a request refused for its signature or token (per source when known). */
  noteUnauthorized(sourceId: string | null): void;
  noteRejected(sourceId: string): void;
  unauthorizedTotal(): number;
  recordOrder(source: OrderSourceRecord, deliveryId: string | null, order: ParsedOrder): StoreOutcome;
  recordRefund(source: OrderSourceRecord, deliveryId: string | null, refund: ParsedRefund): StoreOutcome;
}

interface Row {
  id: string;
  kind: 'shopify' | 'generic';
  name: string;
  platform: string;
  secret_enc: string | null;
  token_hash: string | null;
  created_at: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  unauthorized: number;
  last_at: number | null;
}

const hashToken = (t: string): string => createHash('sha256').update(t, 'utf8').digest('hex');

const viewOf = (r: Row): OrderSource => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  platform: r.platform,
  createdAt: r.created_at,
  accepted: r.accepted,
  duplicates: r.duplicates,
  rejected: r.rejected,
  unauthorized: r.unauthorized,
  lastAt: r.last_at,
  path: r.kind === 'shopify' ? `/webhooks/shopify/${r.id}` : '/webhooks/orders',
});

export interface OrdersDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly secrets: SecretBox;
  readonly newId: () => string;
  /** Catalog product of a SKU (line items are matched to products by SKU). */
  readonly productOfSku: (sku: string) => string | null;
  /** Pseudonym of a platform buyer id (the audience pipeline's, so a buyer is the same person on both paths). */
  readonly pseudonymise: (platform: string, rawId: string) => string;
  /** After a new order or refund is in the log. */
  readonly onStored: () => void;
}

export function createOrdersService(deps: OrdersDeps): OrdersService {
  const { db, events, clock, secrets, newId, productOfSku, pseudonymise, onStored } = deps;
  const insertSource = db.prepare(
    'INSERT INTO order_sources (id, kind, name, platform, secret_enc, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare('SELECT * FROM order_sources WHERE id = ?');
  const byToken = db.prepare("SELECT * FROM order_sources WHERE token_hash = ? AND kind = 'generic'");
  const all = db.prepare('SELECT * FROM order_sources ORDER BY created_at, id');
  const bump = {
    accepted: db.prepare('UPDATE order_sources SET accepted = accepted + 1, last_at = ? WHERE id = ?'),
    duplicates: db.prepare('UPDATE order_sources SET duplicates = duplicates + 1, last_at = ? WHERE id = ?'),
    rejected: db.prepare('UPDATE order_sources SET rejected = rejected + 1 WHERE id = ?'),
    unauthorized: db.prepare('UPDATE order_sources SET unauthorized = unauthorized + 1 WHERE id = ?'),
  };
  const insertDelivery = db.prepare('INSERT OR IGNORE INTO order_deliveries (source_id, delivery_id, received_at) VALUES (?, ?, ?)');
  const insertOrder = db.prepare(
    'INSERT OR IGNORE INTO orders (platform, order_id, event_id, source_id, amount, currency, placed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRefund = db.prepare(
    'INSERT OR IGNORE INTO order_refunds (platform, refund_id, order_id, event_id, amount, currency, refunded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let unknownUnauthorized = 0;

  const get = (id: string): Row => {
    const r = byId.get(id) as Row | undefined;
    if (!r) throw new AppError('NOT_FOUND', `order source ${id} does not exist`);
    return r;
  };
  const record = (r: Row): OrderSourceRecord => ({ id: r.id, kind: r.kind, platform: r.platform });

  const firstDelivery = (sourceId: string, deliveryId: string | null, at: number): boolean =>
    deliveryId === null || insertDelivery.run(sourceId, deliveryId, at).changes === 1;

  const storeOrder = db.transaction((source: OrderSourceRecord, deliveryId: string | null, o: ParsedOrder): StoreOutcome => {
    const at = clock.now();
    if (!firstDelivery(source.id, deliveryId, at)) {
      bump.duplicates.run(at, source.id);
      return 'duplicate';
    }
    const eventId = newId();
    if (insertOrder.run(o.platform, o.orderId, eventId, source.id, o.amount.amount, o.amount.currency, at).changes !== 1) {
      bump.duplicates.run(at, source.id);
      return 'duplicate';
    }
    const items = o.items.map((i) => ({ sku: i.sku, productId: i.sku === null ? null : productOfSku(i.sku), qty: i.qty, unitPrice: i.unitPrice }));
    const productIds = new Set(items.map((i) => i.productId));
    const only = productIds.size === 1 ? (items[0]?.productId ?? null) : null;
    events.appendNow([
      {
        type: 'OrderPlaced',
        subject: only === null ? null : `product:${only}`,
        payload: {
          kind: 'order',
          platform: o.platform,
          connectorId: `orders:${source.id}`,
          orderId: o.orderId,
          userId: o.buyer === null ? null : pseudonymise(o.platform, o.buyer),
          productId: only,
          items,
          amount: o.amount,
          occurredAt: o.occurredAt ?? at,
          receivedAt: at,
          simulated: false,
        },
      },
    ]);
    bump.accepted.run(at, source.id);
    return 'stored';
  });

  const storeRefund = db.transaction((source: OrderSourceRecord, deliveryId: string | null, r: ParsedRefund): StoreOutcome => {
    const at = clock.now();
    if (!firstDelivery(source.id, deliveryId, at)) {
      bump.duplicates.run(at, source.id);
      return 'duplicate';
    }
    const eventId = newId();
    if (insertRefund.run(r.platform, r.refundId, r.orderId, eventId, r.amount.amount, r.amount.currency, at).changes !== 1) {
      bump.duplicates.run(at, source.id);
      return 'duplicate';
    }
    events.appendNow([
      {
        type: 'OrderRefunded',
        subject: null,
        payload: { platform: r.platform, orderId: r.orderId, refundId: r.refundId, amount: r.amount, occurredAt: r.occurredAt ?? at, receivedAt: at },
      },
    ]);
    bump.accepted.run(at, source.id);
    return 'stored';
  });

  return {
    registerShopify(name, secret) {
      const id = newId();
      insertSource.run(id, 'shopify', name, 'shopify', secrets.encrypt(secret), null, clock.now());
      return viewOf(get(id));
    },
    createGeneric(name, platform) {
      const id = newId();
      const token = `ord_${randomBytes(24).toString('base64url')}`;
      insertSource.run(id, 'generic', name, platform, null, hashToken(token), clock.now());
      return { source: viewOf(get(id)), token };
    },
    list: () => (all.all() as Row[]).map(viewOf),
    shopify(sourceId) {
      if (sourceId.length > 64) return null;
      const r = byId.get(sourceId) as Row | undefined;
      if (r?.kind !== 'shopify' || r.secret_enc === null) return null;
      return { source: record(r), secret: secrets.decrypt(r.secret_enc) };
    },
    authenticate(token) {
      if (token.length > 200) return null;
      const r = byToken.get(hashToken(token)) as Row | undefined;
      return r ? record(r) : null;
    },
    noteUnauthorized(sourceId) {
      if (sourceId === null || bump.unauthorized.run(sourceId).changes === 0) unknownUnauthorized++;
    },
    noteRejected(sourceId) {
      bump.rejected.run(sourceId);
    },
    unauthorizedTotal: () =>
      unknownUnauthorized + (db.prepare('SELECT coalesce(sum(unauthorized), 0) AS n FROM order_sources').get() as { n: number }).n,
    recordOrder(source, deliveryId, order) {
      const outcome = storeOrder(source, deliveryId, order);
      if (outcome === 'stored') onStored();
      return outcome;
    },
    recordRefund(source, deliveryId, refund) {
      const outcome = storeRefund(source, deliveryId, refund);
      if (outcome === 'stored') onStored();
      return outcome;
    },
  };
}
