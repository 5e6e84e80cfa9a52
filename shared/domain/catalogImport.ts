import { ProductInput, type ImportRowError } from '../contract/catalog.js';
import type { z } from 'zod';
import { parseCsv } from './csv.js';
import { parseMoney } from './money.js';

export const CSV_COLUMNS = ['sku', 'name', 'price', 'promo_price', 'stock', 'image_url', 'talking_points'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED = ['sku', 'name', 'price'] as const;

export interface ValidRow {
  readonly line: number;
  readonly product: z.output<typeof ProductInput>;
}

export type CatalogCsvResult =
  /** `columns` are the columns the header has: an update touches only those, never the ones the file lacks. */
  | { ok: true; rows: ValidRow[]; rejected: ImportRowError[]; columns: CsvColumn[] }
  | { ok: false; reason: string };

/**
 * Validates a catalog CSV. The header names the columns (any order, case-insensitive); talking points are
 * separated by "|" or line breaks inside the field. Each bad row is reported with every reason; a SKU that
 * appears twice in the file rejects the later rows. Rows whose cells are all empty (spreadsheet leftovers) are
 * skipped.
 */
export function validateCatalogCsv(text: string, currency: string): CatalogCsvResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, reason: `line ${parsed.line}: ${parsed.reason}` };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, reason: 'the file is empty' };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = REQUIRED.filter((r) => !names.includes(r));
  if (missing.length > 0) return { ok: false, reason: `the header lacks column(s): ${missing.join(', ')}` };
  const unknown = names.filter((n) => !(CSV_COLUMNS as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, reason: `unknown column(s) in the header: ${unknown.join(', ')}` };
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length > 0) return { ok: false, reason: `column(s) appear more than once in the header: ${[...new Set(twice)].join(', ')}` };
  const body = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (body.length === 0) return { ok: false, reason: 'the file has a header but no rows' };
  if (body.length > 50_000) return { ok: false, reason: 'the file has more than 50,000 rows' };

  const rows: ValidRow[] = [];
  const rejected: ImportRowError[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const get = (col: CsvColumn): string => {
      const idx = names.indexOf(col);
      return idx >= 0 ? (record.fields[idx] ?? '').trim() : '';
    };
    const errors: string[] = [];
    if (record.fields.length !== names.length) {
      errors.push(`has ${record.fields.length} fields, the header has ${names.length}`);
    }
    const sku = get('sku');
    const price = parseMoney(get('price'), currency);
    if (!price.ok) errors.push(`price ${price.reason}`);
    const promoText = get('promo_price');
    const promo = promoText === '' ? null : parseMoney(promoText, currency);
    if (promo && !promo.ok) errors.push(`promo_price ${promo.reason}`);
    const stockText = get('stock');
    const stock = stockText === '' ? 0 : /^\d{1,8}$/.test(stockText) ? Number(stockText) : NaN;
    if (Number.isNaN(stock)) errors.push(`stock "${stockText}" is not a whole number ≥ 0`);
    const talkingPoints = get('talking_points')
      .split(/\r\n|\r|\n|\|/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const imageUrl = get('image_url');

    const candidate = ProductInput.safeParse({
      sku,
      name: get('name'),
      price: price.ok ? price.money : { amount: 0, currency },
      promoPrice: promo?.ok ? promo.money : null,
      stock: Number.isNaN(stock) ? 0 : stock,
      imageUrl: imageUrl === '' ? null : imageUrl,
      talkingPoints,
    });
    if (!candidate.success) {
      for (const issue of candidate.error.issues) errors.push(`${issue.path.join('.') || 'row'}: ${issue.message}`);
    }
    if (price.ok && promo?.ok && promo.money.amount > price.money.amount) {
      errors.push('promo_price is higher than price');
    }
    const firstLine = seen.get(sku);
    if (sku !== '' && firstLine !== undefined) errors.push(`sku ${sku} already appears on line ${firstLine}`);
    if (sku !== '' && firstLine === undefined) seen.set(sku, record.line);

    if (errors.length > 0 || !candidate.success) {
      rejected.push({ line: record.line, sku: sku === '' ? null : sku, errors });
    } else {
      rows.push({ line: record.line, product: candidate.data });
    }
  }
  const columns = CSV_COLUMNS.filter((c) => names.includes(c));
  return { ok: true, rows, rejected, columns };
}
