import { describe, expect, it } from 'vitest';
import { formatOverlayPrice, placeholdersOf, renderOverlay, type OverlayProduct } from './overlay.js';

const cup: OverlayProduct = {
  name: '保温杯 Thermo Cup',
  sku: 'CUP-01',
  price: { amount: 12900, currency: 'CNY' },
  promoPrice: { amount: 9900, currency: 'CNY' },
  stock: 120,
  coupon: '满199减30',
};

describe('overlay templates', () => {
  it('renders the placeholders from minor units', () => {
    const r = renderOverlay('{name}  ¥{promo_price}  仅剩 {stock} 件', cup);
    expect(r).toEqual({ text: '保温杯 Thermo Cup  ¥99  仅剩 120 件', unknown: [], missing: [], fallbacks: [] });
    expect(renderOverlay('{sku}: ¥{price} / {coupon}', cup).text).toBe('CUP-01: ¥129 / 满199减30');
  });

  it('keeps decimals when there are some and formats per currency exponent', () => {
    expect(formatOverlayPrice({ amount: 12990, currency: 'CNY' })).toBe('129.90');
    expect(formatOverlayPrice({ amount: 12905, currency: 'CNY' })).toBe('129.05');
    expect(formatOverlayPrice({ amount: 1000, currency: 'JPY' })).toBe('1000');
    expect(formatOverlayPrice({ amount: 5, currency: 'USD' })).toBe('0.05');
  });

  it('reports unknown placeholders and leaves them visible instead of dropping them', () => {
    const r = renderOverlay('{name} {pirce} {Price} {pirce}', cup);
    expect(r.text).toBe('保温杯 Thermo Cup {pirce} {Price} {pirce}');
    expect(r.unknown).toEqual(['pirce', 'Price']);
    expect(placeholdersOf('{name} {x} {{name}} {stock}')).toEqual({ known: ['name', 'stock'], unknown: ['x'] });
  });

  it('treats {{ and }} as literal braces and a lone brace as text', () => {
    expect(renderOverlay('{{name}} = {name} {', cup).text).toBe('{name} = 保温杯 Thermo Cup {');
    expect(renderOverlay('}{ }}', cup).text).toBe('}{ }');
  });

  it('falls back to the price for {promo_price} and reports values that are missing', () => {
    const r = renderOverlay('¥{promo_price} {coupon}', { ...cup, promoPrice: null, coupon: null });
    expect(r.text).toBe('¥129 ');
    expect(r.fallbacks).toEqual(['promo_price']);
    expect(r.missing).toEqual(['coupon']);
    const none = renderOverlay('{name} ¥{price}', null);
    expect(none.text).toBe(' ¥');
    expect(none.missing).toEqual(['name', 'price']);
  });
});
