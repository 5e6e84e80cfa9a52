import type { Money } from '../../../shared/contract/common.js';
import type { QueueField, QueueItem, QueueOverrides } from '../../../shared/contract/cues.js';
import { assertNever } from '../../../shared/errors.js';
import { hlcDecode } from '../../../shared/domain/hlc.js';
import { formatDecimal, formatMoney, parseMoney } from '../../../shared/domain/money.js';

/** The live edit of a queued product as typed: text until read. */
export interface QueueFormValues {
  readonly price: string;
  readonly promoPrice: string;
  readonly stock: string;
  readonly coupon: string;
  readonly talkingPoints: string;
}

export const QUEUE_FORM_FIELDS: readonly QueueField[] = ['price', 'promoPrice', 'stock', 'coupon', 'talkingPoints'];

export type QueueFieldProblem = 'required' | 'price' | 'stock' | 'coupon' | 'points';
export type QueueFormProblems = Partial<Record<QueueField, QueueFieldProblem>>;

export function formFromItem(item: QueueItem): QueueFormValues {
  const p = item.product;
  return {
    price: formatDecimal(p.price),
    promoPrice: p.promoPrice ? formatDecimal(p.promoPrice) : '',
    stock: String(p.stock),
    coupon: p.coupon ?? '',
    talkingPoints: p.talkingPoints.join('\n'),
  };
}

export type QueueFormRead =
  | { readonly ok: true; readonly patch: QueueOverrides; readonly reset: QueueField[] }
  | { readonly ok: false; readonly problems: QueueFormProblems };

/**
 * Reads the fields the person touched into a queue.update: only those, so that an edit never rewrites what others
 * changed meanwhile in the fields left alone. Prices go through parseMoney (exact, minor units). An empty promo
 * price or coupon means "none" (null); fields marked for reset go back to the catalog's value.
 */
export function readQueueForm(
  values: QueueFormValues,
  touched: ReadonlySet<QueueField>,
  resets: ReadonlySet<QueueField>,
  currency: string,
): QueueFormRead {
  const problems: QueueFormProblems = {};
  const patch: { -readonly [K in keyof QueueOverrides]: QueueOverrides[K] } = {};
  const money = (text: string): Money | 'bad' => {
    const r = parseMoney(text, currency);
    return r.ok ? r.money : 'bad';
  };
  for (const field of QUEUE_FORM_FIELDS) {
    if (!touched.has(field) || resets.has(field)) continue;
    switch (field) {
      case 'price': {
        if (values.price.trim() === '') problems.price = 'required';
        else {
          const m = money(values.price);
          if (m === 'bad') problems.price = 'price';
          else patch.price = m;
        }
        break;
      }
      case 'promoPrice': {
        if (values.promoPrice.trim() === '') patch.promoPrice = null;
        else {
          const m = money(values.promoPrice);
          if (m === 'bad') problems.promoPrice = 'price';
          else patch.promoPrice = m;
        }
        break;
      }
      case 'stock': {
        const text = values.stock.trim();
        const n = /^\d{1,8}$/.test(text) ? Number(text) : Number.NaN;
        if (!Number.isSafeInteger(n) || n > 10_000_000) problems.stock = 'stock';
        else patch.stock = n;
        break;
      }
      case 'coupon': {
        const text = values.coupon.trim();
        if (/[\r\n]/.test(text) || text.length > 200) problems.coupon = 'coupon';
        else patch.coupon = text === '' ? null : text;
        break;
      }
      case 'talkingPoints': {
        const points = values.talkingPoints
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '');
        if (points.length > 30 || points.some((l) => l.length > 500)) problems.talkingPoints = 'points';
        else patch.talkingPoints = points;
        break;
      }
      default:
        assertNever(field, 'queue field');
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, patch, reset: QUEUE_FORM_FIELDS.filter((f) => resets.has(f)) };
}

/** A field's value for display ("¥99.00", "none", "3 points"…): money formatted, lists joined. */
export function describeValue(field: QueueField, value: unknown, none: string): string {
  if (value === undefined || value === null) return none;
  switch (field) {
    case 'price':
    case 'promoPrice':
      return isMoney(value) ? formatMoney(value) : none;
    case 'stock':
      return typeof value === 'number' ? String(value) : none;
    case 'coupon':
      return typeof value === 'string' ? value : none;
    case 'talkingPoints':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join(' · ') || none : none;
    default:
      return assertNever(field, 'queue field');
  }
}

function isMoney(v: unknown): v is Money {
  return typeof v === 'object' && v !== null && typeof (v as Money).amount === 'number' && typeof (v as Money).currency === 'string';
}

/** When a field was last written, from its HLC (wall time in ms); null when unreadable. */
export function writtenAt(hlc: string | undefined): number | null {
  if (hlc === undefined) return null;
  try {
    return hlcDecode(hlc).wall;
  } catch {
    return null;
  }
}

/** Fields someone else changed since `baseHlc` (the item as this form first read it). */
export function changedSince(item: QueueItem, baseHlc: string): QueueField[] {
  return QUEUE_FORM_FIELDS.filter((f) => {
    const h = item.fieldHlc[f];
    return h !== undefined && h > baseHlc;
  });
}
