import type { z } from 'zod';
import type { ImportReport, ImportRowError, Product, ProductInput, ProductPatch } from '../../../shared/contract/catalog.js';
import { validateCatalogCsv, type CsvColumn } from '../../../shared/domain/catalogImport.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { EventLog } from '../store/eventLog.js';
import type { Db } from '../store/db.js';
import { createProductsRepo } from './productsRepo.js';

type ParsedInput = z.output<typeof ProductInput>;

export interface CatalogService {
  list(query?: string): Product[];
  get(id: string): Product;
  create(input: ParsedInput): Product;
  update(id: string, patch: ProductPatch): Product;
  remove(id: string): void;
  importCsv(text: string, currency: string): ImportReport;
}

export interface CatalogDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly newId: () => string;
  /** Called after each committed change. */
  readonly onChanged: (ids: string[], reason: 'created' | 'updated' | 'deleted' | 'imported') => void;
}

/**
 * The product catalog. Every change is recorded as an event (ProductCreated / ProductUpdated / ProductDeleted)
 * and applied to the products projection in the same transaction: either both happen or neither does.
 */
export function createCatalogService({ db, events, clock, newId, onChanged }: CatalogDeps): CatalogService {
  const repo = createProductsRepo(db);
  const lastHlc = db.prepare('SELECT hlc FROM event_log WHERE id = ?');
  const hlcOf = (eventId: string): string => (lastHlc.get(eventId) as { hlc: string }).hlc;

  // The same rules as the CSV import: one currency per product, and a promo price is never above the price.
  const checkPrices = (p: Pick<Product, 'price' | 'promoPrice'>): void => {
    if (p.promoPrice && p.promoPrice.currency !== p.price.currency) {
      throw new AppError('BAD_INPUT', 'promo price and price must be in the same currency');
    }
    if (p.promoPrice && p.promoPrice.amount > p.price.amount) {
      throw new AppError('BAD_INPUT', 'promo price is higher than price');
    }
  };
  const checkSkuFree = (sku: string, exceptId: string | null): void => {
    const other = repo.getBySku(sku);
    if (other && other.id !== exceptId) {
      throw new AppError('CONFLICT', `SKU ${sku} is already used by "${other.name}"`);
    }
  };

  const createTx = db.transaction((input: ParsedInput): Product => {
    checkPrices(input);
    checkSkuFree(input.sku, null);
    const at = clock.now();
    const product: Product = { id: newId(), ...input, createdAt: at, updatedAt: at };
    const [eventId] = events.appendNow([{ type: 'ProductCreated', subject: `product:${product.id}`, payload: product }]);
    repo.upsert(product, hlcOf(eventId ?? ''));
    return product;
  });

  const updateTx = db.transaction((id: string, patch: ProductPatch): Product => {
    const current = repo.get(id);
    if (!current) throw new AppError('NOT_FOUND', `product ${id} does not exist`);
    if (patch.sku !== undefined) checkSkuFree(patch.sku, id);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next: Product = { ...current, ...changes, updatedAt: clock.now() };
    checkPrices(next);
    const [eventId] = events.appendNow([
      { type: 'ProductUpdated', subject: `product:${id}`, payload: { id, changes } },
    ]);
    repo.upsert(next, hlcOf(eventId ?? ''));
    return next;
  });

  const removeTx = db.transaction((id: string): void => {
    if (!repo.get(id)) throw new AppError('NOT_FOUND', `product ${id} does not exist`);
    const [eventId] = events.appendNow([{ type: 'ProductDeleted', subject: `product:${id}`, payload: { id } }]);
    repo.markDeleted(id, clock.now(), hlcOf(eventId ?? ''));
  });

  return {
    list: (query = '') => repo.search(query),
    get: (id) => {
      const p = repo.get(id);
      if (!p) throw new AppError('NOT_FOUND', `product ${id} does not exist`);
      return p;
    },
    create: (input) => {
      const p = createTx(input);
      onChanged([p.id], 'created');
      return p;
    },
    update: (id, patch) => {
      const p = updateTx(id, patch);
      onChanged([id], 'updated');
      return p;
    },
    remove: (id) => {
      removeTx(id);
      onChanged([id], 'deleted');
    },
    importCsv: (text, currency) => {
      const checked = validateCatalogCsv(text, currency);
      if (!checked.ok) throw new AppError('BAD_INPUT', checked.reason);
      let created = 0;
      let updated = 0;
      const ids: string[] = [];
      const rejected: ImportRowError[] = [...checked.rejected];
      // An existing product is updated only in the columns the file has: a price list without a stock column
      // must not zero the stock, nor wipe talking points and images.
      const present = new Set<CsvColumn>(checked.columns);
      const patchOf = (p: ParsedInput): ProductPatch => ({
        sku: p.sku,
        name: p.name,
        price: p.price,
        ...(present.has('promo_price') ? { promoPrice: p.promoPrice } : {}),
        ...(present.has('stock') ? { stock: p.stock } : {}),
        ...(present.has('image_url') ? { imageUrl: p.imageUrl } : {}),
        ...(present.has('talking_points') ? { talkingPoints: p.talkingPoints } : {}),
      });
      // One transaction for all good rows: an I/O failure part-way leaves the catalog as it was. A row the
      // catalog refuses (an AppError, e.g. its price falls below the promo price it keeps) is rolled back to its
      // own savepoint and reported like any other bad row.
      db.transaction(() => {
        for (const row of checked.rows) {
          const existing = repo.getBySku(row.product.sku);
          try {
            if (existing) {
              ids.push(updateTx(existing.id, patchOf(row.product)).id);
              updated++;
            } else {
              ids.push(createTx(row.product).id);
              created++;
            }
          } catch (e) {
            if (!(e instanceof AppError)) throw e;
            rejected.push({ line: row.line, sku: row.product.sku, errors: [e.message] });
          }
        }
      })();
      rejected.sort((a, b) => a.line - b.line);
      if (ids.length > 0) onChanged(ids, 'imported');
      return { created, updated, rejected };
    },
  };
}
