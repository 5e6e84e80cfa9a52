import { describe, expect, it } from 'vitest';
import { TemplateOptions } from '../../contract/cues.js';
import { placeholdersOf } from './overlay.js';
import { buildTemplate, PRICE_OVERLAY } from './templates.js';

const products = [
  { productId: 'p1', name: '保温杯' },
  { productId: 'p2', name: 'x'.repeat(250) },
];
const opts = TemplateOptions.parse({});

describe('script templates', () => {
  it('rundown: opening, intro + price per product, closing', () => {
    const s = buildTemplate('rundown', products, opts);
    expect(s.map((x) => [x.title.slice(0, 12), x.obsScene, x.productId, x.overlayTarget])).toEqual([
      ['开场 Opening', 'Host', null, null],
      ['讲解 · 保温杯', 'Product', 'p1', 'Product Title'],
      ['逼单 · 保温杯', 'Price Card', 'p1', 'Price Text'],
      ['讲解 · xxxxxxx', 'Product', 'p2', 'Product Title'],
      ['逼单 · xxxxxxx', 'Price Card', 'p2', 'Price Text'],
      ['收尾 Closing', 'Host', null, null],
    ]);
    expect(s.every((x) => x.title.length <= 200)).toBe(true);
    expect(s[2]?.overlayTemplate).toBe(PRICE_OVERLAY);
    expect(placeholdersOf(PRICE_OVERLAY).unknown).toEqual([]);
  });

  it('quick: one price segment per product, with the studio’s scene names', () => {
    const s = buildTemplate('quick', products, TemplateOptions.parse({ priceScene: '价格', priceTarget: '价格文字' }));
    expect(s).toHaveLength(2);
    expect(s.map((x) => [x.obsScene, x.overlayTarget, x.plannedDurationSec])).toEqual([
      ['价格', '价格文字', 180],
      ['价格', '价格文字', 180],
    ]);
  });
});
