import type { Money } from '../../../shared/contract/common.js';
import type { Product, ProductPatch } from '../../../shared/contract/catalog.js';
import { formatDecimal, parseMoney } from '../../../shared/domain/money.js';

/** The currency new products are priced in. */
export const CATALOG_CURRENCY = 'CNY';

/** The product form as typed: every field is text until it is read. */
export interface ProductFormValues {
  sku: string;
  name: string;
  price: string;
  promo: string;
  stock: string;
  imageUrl: string;
  points: string;
}
export type ProductFormField = keyof ProductFormValues;

/** Why a field cannot be read; each has a translated message. */
export type FieldProblem = 'required' | 'price' | 'stock' | 'imageUrl';
export type FieldProblems = Partial<Record<ProductFormField, FieldProblem>>;

/** A product as the form reads it: every field present, money in minor units. */
export interface ProductDraft {
  sku: string;
  name: string;
  price: Money;
  promoPrice: Money | null;
  stock: number;
  imageUrl: string | null;
  talkingPoints: string[];
}

export type ReadResult = { ok: true; draft: ProductDraft } | { ok: false; problems: FieldProblems };

export const EMPTY_FORM: ProductFormValues = { sku: '', name: '', price: '', promo: '', stock: '0', imageUrl: '', points: '' };

/** The form's fields in display order (also the order problems are listed in). */
export const FORM_FIELDS: readonly ProductFormField[] = ['sku', 'name', 'price', 'promo', 'stock', 'imageUrl', 'points'];

export function formFromProduct(p: Product): ProductFormValues {
  return {
    sku: p.sku,
    name: p.name,
    price: formatDecimal(p.price),
    promo: p.promoPrice ? formatDecimal(p.promoPrice) : '',
    stock: String(p.stock),
    imageUrl: p.imageUrl ?? '',
    points: p.talkingPoints.join('\n'),
  };
}

/**
 * Reads the typed form into a product. Prices go through parseMoney (exact decimal → minor units, never a float).
 * Only what the form can know is checked here; the core validates the rest and its errors are shown as they are.
 */
export function readProductForm(values: ProductFormValues, currency: string): ReadResult {
  const problems: FieldProblems = {};
  const sku = values.sku.trim();
  const name = values.name.trim();
  if (sku === '') problems.sku = 'required';
  if (name === '') problems.name = 'required';

  let price: Money | null = null;
  if (values.price.trim() === '') problems.price = 'required';
  else {
    const parsed = parseMoney(values.price, currency);
    if (parsed.ok) price = parsed.money;
    else problems.price = 'price';
  }

  let promoPrice: Money | null = null;
  if (values.promo.trim() !== '') {
    const parsed = parseMoney(values.promo, currency);
    if (parsed.ok) promoPrice = parsed.money;
    else problems.promo = 'price';
  }

  const stockText = values.stock.trim() === '' ? '0' : values.stock.trim();
  const stock = /^\d{1,15}$/.test(stockText) ? Number(stockText) : Number.NaN;
  if (!Number.isSafeInteger(stock)) problems.stock = 'stock';

  const imageText = values.imageUrl.trim();
  if (imageText !== '' && !/^(https?:\/\/|data:image\/)/.test(imageText)) problems.imageUrl = 'imageUrl';

  const talkingPoints = values.points
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

  if (price === null || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: { sku, name, price, promoPrice, stock, imageUrl: imageText === '' ? null : imageText, talkingPoints },
  };
}

const sameMoney = (a: Money | null, b: Money | null): boolean =>
  a === null || b === null ? a === b : a.amount === b.amount && a.currency === b.currency;

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Only the fields the person changed, so a save does not overwrite what other staff changed meanwhile
 * (e.g. stock edited on another laptop while this form was open). Empty when nothing changed.
 */
export function changedFields(before: Product, draft: ProductDraft): ProductPatch {
  const patch: ProductPatch = {};
  if (draft.sku !== before.sku) patch.sku = draft.sku;
  if (draft.name !== before.name) patch.name = draft.name;
  if (!sameMoney(draft.price, before.price)) patch.price = draft.price;
  if (!sameMoney(draft.promoPrice, before.promoPrice)) patch.promoPrice = draft.promoPrice;
  if (draft.stock !== before.stock) patch.stock = draft.stock;
  if (draft.imageUrl !== before.imageUrl) patch.imageUrl = draft.imageUrl;
  if (!sameList(draft.talkingPoints, before.talkingPoints)) patch.talkingPoints = draft.talkingPoints;
  return patch;
}
