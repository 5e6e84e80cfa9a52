import { describe, expect, it } from 'vitest';
import { validateCatalogCsv, type CatalogCsvResult } from './catalogImport.js';

type Ok = Extract<CatalogCsvResult, { ok: true }>;

function valid(text: string, currency = 'CNY'): Ok {
  const r = validateCatalogCsv(text, currency);
  if (!r.ok) throw new Error(`whole file refused: ${r.reason}`);
  return r;
}

const HEADER = 'sku,name,price,promo_price,stock,image_url,talking_points';

describe('validateCatalogCsv: the header', () => {
  it('accepts columns in any order and any case, with spaces around names', () => {
    const r = valid(' Price ,SKU,NAME\n129.9,A-1,Mug');
    expect(r.rejected).toEqual([]);
    expect(r.columns).toEqual(['sku', 'name', 'price']);
    expect(r.rows).toEqual([
      {
        line: 2,
        product: {
          sku: 'A-1',
          name: 'Mug',
          price: { amount: 12990, currency: 'CNY' },
          promoPrice: null,
          stock: 0,
          imageUrl: null,
          talkingPoints: [],
        },
      },
    ]);
  });

  it('reports every missing required column', () => {
    expect(validateCatalogCsv('name,stock\nMug,1', 'CNY')).toEqual({ ok: false, reason: 'the header lacks column(s): sku, price' });
  });

  it('refuses unknown columns by name', () => {
    expect(validateCatalogCsv('sku,name,price,colour,size\nA,B,1,red,M', 'CNY')).toEqual({
      ok: false,
      reason: 'unknown column(s) in the header: colour, size',
    });
  });

  it('refuses a column that appears twice instead of silently using the first', () => {
    expect(validateCatalogCsv('sku,name,price,Price\nA,B,1,2', 'CNY')).toEqual({
      ok: false,
      reason: 'column(s) appear more than once in the header: price',
    });
  });

  it('refuses an empty file, a header without rows, and a parse error with its line', () => {
    expect(validateCatalogCsv('', 'CNY')).toEqual({ ok: false, reason: 'the file is empty' });
    expect(validateCatalogCsv('\n\n', 'CNY')).toEqual({ ok: false, reason: 'the file is empty' });
    expect(validateCatalogCsv('sku,name,price\n', 'CNY')).toEqual({ ok: false, reason: 'the file has a header but no rows' });
    expect(validateCatalogCsv('sku,name,price\n,,\n , ,\n', 'CNY')).toEqual({ ok: false, reason: 'the file has a header but no rows' });
    expect(validateCatalogCsv('sku,name,price\nA,"Mug,1\nB,Cup,2', 'CNY')).toEqual({
      ok: false,
      reason: 'line 2: a quoted field is never closed',
    });
  });

  it('refuses more than 50,000 rows', () => {
    const body = Array.from({ length: 50_001 }, (_, i) => `S${i},N,1`).join('\n');
    expect(validateCatalogCsv(`sku,name,price\n${body}`, 'CNY')).toEqual({ ok: false, reason: 'the file has more than 50,000 rows' });
  });
});

