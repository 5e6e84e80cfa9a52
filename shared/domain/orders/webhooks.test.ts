import { describe, expect, it } from 'vitest';
import { parseGenericOrder, parseShopifyOrder, parseShopifyRefund } from './webhooks.js';

const shopifyOrder = {
  id: 5678901234567,
  currency: 'CNY',
  total_price: '228.00',
  created_at: '2026-11-23T20:00:00+08:00',
  customer: { id: 7123456789012 },
  line_items: [
    { sku: 'CUP-01', quantity: 2, price: '99.00' },
    { sku: 'TEA-1', quantity: 1, price: '30' },
  ],
};

describe('Shopify orders/create', () => {
  it('turns decimal strings into minor units without floats', () => {
    const r = parseShopifyOrder(shopifyOrder);
    expect(r).toEqual({
      ok: true,
      value: {
        platform: 'shopify',
        orderId: '5678901234567',
        buyer: '7123456789012',
        items: [
          { sku: 'CUP-01', qty: 2, unitPrice: { amount: 9900, currency: 'CNY' } },
          { sku: 'TEA-1', qty: 1, unitPrice: { amount: 3000, currency: 'CNY' } },
        ],
        amount: { amount: 22800, currency: 'CNY' },
        occurredAt: Date.parse('2026-11-23T12:00:00Z'),
      },
    });
  });
  it('uses the currency exponent (JPY has none) and refuses extra decimals', () => {
    const jpy = parseShopifyOrder({ ...shopifyOrder, currency: 'JPY', total_price: '1200', line_items: [{ sku: 'A', quantity: 1, price: '1200' }] });
    expect(jpy.ok && jpy.value.amount).toEqual({ amount: 1200, currency: 'JPY' });
    const bad = parseShopifyOrder({ ...shopifyOrder, total_price: '1.005' });
    expect(bad).toEqual({ ok: false, reason: expect.stringContaining('decimals') as unknown });
  });
  it('refuses bodies that are not orders, with the field named', () => {
    expect(parseShopifyOrder({ id: 1 })).toMatchObject({ ok: false, reason: expect.stringContaining('currency') as unknown });
    expect(parseShopifyOrder({ ...shopifyOrder, line_items: [] })).toMatchObject({ ok: false, reason: expect.stringContaining('line_items') as unknown });
  });
});

describe('Shopify refunds/create', () => {
  it('sums successful refund transactions only', () => {
    const r = parseShopifyRefund({
      id: 929361462,
      order_id: 5678901234567,
      transactions: [
        { kind: 'refund', status: 'success', amount: '99.00', currency: 'CNY' },
        { kind: 'refund', status: 'failure', amount: '30.00', currency: 'CNY' },
        { kind: 'refund', status: 'success', amount: '1.50', currency: 'CNY' },
      ],
    });
    expect(r).toEqual({ ok: true, value: { platform: 'shopify', orderId: '5678901234567', refundId: '929361462', amount: { amount: 10050, currency: 'CNY' }, occurredAt: null } });
  });
  it('refuses a refund without a successful transaction', () => {
    expect(parseShopifyRefund({ id: 1, order_id: 2, transactions: [] }).ok).toBe(false);
  });
});

describe('generic order webhook', () => {
  it('parses an order, defaulting the platform to the source', () => {
    const r = parseGenericOrder(
      { kind: 'order', orderId: 'DY-1', buyerId: 'u1', items: [{ sku: 'CUP-01', qty: 1, unitPrice: { amount: 9900, currency: 'CNY' } }], amount: { amount: 9900, currency: 'CNY' } },
      'douyin',
    );
    expect(r.ok && r.value.kind === 'order' && r.value.order.platform).toBe('douyin');
  });
  it('parses a refund', () => {
    const r = parseGenericOrder({ kind: 'refund', platform: 'taobao', orderId: 'T1', refundId: 'R1', amount: { amount: 500, currency: 'CNY' } }, 'douyin');
    expect(r).toMatchObject({ ok: true, value: { kind: 'refund', refund: { platform: 'taobao', refundId: 'R1' } } });
  });
  it.each([
    ['float money', { kind: 'order', orderId: 'x', items: [{ sku: 'A', qty: 1, unitPrice: { amount: 1.5, currency: 'CNY' } }], amount: { amount: 1, currency: 'CNY' } }],
    ['mixed currencies', { kind: 'order', orderId: 'x', items: [{ sku: 'A', qty: 1, unitPrice: { amount: 1, currency: 'USD' } }], amount: { amount: 1, currency: 'CNY' } }],
    ['no items', { kind: 'order', orderId: 'x', items: [], amount: { amount: 1, currency: 'CNY' } }],
    ['unknown kind', { kind: 'purchase' }],
    ['refund without id', { kind: 'refund', orderId: 'x', amount: { amount: 1, currency: 'CNY' } }],
  ])('refuses %s with a reason', (_why, body) => {
    const r = parseGenericOrder(body, 'douyin');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason.length).toBeGreaterThan(3);
  });
});
