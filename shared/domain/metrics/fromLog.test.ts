import { describe, expect, it } from 'vitest';
import { computeMetrics } from './engine.js';
import { LogMapper, metricEventsOf, type LogFact } from './fromLog.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const U = (n: number) => n.toString(16).padStart(32, '0');

const facts: LogFact[] = [
  { type: 'ShowStarted', payload: { sessionId: 's1' }, recordedAt: 0 },
  { type: 'ViewerEntered', payload: { kind: 'enter', userId: U(1) }, recordedAt: 100 },
  { type: 'ViewerEntered', payload: { kind: 'enter', userId: U(2) }, recordedAt: 200 },
  { type: 'ViewerCountReported', payload: { kind: 'viewer_count', userId: null, viewers: 120 }, recordedAt: 300 },
  { type: 'SegmentStarted', payload: { segmentId: 'g1', productId: 'p-cup' }, recordedAt: 1_000 },
  { type: 'ProductPresented', payload: { productId: 'p-cup', sku: 'CUP-01', stock: 10 }, recordedAt: 1_000 },
  { type: 'CommentReceived', payload: { kind: 'comment', userId: U(1), label: { sentiment: 'negative', intents: ['price_objection'], confidence: 0.9 } }, recordedAt: 2_000 },
  { type: 'ProductClicked', payload: { kind: 'product_click', userId: U(1), productId: null, sku: 'CUP-01' }, recordedAt: 2_500 },
  // The same order arrives from the audience connector and from the order webhook: counted once.
  { type: 'OrderPlaced', payload: { kind: 'order', platform: 'douyin', orderId: 'o1', userId: U(1), productId: null, items: [{ sku: 'CUP-01', qty: 2, unitPrice: cny(9900) }], amount: cny(19800) }, recordedAt: 3_000 },
  { type: 'OrderPlaced', payload: { kind: 'order', platform: 'douyin', orderId: 'o1', userId: U(1), productId: 'p-cup', items: [{ sku: 'CUP-01', productId: 'p-cup', qty: 2, unitPrice: cny(9900) }], amount: cny(19800) }, recordedAt: 3_100 },
  // Same order id on another platform is another order.
  { type: 'OrderPlaced', payload: { kind: 'order', platform: 'shopify', orderId: 'o1', userId: U(2), productId: null, items: [{ sku: 'TEA-1', qty: 1, unitPrice: cny(3000) }], amount: cny(3000) }, recordedAt: 3_200 },
  { type: 'OrderRefunded', payload: { platform: 'douyin', orderId: 'o1', refundId: 'r1', amount: cny(9900) }, recordedAt: 4_000 },
  { type: 'SegmentStarted', payload: { segmentId: 'g2', productId: null }, recordedAt: 5_000 },
  { type: 'AlertRaised', payload: { rule: 'x' }, recordedAt: 5_100 },
  { type: 'ShowEnded', payload: { sessionId: 's1' }, recordedAt: 9_000 },
];

describe('LogMapper', () => {
  it('maps every fact the metrics read, at the recorded time', () => {
    const m = new LogMapper(() => null);
    expect(m.map(facts[3]!)).toEqual([{ kind: 'viewer_count', at: 300, count: 120 }]);
    expect(m.map(facts[5]!)).toEqual([{ kind: 'product_presented', at: 1_000, productId: 'p-cup', stock: 10 }]);
    expect(m.map(facts[6]!)).toEqual([{ kind: 'comment', at: 2_000, userId: U(1), sentiment: 'negative', intents: ['price_objection'] }]);
    // SKU learnt from ProductPresented.
    expect(m.map(facts[7]!)).toEqual([{ kind: 'product_click', at: 2_500, userId: U(1), productId: 'p-cup' }]);
    expect(m.map(facts[13]!)).toEqual([]);
    expect(m.map({ type: 'OrderPlaced', payload: { nonsense: true }, recordedAt: 1 })).toEqual([]);
  });

  it('keys orders platform:orderId, so one order by two paths counts once', () => {
    const m = computeMetrics(metricEventsOf(facts), 9_000);
    expect(m.orders).toBe(2);
    expect(m.gmv).toEqual(cny(22800));
    expect(m.refunds).toEqual(cny(9900));
    expect(m.buyers).toBe(2);
    expect(m.units).toBe(3);
    const cup = m.perProduct.find((p) => p.productId === 'p-cup');
    expect(cup).toMatchObject({ orders: 1, units: 2, gmv: cny(19800), clicks: 1, clickConversion: 1, presentedMs: 4_000 });
    expect(m.currentProductId).toBeNull();
  });

  it('falls back to the catalog for a SKU the log has not named', () => {
    const events = metricEventsOf(facts, (sku) => (sku === 'TEA-1' ? 'p-tea' : null));
    const order = events.find((e) => e.kind === 'order' && e.orderId === 'shopify:o1');
    expect(order).toMatchObject({ items: [{ sku: 'TEA-1', productId: 'p-tea', quantity: 1, unitPrice: 3000 }] });
  });
});
