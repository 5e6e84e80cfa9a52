import type { RoomProduct } from '../../../shared/domain/audience/rehearsalRoom.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/db.js';

interface Presented {
  readonly productId?: unknown;
  readonly sku?: unknown;
  readonly name?: unknown;
  readonly price?: unknown;
  readonly promoPrice?: unknown;
}

function money(v: unknown): RoomProduct['price'] | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as { amount?: unknown; currency?: unknown };
  return typeof m.amount === 'number' && Number.isSafeInteger(m.amount) && m.amount >= 0 && typeof m.currency === 'string'
    ? { amount: m.amount, currency: m.currency }
    : null;
}

/**
 * The product being presented, read from the show's facts: the latest `ProductPresented` unless a later
 * `SegmentStarted` (a segment without a product) or `ShowEnded` ended it. Each look-up is three index seeks
 * (event_log (type, seq)); the answer is cached for `cacheMs`. The rehearsal room talks about this product.
 */
export function presentedProductFromLog(db: Db, clock: Clock, cacheMs = 1_000): () => RoomProduct | null {
  const latest = db.prepare('SELECT seq, payload FROM event_log WHERE type = ? ORDER BY seq DESC LIMIT 1');
  let cached: { at: number; product: RoomProduct | null } | null = null;
  const seqOf = (type: string): { seq: number; payload: string } | null => (latest.get(type) as { seq: number; payload: string } | undefined) ?? null;
  return () => {
    const now = clock.now();
    if (cached && now - cached.at < cacheMs) return cached.product;
    const presented = seqOf('ProductPresented');
    const ended = Math.max(seqOf('SegmentStarted')?.seq ?? 0, seqOf('ShowEnded')?.seq ?? 0);
    let product: RoomProduct | null = null;
    if (presented && presented.seq > ended) {
      try {
        const p = JSON.parse(presented.payload) as Presented;
        const price = money(p.promoPrice) ?? money(p.price);
        if (typeof p.sku === 'string' && typeof p.name === 'string' && price) {
          product = { id: typeof p.productId === 'string' ? p.productId : null, sku: p.sku, name: p.name, price };
        }
      } catch {
        product = null;
      }
    }
    cached = { at: now, product };
    return product;
  };
}
