import type { Product } from '../../../shared/contract/catalog.js';
import type { Db } from '../store/db.js';

interface ProductRow {
  id: string;
  sku: string;
  name: string;
  currency: string;
  price_minor: number;
  promo_price_minor: number | null;
  stock: number;
  image_url: string | null;
  talking_points: string;
  created_at: number;
  updated_at: number;
}

function toProduct(r: ProductRow): Product {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    price: { amount: r.price_minor, currency: r.currency },
    promoPrice: r.promo_price_minor === null ? null : { amount: r.promo_price_minor, currency: r.currency },
    stock: r.stock,
    imageUrl: r.image_url,
    talkingPoints: JSON.parse(r.talking_points) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** LIKE pattern that matches `q` literally anywhere. */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ProductsRepo {
  get(id: string): Product | null;
  getBySku(sku: string): Product | null;
  search(query: string, limit?: number): Product[];
  upsert(p: Product, hlc: string): void;
  markDeleted(id: string, at: number, hlc: string): void;
}

/** SQL for the catalog projection; all statements prepared once with bound parameters. */
export function createProductsRepo(db: Db): ProductsRepo {
  const byId = db.prepare('SELECT * FROM products WHERE id = ? AND deleted_at IS NULL');
  const bySku = db.prepare('SELECT * FROM products WHERE sku = ? AND deleted_at IS NULL');
  const all = db.prepare('SELECT * FROM products WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, sku LIMIT ?');
  const search = db.prepare(
    "SELECT * FROM products WHERE deleted_at IS NULL AND (name LIKE ? ESCAPE '\\' OR sku LIKE ? ESCAPE '\\') " +
      'ORDER BY name COLLATE NOCASE, sku LIMIT ?',
  );
  const upsert = db.prepare(`
    INSERT INTO products (id, sku, name, currency, price_minor, promo_price_minor, stock, image_url, talking_points,
                          created_at, updated_at, updated_hlc)
    VALUES (@id, @sku, @name, @currency, @price, @promo, @stock, @image, @points, @created, @updated, @hlc)
    ON CONFLICT (id) DO UPDATE SET sku = @sku, name = @name, currency = @currency, price_minor = @price,
      promo_price_minor = @promo, stock = @stock, image_url = @image, talking_points = @points,
      updated_at = @updated, updated_hlc = @hlc`);
  const del = db.prepare('UPDATE products SET deleted_at = ?, updated_at = ?, updated_hlc = ? WHERE id = ?');

  return {
    get: (id) => {
      const r = byId.get(id) as ProductRow | undefined;
      return r ? toProduct(r) : null;
    },
    getBySku: (sku) => {
      const r = bySku.get(sku) as ProductRow | undefined;
      return r ? toProduct(r) : null;
    },
    search: (query, limit = 5000) => {
      const q = query.trim();
      const rows = (q === '' ? all.all(limit) : search.all(containsPattern(q), containsPattern(q), limit)) as ProductRow[];
      return rows.map(toProduct);
    },
    upsert: (p, hlc) => {
      upsert.run({
        id: p.id,
        sku: p.sku,
        name: p.name,
        currency: p.price.currency,
        price: p.price.amount,
        promo: p.promoPrice?.amount ?? null,
        stock: p.stock,
        image: p.imageUrl,
        points: JSON.stringify(p.talkingPoints),
        created: p.createdAt,
        updated: p.updatedAt,
        hlc,
      });
    },
    markDeleted: (id, at, hlc) => {
      del.run(at, at, hlc, id);
    },
  };
}
