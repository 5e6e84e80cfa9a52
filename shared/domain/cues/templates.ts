import type { ScriptTemplateName, SegmentFields, TemplateOptions } from '../../contract/cues.js';
import { assertNever } from '../../errors.js';

/**
 * Run-of-show templates: segments built from the session's queue, so that a new show has a working script in
 * one step. The producer edits from there.
 */

export const PRICE_OVERLAY = '{name}  ¥{promo_price}  仅剩 {stock} 件';

export const TEMPLATE_INFO: Readonly<Record<ScriptTemplateName, { title: string; description: string }>> = {
  rundown: {
    title: '标准流程 Standard rundown',
    description: 'Opening on the host scene, then per product an intro (product scene, name overlay) and a close (price card with price and stock), then a closing segment.',
  },
  quick: {
    title: '快速过款 Quick run',
    description: 'One segment per product on the price card, with price and stock on the overlay.',
  },
};

export interface TemplateProduct {
  readonly productId: string;
  readonly name: string;
}

const TITLE_MAX = 200;
const titled = (prefix: string, name: string): string => {
  const room = TITLE_MAX - prefix.length;
  const oneLine = name.replace(/\s+/g, ' ').trim();
  return prefix + (oneLine.length > room ? `${oneLine.slice(0, room - 1)}…` : oneLine);
};

const blank = (over: Partial<SegmentFields> & Pick<SegmentFields, 'title'>): SegmentFields => ({
  plannedDurationSec: 300,
  productId: null,
  obsScene: null,
  overlayTemplate: null,
  overlayTarget: null,
  sceneItems: [],
  script: '',
  notes: '',
  ...over,
});

export function buildTemplate(name: ScriptTemplateName, products: readonly TemplateProduct[], o: TemplateOptions): SegmentFields[] {
  const price = (p: TemplateProduct, title: string, sec: number, script: string): SegmentFields =>
    blank({
      title,
      plannedDurationSec: sec,
      productId: p.productId,
      obsScene: o.priceScene,
      overlayTemplate: PRICE_OVERLAY,
      overlayTarget: o.priceTarget,
      script,
    });
  switch (name) {
    case 'rundown':
      return [
        blank({
          title: '开场 Opening',
          plannedDurationSec: 180,
          obsScene: o.hostScene,
          script: `欢迎来到直播间！今天为大家准备了 ${products.length} 款好物。\nWelcome! ${products.length} products today.`,
        }),
        ...products.flatMap((p) => [
          blank({
            title: titled('讲解 · ', p.name),
            plannedDurationSec: 300,
            productId: p.productId,
            obsScene: o.productScene,
            overlayTemplate: '{name}',
            overlayTarget: o.titleTarget,
            script: `介绍 ${p.name}：卖点、材质、使用场景。`,
          }),
          price(p, titled('逼单 · ', p.name), 120, '报价、库存、优惠券，引导下单。'),
        ]),
        blank({ title: '收尾 Closing', plannedDurationSec: 120, obsScene: o.hostScene, script: '感谢观看，下期预告。\nThanks for watching.' }),
      ];
    case 'quick':
      return products.map((p) => price(p, titled('', p.name), 180, ''));
    default:
      return assertNever(name, 'template');
  }
}
