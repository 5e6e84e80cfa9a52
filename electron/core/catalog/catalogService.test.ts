import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/catalog.js';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/db.js';
import type { EventLog, StoredEvent } from '../store/eventLog.js';
import { openTestStore } from '../store/testStore.js';
import { createCatalogService, type CatalogService } from './catalogService.js';

const T0 = 1_700_000_000_000;

type Reason = 'created' | 'updated' | 'deleted' | 'imported';

let db: Db;
let now: number;
let events: EventLog;
let catalog: CatalogService;
let changes: [string[], Reason][];

const clock: Clock = {
  now: () => now,
  setTimeout: () => null,
  clearTimeout: () => undefined,
};

beforeEach(() => {
  ({ db, events } = openTestStore(clock, 0));
  now = T0;
  let next = 0;
  changes = [];
  catalog = createCatalogService({
    db,
    events,
    clock,
    newId: () => `p${++next}`,
    onChanged: (ids, reason) => changes.push([ids, reason]),
  });
});

afterEach(() => {
  db.close();
});

const cny = (amount: number): { amount: number; currency: string } => ({ amount, currency: 'CNY' });

type Parsed = Parameters<CatalogService['create']>[0];

function input(over: Partial<Parsed> & Pick<Parsed, 'sku' | 'name'>): Parsed {
  return { price: cny(1000), promoPrice: null, stock: 0, imageUrl: null, talkingPoints: [], ...over };
}

function appErr(fn: () => unknown): { code: ErrorCode; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an AppError');
}

function allEvents(): StoredEvent[] {
  return events.read();
}

function productRows(): { id: string; sku: string; deleted_at: number | null; updated_hlc: string }[] {
  return db.prepare('SELECT id, sku, deleted_at, updated_hlc FROM products ORDER BY id').all() as {
    id: string;
    sku: string;
    deleted_at: number | null;
    updated_hlc: string;
  }[];
}

