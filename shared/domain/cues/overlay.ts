import type { Money } from '../../contract/common.js';
import { assertNever } from '../../errors.js';
import { currencyExponent, formatDecimal } from '../money.js';

/**
 * Overlay text templates: `{name}  ¥{promo_price}  仅剩 {stock} 件` rendered with the product as this show sells
 * it. Placeholders are lower-case names in braces; `{{` and `}}` stand for literal braces. An unknown placeholder
 * is left in the text as written and reported — never silently dropped — so a typo shows up on the preview,
 * not as a hole on stream.
 *
 * Prices are formatted from minor units without a currency symbol (the template carries it, e.g. "¥"); whole
 * amounts drop their zero decimals ("¥99", "¥129.90"). `{promo_price}` is the price the buyer pays: the promo
 * price when there is one, else the price (reported in `fallbacks`).
 */

export const OVERLAY_PLACEHOLDERS = ['name', 'price', 'promo_price', 'stock', 'coupon', 'sku'] as const;
export type OverlayPlaceholder = (typeof OVERLAY_PLACEHOLDERS)[number];

export interface OverlayProduct {
  readonly name: string;
  readonly sku: string;
  readonly price: Money;
  readonly promoPrice: Money | null;
  readonly stock: number;
  readonly coupon: string | null;
}

export interface OverlayResult {
  readonly text: string;
  /** Placeholders that are not in OVERLAY_PLACEHOLDERS, as written (without braces). */
  readonly unknown: string[];
  /** Known placeholders without a value (no product linked, no coupon): rendered empty. */
  readonly missing: OverlayPlaceholder[];
  /** Placeholders rendered from a stand-in value (`promo_price` from the price). */
  readonly fallbacks: OverlayPlaceholder[];
}

function isKnown(name: string): name is OverlayPlaceholder {
  return (OVERLAY_PLACEHOLDERS as readonly string[]).includes(name);
}

/** A price for an overlay: "99", "129.90", "1299" (whole amounts without decimals). */
export function formatOverlayPrice(money: Money): string {
  const s = formatDecimal(money);
  return currencyExponent(money.currency) > 0 ? s.replace(/\.0+$/, '') : s;
}

type Token = { kind: 'text'; text: string } | { kind: 'field'; name: string; raw: string };

const FIELD = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/;

function tokenize(template: string): Token[] {
  const out: Token[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      text += c;
      i += 2;
      continue;
    }
    if (c === '{') {
      const m = FIELD.exec(template.slice(i, i + 66));
      if (m?.[1] !== undefined) {
        if (text) out.push({ kind: 'text', text });
        text = '';
        out.push({ kind: 'field', name: m[1], raw: m[0] });
        i += m[0].length;
        continue;
      }
    }
    text += c ?? '';
    i++;
  }
  if (text) out.push({ kind: 'text', text });
  return out;
}

/** Names of the placeholders in a template, split into known and unknown (each once, in order). */
export function placeholdersOf(template: string): { known: OverlayPlaceholder[]; unknown: string[] } {
  const known: OverlayPlaceholder[] = [];
  const unknown: string[] = [];
  for (const t of tokenize(template)) {
    if (t.kind !== 'field') continue;
    if (isKnown(t.name)) {
      if (!known.includes(t.name)) known.push(t.name);
    } else if (!unknown.includes(t.name)) unknown.push(t.name);
  }
  return { known, unknown };
}

export function renderOverlay(template: string, product: OverlayProduct | null): OverlayResult {
  const unknown: string[] = [];
  const missing: OverlayPlaceholder[] = [];
  const fallbacks: OverlayPlaceholder[] = [];
  const note = <T>(list: T[], v: T): void => {
    if (!list.includes(v)) list.push(v);
  };
  const value = (name: OverlayPlaceholder): string => {
    if (!product) {
      note(missing, name);
      return '';
    }
    switch (name) {
      case 'name':
        return product.name;
      case 'sku':
        return product.sku;
      case 'price':
        return formatOverlayPrice(product.price);
      case 'promo_price':
        if (product.promoPrice) return formatOverlayPrice(product.promoPrice);
        note(fallbacks, name);
        return formatOverlayPrice(product.price);
      case 'stock':
        return String(product.stock);
      case 'coupon':
        if (product.coupon === null) note(missing, name);
        return product.coupon ?? '';
      default:
        return assertNever(name, 'placeholder');
    }
  };
  let text = '';
  for (const t of tokenize(template)) {
    if (t.kind === 'text') text += t.text;
    else if (isKnown(t.name)) text += value(t.name);
    else {
      note(unknown, t.name);
      text += t.raw;
    }
  }
  return { text, unknown, missing, fallbacks };
}
