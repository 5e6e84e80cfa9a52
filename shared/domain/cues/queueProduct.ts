import type { Product } from '../../contract/catalog.js';
import { QUEUE_FIELDS, type QueueField, type QueueOverrides, type QueueProduct } from '../../contract/cues.js';

/**
 * The product as a show sells it: the catalog's current values, with the session's overrides on top. When the
 * catalog product has been deleted since it was queued, the snapshot taken when it was queued stands in.
 */
export function mergeQueueProduct(catalog: Product | null, snapshot: Product, overrides: QueueOverrides): QueueProduct {
  const base = catalog ?? snapshot;
  const overridden = QUEUE_FIELDS.filter((f: QueueField) => overrides[f] !== undefined);
  return {
    productId: base.id,
    sku: base.sku,
    name: base.name,
    imageUrl: base.imageUrl,
    price: overrides.price ?? base.price,
    promoPrice: overrides.promoPrice !== undefined ? overrides.promoPrice : base.promoPrice,
    stock: overrides.stock ?? base.stock,
    coupon: overrides.coupon !== undefined ? overrides.coupon : null,
    talkingPoints: overrides.talkingPoints ?? base.talkingPoints,
    deleted: catalog === null,
    overridden,
  };
}

/** Why a merged product's prices cannot stand (null when they can): one currency, promo not above the price. */
export function priceProblem(p: Pick<QueueProduct, 'price' | 'promoPrice'>): string | null {
  if (p.promoPrice && p.promoPrice.currency !== p.price.currency) return 'promo price and price must be in the same currency';
  if (p.promoPrice && p.promoPrice.amount > p.price.amount) return 'promo price is higher than price';
  return null;
}
