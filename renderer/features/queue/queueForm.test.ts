import { describe, expect, it } from 'vitest';
import type { QueueItem } from '../../../shared/contract/cues.js';
import { hlcEncode } from '../../../shared/domain/hlc.js';
import { changedSince, describeValue, formFromItem, readQueueForm, writtenAt } from './queueForm.js';

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const hlc = (wall: number) => hlcEncode({ wall, counter: 0, node: 'n1' });

const item: QueueItem = {
  id: 'q1',
  sessionId: 's1',
  productId: 'p1',
  position: 'a0',
  product: {
    productId: 'p1',
    sku: 'CUP-316',
    name: 'Cup',
    imageUrl: null,
    price: cny(12900),
    promoPrice: cny(9900),
    stock: 120,
    coupon: null,
    talkingPoints: ['Keeps hot 12 h', '316 steel'],
    deleted: false,
    overridden: [],
  },
  overrides: {},
  fieldHlc: { position: hlc(1000) },
  hlc: hlc(1000),
  addedAt: 1000,
};

describe('queue form', () => {
  it('shows the product as this show sells it', () => {
    expect(formFromItem(item)).toEqual({ price: '129.00', promoPrice: '99.00', stock: '120', coupon: '', talkingPoints: 'Keeps hot 12 h\n316 steel' });
  });

  it('sends only touched fields, prices as exact minor units', () => {
    const values = { ...formFromItem(item), price: '88.8', stock: '7', coupon: '  SPRING10 ' };
    const r = readQueueForm(values, new Set(['price', 'coupon']), new Set(), 'CNY');
    expect(r).toEqual({ ok: true, patch: { price: cny(8880), coupon: 'SPRING10' }, reset: [] });
  });

  it('reads empty promo price and coupon as none, and splits talking points by line', () => {
    const values = { ...formFromItem(item), promoPrice: ' ', coupon: '', talkingPoints: 'a\n\n b \n' };
    const r = readQueueForm(values, new Set(['promoPrice', 'coupon', 'talkingPoints']), new Set(), 'CNY');
    expect(r).toEqual({ ok: true, patch: { promoPrice: null, coupon: null, talkingPoints: ['a', 'b'] }, reset: [] });
  });

  it('resets fields to the catalog instead of sending them', () => {
    const r = readQueueForm(formFromItem(item), new Set(['price']), new Set(['price', 'stock']), 'CNY');
    expect(r).toEqual({ ok: true, patch: {}, reset: ['price', 'stock'] });
  });

  it('reports unreadable fields', () => {
    const values = { ...formFromItem(item), price: '12,9', promoPrice: 'abc', stock: '-1' };
    const r = readQueueForm(values, new Set(['price', 'promoPrice', 'stock']), new Set(), 'CNY');
    expect(r).toEqual({ ok: false, problems: { price: 'price', promoPrice: 'price', stock: 'stock' } });
    const empty = readQueueForm({ ...values, price: '' }, new Set(['price']), new Set(), 'CNY');
    expect(empty).toEqual({ ok: false, problems: { price: 'required' } });
  });

  it('describes values for the superseded notice', () => {
    expect(describeValue('price', cny(9900), '—')).toBe('¥99.00');
    expect(describeValue('promoPrice', null, '—')).toBe('—');
    expect(describeValue('coupon', undefined, '—')).toBe('—');
    expect(describeValue('talkingPoints', ['a', 'b'], '—')).toBe('a · b');
    expect(describeValue('stock', 3, '—')).toBe('3');
  });

  it('tells which fields changed since the form was opened, and when', () => {
    const later = { ...item, fieldHlc: { ...item.fieldHlc, stock: hlc(2000), price: hlc(500) } };
    expect(changedSince(later, hlc(1000))).toEqual(['stock']);
    expect(writtenAt(hlc(2000))).toBe(2000);
    expect(writtenAt('junk')).toBeNull();
  });
});