describe('create', () => {
  it('stores the product, records exactly one ProductCreated event and announces the change', () => {
    const p = catalog.create(input({ sku: 'MUG-1', name: 'Mug', price: cny(4990), promoPrice: cny(3990), stock: 5, talkingPoints: ['warm'] }));
    const expected: Product = {
      id: 'p1',
      sku: 'MUG-1',
      name: 'Mug',
      price: cny(4990),
      promoPrice: cny(3990),
      stock: 5,
      imageUrl: null,
      talkingPoints: ['warm'],
      createdAt: T0,
      updatedAt: T0,
    };
    expect(p).toEqual(expected);
    expect(catalog.get('p1')).toEqual(expected);
    const evs = allEvents();
    expect(evs.map((e) => [e.type, e.subject, e.payload])).toEqual([['ProductCreated', 'product:p1', expected]]);
    expect(productRows()).toEqual([{ id: 'p1', sku: 'MUG-1', deleted_at: null, updated_hlc: evs[0]?.hlc }]);
    expect(changes).toEqual([[['p1'], 'created']]);
  });

  it('refuses a SKU in use with CONFLICT and writes nothing', () => {
    catalog.create(input({ sku: 'A', name: 'Mug' }));
    expect(appErr(() => catalog.create(input({ sku: 'A', name: 'Cup' })))).toEqual({
      code: 'CONFLICT',
      message: 'SKU A is already used by "Mug"',
    });
    expect(allEvents()).toHaveLength(1);
    expect(productRows()).toHaveLength(1);
    expect(changes).toHaveLength(1);
  });

  it('lets a deleted product’s SKU be used again', () => {
    catalog.create(input({ sku: 'A', name: 'Mug' }));
    catalog.remove('p1');
    expect(catalog.create(input({ sku: 'A', name: 'New mug' })).id).toBe('p2');
    expect(catalog.list().map((p) => p.id)).toEqual(['p2']);
  });

  it('refuses a promo in another currency or above the price', () => {
    expect(appErr(() => catalog.create(input({ sku: 'A', name: 'Mug', promoPrice: { amount: 1, currency: 'USD' } })))).toEqual({
      code: 'BAD_INPUT',
      message: 'promo price and price must be in the same currency',
    });
    expect(appErr(() => catalog.create(input({ sku: 'A', name: 'Mug', price: cny(1000), promoPrice: cny(1001) })))).toEqual({
      code: 'BAD_INPUT',
      message: 'promo price is higher than price',
    });
    expect(catalog.create(input({ sku: 'A', name: 'Mug', price: cny(1000), promoPrice: cny(1000) })).promoPrice).toEqual(cny(1000));
    expect(allEvents()).toHaveLength(1);
  });

  it('writes the event and the product in one transaction: if either fails, neither is kept', () => {
    db.exec("CREATE TRIGGER no_events BEFORE INSERT ON event_log BEGIN SELECT RAISE(ABORT, 'log full'); END");
    expect(() => catalog.create(input({ sku: 'A', name: 'Mug' }))).toThrow('log full');
    expect(productRows()).toEqual([]);
    db.exec('DROP TRIGGER no_events');

    db.exec("CREATE TRIGGER no_products BEFORE INSERT ON products BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
    expect(() => catalog.create(input({ sku: 'B', name: 'Cup' }))).toThrow('disk says no');
    expect(allEvents()).toEqual([]);
    expect(changes).toEqual([]);
  });
});

describe('get / update / remove', () => {
  it('get of an unknown id is NOT_FOUND', () => {
    expect(appErr(() => catalog.get('nope'))).toEqual({ code: 'NOT_FOUND', message: 'product nope does not exist' });
  });

  it('update changes only the patched fields and records them in one ProductUpdated event', () => {
    catalog.create(input({ sku: 'A', name: 'Mug', stock: 3, talkingPoints: ['x'] }));
    now = T0 + 500;
    const p = catalog.update('p1', { name: 'Big mug', promoPrice: cny(900) });
    expect(p).toEqual({
      id: 'p1',
      sku: 'A',
      name: 'Big mug',
      price: cny(1000),
      promoPrice: cny(900),
      stock: 3,
      imageUrl: null,
      talkingPoints: ['x'],
      createdAt: T0,
      updatedAt: T0 + 500,
    });
    expect(catalog.get('p1')).toEqual(p);
    const evs = allEvents();
    expect(evs.map((e) => [e.type, e.subject, e.payload])).toEqual([
      ['ProductCreated', 'product:p1', expect.anything()],
      ['ProductUpdated', 'product:p1', { id: 'p1', changes: { name: 'Big mug', promoPrice: cny(900) } }],
    ]);
    expect(productRows()[0]?.updated_hlc).toBe(evs[1]?.hlc);
    expect(changes).toEqual([
      [['p1'], 'created'],
      [['p1'], 'updated'],
    ]);
  });

  it('update can clear the promo price', () => {
    catalog.create(input({ sku: 'A', name: 'Mug', promoPrice: cny(500) }));
    expect(catalog.update('p1', { promoPrice: null }).promoPrice).toBeNull();
    expect(catalog.get('p1').promoPrice).toBeNull();
  });

  it('update refuses a SKU used by another product, an unknown id, and a price below the promo', () => {
    catalog.create(input({ sku: 'A', name: 'Mug', promoPrice: cny(800) }));
    catalog.create(input({ sku: 'B', name: 'Cup' }));
    expect(appErr(() => catalog.update('p2', { sku: 'A' }))).toEqual({ code: 'CONFLICT', message: 'SKU A is already used by "Mug"' });
    expect(appErr(() => catalog.update('nope', { name: 'x' }))).toEqual({ code: 'NOT_FOUND', message: 'product nope does not exist' });
    expect(appErr(() => catalog.update('p1', { price: cny(700) }))).toEqual({ code: 'BAD_INPUT', message: 'promo price is higher than price' });
    expect(appErr(() => catalog.update('p1', { price: { amount: 5000, currency: 'USD' } }))).toEqual({
      code: 'BAD_INPUT',
      message: 'promo price and price must be in the same currency',
    });
    expect(catalog.update('p1', { sku: 'A' }).sku).toBe('A'); // its own SKU is not a conflict
    expect(allEvents().map((e) => e.type)).toEqual(['ProductCreated', 'ProductCreated', 'ProductUpdated']);
    expect(catalog.get('p1').price).toEqual(cny(1000));
  });

  it('remove leaves a tombstone, records ProductDeleted and hides the product', () => {
    catalog.create(input({ sku: 'A', name: 'Mug' }));
    now = T0 + 9;
    catalog.remove('p1');
    expect(appErr(() => catalog.get('p1'))).toEqual({ code: 'NOT_FOUND', message: 'product p1 does not exist' });
    expect(catalog.list()).toEqual([]);
    const evs = allEvents();
    expect(evs.map((e) => [e.type, e.subject, e.payload])).toEqual([
      ['ProductCreated', 'product:p1', expect.anything()],
      ['ProductDeleted', 'product:p1', { id: 'p1' }],
    ]);
    expect(productRows()).toEqual([{ id: 'p1', sku: 'A', deleted_at: T0 + 9, updated_hlc: evs[1]?.hlc }]);
    expect(appErr(() => catalog.remove('p1'))).toEqual({ code: 'NOT_FOUND', message: 'product p1 does not exist' });
    expect(appErr(() => catalog.update('p1', { name: 'x' }))).toEqual({ code: 'NOT_FOUND', message: 'product p1 does not exist' });
    expect(allEvents()).toHaveLength(2);
    expect(changes.map((c) => c[1])).toEqual(['created', 'deleted']);
  });
});

describe('list', () => {
  beforeEach(() => {
    for (const [sku, name] of [
      ['TS-01', 'tee shirt'],
      ['MUG_2', 'Mug'],
      ['MUGX2', 'Mug'],
      ['C-100', '100% cotton'],
      ['C-1000', '1000 cotton buds'],
      ['BS-1', 'Back\\slash'],
    ] as const) {
      catalog.create(input({ sku, name }));
    }
  });

  it('lists everything sorted by name (case-insensitive), then SKU, when the query is empty', () => {
    expect(catalog.list().map((p) => p.sku)).toEqual(['C-100', 'C-1000', 'BS-1', 'MUGX2', 'MUG_2', 'TS-01']);
    expect(catalog.list('   ').map((p) => p.sku)).toEqual(['C-100', 'C-1000', 'BS-1', 'MUGX2', 'MUG_2', 'TS-01']);
  });

  it('finds by part of the name or SKU, ignoring case', () => {
    expect(catalog.list('COTTON').map((p) => p.sku)).toEqual(['C-100', 'C-1000']);
    expect(catalog.list('ts-0').map((p) => p.sku)).toEqual(['TS-01']);
    expect(catalog.list(' mug ').map((p) => p.sku)).toEqual(['MUGX2', 'MUG_2']);
  });

  it('treats LIKE wildcards and the escape character in the query literally', () => {
    expect(catalog.list('%').map((p) => p.sku)).toEqual(['C-100']);
    expect(catalog.list('0%').map((p) => p.sku)).toEqual(['C-100']);
    expect(catalog.list('_').map((p) => p.sku)).toEqual(['MUG_2']);
    expect(catalog.list('G_2').map((p) => p.sku)).toEqual(['MUG_2']);
    expect(catalog.list('\\').map((p) => p.sku)).toEqual(['BS-1']);
    expect(catalog.list('\\%')).toEqual([]);
  });
});

describe('importCsv', () => {
  it('imports the good rows, reports the bad ones and updates existing SKUs', () => {
    catalog.create(input({ sku: 'OLD', name: 'Old name', price: cny(100) }));
    changes = [];
    now = T0 + 1000;
    const report = catalog.importCsv(
      ['sku,name,price,stock', 'NEW-1,Tea,12.5,3', 'BAD,Broken,twelve,1', 'OLD,New name,2,7', 'NEW-2,Pot,99,'].join('\n'),
      'CNY',
    );
    expect(report).toEqual({
      created: 2,
      updated: 1,
      rejected: [{ line: 3, sku: 'BAD', errors: ['price "twelve" is not a price (use digits, e.g. 129.00)'] }],
    });
    expect(catalog.list().map((p) => [p.id, p.sku, p.name, p.price.amount, p.stock])).toEqual([
      ['p1', 'OLD', 'New name', 200, 7],
      ['p3', 'NEW-2', 'Pot', 9900, 0],
      ['p2', 'NEW-1', 'Tea', 1250, 3],
    ]);
    expect(allEvents().map((e) => [e.type, e.subject])).toEqual([
      ['ProductCreated', 'product:p1'],
      ['ProductCreated', 'product:p2'],
      ['ProductUpdated', 'product:p1'],
      ['ProductCreated', 'product:p3'],
    ]);
    expect(changes).toEqual([[['p2', 'p1', 'p3'], 'imported']]);
  });

  it('updates an existing product only in the columns the file has', () => {
    catalog.create(
      input({ sku: 'A', name: 'Mug', price: cny(1000), promoPrice: cny(900), stock: 42, imageUrl: 'https://x/y.png', talkingPoints: ['keep'] }),
    );
    const report = catalog.importCsv('sku,name,price\nA,Mug v2,11', 'CNY');
    expect(report).toEqual({ created: 0, updated: 1, rejected: [] });
    expect(catalog.get('p1')).toMatchObject({
      name: 'Mug v2',
      price: cny(1100),
      promoPrice: cny(900),
      stock: 42,
      imageUrl: 'https://x/y.png',
      talkingPoints: ['keep'],
    });
    expect(allEvents()[1]?.payload).toEqual({ id: 'p1', changes: { sku: 'A', name: 'Mug v2', price: cny(1100) } });

    catalog.importCsv('sku,name,price,promo_price,stock,image_url,talking_points\nA,Mug v3,11,,0,,', 'CNY');
    expect(catalog.get('p1')).toMatchObject({ name: 'Mug v3', promoPrice: null, stock: 0, imageUrl: null, talkingPoints: [] });
  });

  it('reports a row the catalog refuses (price below the promo it keeps) and imports the rest', () => {
    catalog.create(input({ sku: 'A', name: 'Mug', price: cny(1000), promoPrice: cny(900) }));
    const report = catalog.importCsv('sku,name,price\nA,Mug,5\nB,Cup,3', 'CNY');
    expect(report).toEqual({ created: 1, updated: 0, rejected: [{ line: 2, sku: 'A', errors: ['promo price is higher than price'] }] });
    expect(catalog.get('p1').price).toEqual(cny(1000));
    expect(allEvents().map((e) => e.type)).toEqual(['ProductCreated', 'ProductCreated']);
  });

  it('throws BAD_INPUT for a file that cannot be imported at all, writing nothing', () => {
    expect(appErr(() => catalog.importCsv('name,price\nMug,1', 'CNY'))).toEqual({
      code: 'BAD_INPUT',
      message: 'the header lacks column(s): sku',
    });
    expect(appErr(() => catalog.importCsv('', 'CNY'))).toEqual({ code: 'BAD_INPUT', message: 'the file is empty' });
    expect(appErr(() => catalog.importCsv('sku,name,price\n"A,Mug,1', 'CNY'))).toEqual({
      code: 'BAD_INPUT',
      message: 'line 2: a quoted field is never closed',
    });
    expect(allEvents()).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('leaves the catalog and the log unchanged when a write fails part-way', () => {
    catalog.create(input({ sku: 'OLD', name: 'Old', price: cny(100) }));
    changes = [];
    const before = { products: catalog.list(), events: allEvents() };
    db.exec("CREATE TRIGGER boom BEFORE INSERT ON products WHEN NEW.sku = 'BOOM' BEGIN SELECT RAISE(ABORT, 'disk failed'); END");
    expect(() => catalog.importCsv('sku,name,price\nN1,One,1\nOLD,Renamed,2\nBOOM,Bang,3\nN2,Two,4', 'CNY')).toThrow('disk failed');
    expect(catalog.list()).toEqual(before.products);
    expect(allEvents()).toEqual(before.events);
    expect(productRows().map((r) => r.sku)).toEqual(['OLD']);
    expect(changes).toEqual([]);
  });

  it('uses the currency it is given', () => {
    catalog.importCsv('sku,name,price\nJ,Ramen,"¥1,200"', 'JPY');
    expect(catalog.list()[0]?.price).toEqual({ amount: 1200, currency: 'JPY' });
  });
});
