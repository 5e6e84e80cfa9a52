import { describe, expect, it } from 'vitest';
import type { Product } from '../../contract/catalog.js';
import { mergeQueueProduct, priceProblem } from './queueProduct.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const cup: Product = {
  id: 'p1',
  sku: 'CUP-01',
  name: '保温杯',
  price: cny(12900),
  promoPrice: cny(9900),
  stock: 120,
  imageUrl: null,
  talkingPoints: ['12 小时保温'],
  createdAt: 1,
  updatedAt: 1,
};

describe('queue product', () => {
  it('is the catalog product with the session overrides on top', () => {
    expect(mergeQueueProduct(cup, cup, {})).toMatchObject({ price: cny(12900), promoPrice: cny(9900), stock: 120, coupon: null, overridden: [], deleted: false });
    const m = mergeQueueProduct({ ...cup, stock: 80 }, cup, { promoPrice: null, stock: 7, coupon: '满199减30' });
    expect(m).toMatchObject({ price: cny(12900), promoPrice: null, stock: 7, coupon: '满199减30', overridden: ['promoPrice', 'stock', 'coupon'] });
  });

  it('falls back to the snapshot when the catalog product is gone', () => {
    expect(mergeQueueProduct(null, cup, { price: cny(100) })).toMatchObject({ name: '保温杯', price: cny(100), deleted: true });
  });

  it('checks prices', () => {
    expect(priceProblem({ price: cny(100), promoPrice: cny(101) })).toBe('promo price is higher than price');
    expect(priceProblem({ price: cny(100), promoPrice: { amount: 1, currency: 'USD' } })).toMatch(/same currency/);
    expect(priceProblem({ price: cny(100), promoPrice: null })).toBeNull();
  });
});
