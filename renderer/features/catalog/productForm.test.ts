import { describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/catalog.js';
import { changedFields, EMPTY_FORM, formFromProduct, readProductForm, type ProductFormValues } from './productForm.js';

const product: Product = {
  id: 'p1',
  sku: 'TEA-01',
  name: 'Oolong tea',
  price: { amount: 12900, currency: 'CNY' },
  promoPrice: { amount: 9990, currency: 'CNY' },
  stock: 12,
  imageUrl: 'https://example.com/tea.jpg',
  talkingPoints: ['Hand picked', 'Gift box'],
  createdAt: 1,
  updatedAt: 2,
};

const form = (over: Partial<ProductFormValues>): ProductFormValues => ({ ...EMPTY_FORM, sku: 'A1', name: 'Cup', price: '129.00', ...over });

describe('readProductForm', () => {
  it('reads decimal prices exactly into minor units', () => {
    const r = readProductForm(form({ price: '129.00', promo: '0.29' }), 'CNY');
    expect(r).toMatchObject({ ok: true, draft: { price: { amount: 12900, currency: 'CNY' }, promoPrice: { amount: 29, currency: 'CNY' } } });
    const r2 = readProductForm(form({ price: '1,299.9' }), 'CNY');
    expect(r2).toMatchObject({ ok: true, draft: { price: { amount: 129990 } } });
  });

  it('trims text, drops blank talking points and reads empty optional fields as null', () => {
    const r = readProductForm(form({ sku: ' A1 ', name: ' Cup ', points: ' one \r\n\n two \n', imageUrl: '  ', stock: '' }), 'CNY');
    expect(r).toEqual({
      ok: true,
      draft: { sku: 'A1', name: 'Cup', price: { amount: 12900, currency: 'CNY' }, promoPrice: null, stock: 0, imageUrl: null, talkingPoints: ['one', 'two'] },
    });
  });

  it('reports every unreadable field at once', () => {
    const r = readProductForm({ sku: ' ', name: '', price: '12.345', promo: 'cheap', stock: '-1', imageUrl: 'ftp://x', points: '' }, 'CNY');
    expect(r).toEqual({
      ok: false,
      problems: { sku: 'required', name: 'required', price: 'price', promo: 'price', stock: 'stock', imageUrl: 'imageUrl' },
    });
  });

  it('requires a price and rejects fractional stock', () => {
    expect(readProductForm(form({ price: '' }), 'CNY')).toEqual({ ok: false, problems: { price: 'required' } });
    expect(readProductForm(form({ stock: '1.5' }), 'CNY')).toEqual({ ok: false, problems: { stock: 'stock' } });
  });
});

describe('formFromProduct + changedFields', () => {
  it('round-trips a product with no changes into an empty patch', () => {
    const r = readProductForm(formFromProduct(product), 'CNY');
    if (!r.ok) throw new Error('expected the form to read');
    expect(changedFields(product, r.draft)).toEqual({});
  });

  it('patches only what changed', () => {
    const r = readProductForm({ ...formFromProduct(product), stock: '3', promo: '', points: 'Hand picked' }, 'CNY');
    if (!r.ok) throw new Error('expected the form to read');
    expect(changedFields(product, r.draft)).toEqual({ stock: 3, promoPrice: null, talkingPoints: ['Hand picked'] });
  });
});