describe('validateCatalogCsv: rows', () => {
  it('reads every column of a full row', () => {
    const r = valid(`\uFEFF${HEADER}\r\nTS-01,"Tee, white",129.00,99.5,12,https://img.example/t.png,"soft cotton|two sizes\nmachine wash"\r\n`);
    expect(r.rejected).toEqual([]);
    expect(r.columns).toEqual(['sku', 'name', 'price', 'promo_price', 'stock', 'image_url', 'talking_points']);
    expect(r.rows).toEqual([
      {
        line: 2,
        product: {
          sku: 'TS-01',
          name: 'Tee, white',
          price: { amount: 12900, currency: 'CNY' },
          promoPrice: { amount: 9950, currency: 'CNY' },
          stock: 12,
          imageUrl: 'https://img.example/t.png',
          talkingPoints: ['soft cotton', 'two sizes', 'machine wash'],
        },
      },
    ]);
  });

  it('splits talking points on |, LF, CRLF and lone CR and drops empty ones', () => {
    const r = valid('sku,name,price,talking_points\nA,B,1," one | two ||\r\nthree\rfour\n\n"');
    expect(r.rows[0]?.product.talkingPoints).toEqual(['one', 'two', 'three', 'four']);
  });

  it('uses the currency it is given, with its exponent', () => {
    const r = valid('sku,name,price,promo_price\nA,B,"¥1,299",999', 'JPY');
    expect(r.rows[0]?.product.price).toEqual({ amount: 1299, currency: 'JPY' });
    expect(r.rows[0]?.product.promoPrice).toEqual({ amount: 999, currency: 'JPY' });
  });

  it('reports every reason a row is bad, with its line and sku', () => {
    const r = valid(`${HEADER}\nBAD SKU,,12.345,abc,-3,ftp://x,ok`);
    expect(r.rows).toEqual([]);
    expect(r.rejected).toEqual([
      {
        line: 2,
        sku: 'BAD SKU',
        errors: [
          'price "12.345" has more than 2 decimals for CNY',
          'promo_price "abc" is not a price (use digits, e.g. 129.00)',
          'stock "-3" is not a whole number ≥ 0',
          'sku: sku may hold letters, digits and . - _ / # only',
          'name: name is required',
          'imageUrl: image_url must start with http://, https:// or data:image/',
        ],
      },
    ]);
  });

  it('reports a missing sku as null', () => {
    const r = valid('sku,name,price\n,Mug,1');
    expect(r.rejected).toEqual([
      { line: 2, sku: null, errors: ['sku: sku is required', 'sku: sku may hold letters, digits and . - _ / # only'] },
    ]);
  });

  it('refuses a promo price above the price but accepts an equal one', () => {
    const r = valid('sku,name,price,promo_price\nA,Mug,10,10.01\nB,Cup,10,10');
    expect(r.rejected).toEqual([{ line: 2, sku: 'A', errors: ['promo_price is higher than price'] }]);
    expect(r.rows.map((x) => [x.line, x.product.sku, x.product.promoPrice?.amount])).toEqual([[3, 'B', 1000]]);
  });

  it.each([
    ['1.5', 'stock "1.5" is not a whole number ≥ 0'],
    ['1,000', 'stock "1,000" is not a whole number ≥ 0'],
    ['ten', 'stock "ten" is not a whole number ≥ 0'],
    ['123456789', 'stock "123456789" is not a whole number ≥ 0'],
    ['10000001', 'stock: Too big: expected number to be <=10000000'],
  ])('refuses stock %j', (stock, error) => {
    const r = valid(`sku,name,price,stock\nA,Mug,1,"${stock}"`);
    expect(r.rejected).toEqual([{ line: 2, sku: 'A', errors: [error] }]);
  });

  it('accepts stock 0, blank (0), and the maximum', () => {
    const r = valid('sku,name,price,stock\nA,Mug,1,0\nB,Cup,1,\nC,Pot,1,10000000\nD,Pan,1,007');
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((x) => x.product.stock)).toEqual([0, 0, 10_000_000, 7]);
  });

  it('rejects the later rows of a duplicated sku and names the first line', () => {
    const r = valid('sku,name,price\nA,Mug,1\nB,Cup,2\nA,Mug again,3\n A ,Mug thrice,4');
    expect(r.rows.map((x) => x.product.sku)).toEqual(['A', 'B']);
    expect(r.rejected).toEqual([
      { line: 4, sku: 'A', errors: ['sku A already appears on line 2'] },
      { line: 5, sku: 'A', errors: ['sku A already appears on line 2'] },
    ]);
  });

  it('treats SKUs as case-sensitive, like the database', () => {
    const r = valid('sku,name,price\nabc,Mug,1\nABC,Cup,2');
    expect(r.rejected).toEqual([]);
    expect(r.rows).toHaveLength(2);
  });

  it('rejects a row whose field count differs from the header', () => {
    const r = valid('sku,name,price\nA,Mug,1,extra\nB,Cup');
    expect(r.rejected).toEqual([
      { line: 2, sku: 'A', errors: ['has 4 fields, the header has 3'] },
      { line: 3, sku: 'B', errors: ['has 2 fields, the header has 3', 'price is empty'] },
    ]);
    expect(r.rows).toEqual([]);
  });

  it('keeps the good rows of a file with one bad row among them, with real line numbers', () => {
    const text = [
      'sku,name,price,talking_points',
      'A,Mug,19.9,"warm',
      'hands"',
      'B,Cup,oops,',
      '',
      'C,Pot,5,',
      ',,,',
    ].join('\n');
    const r = valid(text);
    expect(r.rows.map((x) => [x.line, x.product.sku, x.product.price.amount])).toEqual([
      [2, 'A', 1990],
      [6, 'C', 500],
    ]);
    expect(r.rows[0]?.product.talkingPoints).toEqual(['warm', 'hands']);
    expect(r.rejected).toEqual([{ line: 4, sku: 'B', errors: ['price "oops" is not a price (use digits, e.g. 129.00)'] }]);
  });

  it('limits talking points to 30', () => {
    const points = Array.from({ length: 31 }, (_, i) => `p${i}`).join('|');
    const r = valid(`sku,name,price,talking_points\nA,Mug,1,${points}`);
    expect(r.rejected).toEqual([{ line: 2, sku: 'A', errors: ['talkingPoints: Too big: expected array to have <=30 items'] }]);
  });
});
