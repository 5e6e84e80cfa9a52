import { describe, expect, it } from 'vitest';
import { currencyExponent, formatDecimal, formatMoney, parseMoney } from './money.js';

describe('currencyExponent', () => {
  it('knows zero- and three-decimal currencies and defaults to 2', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('CNY')).toBe(2);
    expect(currencyExponent('XYZ')).toBe(2);
  });
});

describe('parseMoney', () => {
  const cases: [string, string, number][] = [
    ['129', 'CNY', 12900],
    ['129.9', 'CNY', 12990],
    ['129.90', 'CNY', 12990],
    ['129.09', 'CNY', 12909],
    ['0.01', 'CNY', 1],
    ['0', 'CNY', 0],
    ['007.5', 'CNY', 750],
    ['¥1,299.00', 'CNY', 129900],
    ['￥1,299', 'CNY', 129900],
    ['  ¥ 1,299.5  ', 'CNY', 129950],
    ['1,234,567.89', 'CNY', 123456789],
    ['1 299', 'CNY', 129900],
    ['1\u00a0299.00', 'CNY', 129900],
    ['1,29,999', 'INR', 12999900],
    ['CNY 129', 'CNY', 12900],
    ['cny129.5', 'CNY', 12950],
    ['RMB 88', 'CNY', 8800],
    ['$19.99', 'USD', 1999],
    ['USD 19.99', 'USD', 1999],
    ['€5', 'EUR', 500],
    ['£5.5', 'GBP', 550],
    ['1299', 'JPY', 1299],
    ['¥1,299', 'JPY', 1299],
    ['1.5', 'KWD', 1500],
    ['1.234', 'KWD', 1234],
    // the largest amount that is still a safe integer of minor units
    ['90071992547409.91', 'CNY', Number.MAX_SAFE_INTEGER],
  ];
  it.each(cases)('parses %j in %s to %i minor units', (text, currency, amount) => {
    expect(parseMoney(text, currency)).toEqual({ ok: true, money: { amount, currency } });
  });

  it('never goes through a float: 0.29 and 1.005-style values stay exact', () => {
    // 0.29 * 100 === 28.999999999999996 in floating point
    expect(parseMoney('0.29', 'CNY')).toEqual({ ok: true, money: { amount: 29, currency: 'CNY' } });
    expect(parseMoney('4.35', 'CNY')).toEqual({ ok: true, money: { amount: 435, currency: 'CNY' } });
    expect(parseMoney('1.005', 'KWD')).toEqual({ ok: true, money: { amount: 1005, currency: 'KWD' } });
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(parseMoney('129.999', 'CNY')).toEqual({ ok: false, reason: '"129.999" has more than 2 decimals for CNY' });
    expect(parseMoney('1299.5', 'JPY')).toEqual({ ok: false, reason: '"1299.5" has more than 0 decimals for JPY' });
    expect(parseMoney('¥1,299.00', 'JPY')).toEqual({ ok: false, reason: '"¥1,299.00" has more than 0 decimals for JPY' });
    expect(parseMoney('1.2345', 'KWD')).toEqual({ ok: false, reason: '"1.2345" has more than 3 decimals for KWD' });
  });

  it('reports empty input', () => {
    expect(parseMoney('', 'CNY')).toEqual({ ok: false, reason: 'is empty' });
    expect(parseMoney('   ', 'CNY')).toEqual({ ok: false, reason: 'is empty' });
  });

  it.each(['abc', '12a', '-5', '+5', '1e3', '.5', '129.', '1.2.3', '¥', 'CNY', '12 9', '1,2', '12,34,56', '1,,299', 'NaN', 'Infinity', '0x10'])(
    'refuses garbage %j',
    (text) => {
      expect(parseMoney(text, 'CNY')).toEqual({ ok: false, reason: `"${text.trim()}" is not a price (use digits, e.g. 129.00)` });
    },
  );

  it('refuses a decimal comma rather than reading it as a thousands separator', () => {
    // "129,90" used to become 12990.00 — a price one hundred times too high.
    expect(parseMoney('129,90', 'EUR')).toEqual({ ok: false, reason: '"129,90" is not a price (use digits, e.g. 129.00)' });
    expect(parseMoney('1.299,00', 'EUR')).toEqual({ ok: false, reason: '"1.299,00" is not a price (use digits, e.g. 129.00)' });
  });

  it('refuses a symbol or code that names another currency', () => {
    expect(parseMoney('$129', 'CNY')).toEqual({ ok: false, reason: '"$129" is not a CNY price' });
    expect(parseMoney('USD 129', 'CNY')).toEqual({ ok: false, reason: '"USD 129" is not a CNY price' });
    expect(parseMoney('€5', 'GBP')).toEqual({ ok: false, reason: '"€5" is not a GBP price' });
    expect(parseMoney('RMB 5', 'USD')).toEqual({ ok: false, reason: '"RMB 5" is not a USD price' });
  });

  it('refuses huge numbers as too large, whatever their length', () => {
    expect(parseMoney('90071992547409.92', 'CNY')).toEqual({ ok: false, reason: '"90071992547409.92" is too large' });
    expect(parseMoney('9999999999999', 'KWD')).toEqual({ ok: false, reason: '"9999999999999" is too large' });
    expect(parseMoney('123456789012345678901234567890', 'CNY')).toEqual({
      ok: false,
      reason: '"123456789012345678901234567890" is too large',
    });
    expect(parseMoney('9007199254740992', 'JPY')).toEqual({ ok: false, reason: '"9007199254740992" is too large' });
    expect(parseMoney('9007199254740991', 'JPY')).toEqual({ ok: true, money: { amount: 9007199254740991, currency: 'JPY' } });
  });
});

describe('formatDecimal / formatMoney', () => {
  it('formats minor units with the currency exponent', () => {
    expect(formatDecimal({ amount: 12900, currency: 'CNY' })).toBe('129.00');
    expect(formatDecimal({ amount: 12990, currency: 'CNY' })).toBe('129.90');
    expect(formatDecimal({ amount: 5, currency: 'CNY' })).toBe('0.05');
    expect(formatDecimal({ amount: 0, currency: 'CNY' })).toBe('0.00');
    expect(formatDecimal({ amount: 1299, currency: 'JPY' })).toBe('1299');
    expect(formatDecimal({ amount: 0, currency: 'JPY' })).toBe('0');
    expect(formatDecimal({ amount: 1005, currency: 'KWD' })).toBe('1.005');
    expect(formatDecimal({ amount: 7, currency: 'KWD' })).toBe('0.007');
    expect(formatDecimal({ amount: Number.MAX_SAFE_INTEGER, currency: 'CNY' })).toBe('90071992547409.91');
  });

  it('keeps the sign of a negative amount (a refund or a difference)', () => {
    expect(formatDecimal({ amount: -5, currency: 'CNY' })).toBe('-0.05');
    expect(formatDecimal({ amount: -12900, currency: 'CNY' })).toBe('-129.00');
    expect(formatDecimal({ amount: -3, currency: 'JPY' })).toBe('-3');
  });

  it('round-trips through parseMoney', () => {
    for (const [amount, currency] of [
      [0, 'CNY'],
      [1, 'CNY'],
      [10, 'CNY'],
      [129900, 'CNY'],
      [1299, 'JPY'],
      [1234, 'KWD'],
    ] as const) {
      expect(parseMoney(formatDecimal({ amount, currency }), currency)).toEqual({ ok: true, money: { amount, currency } });
    }
  });

  it('shows a symbol when the currency has a common one, else the code', () => {
    expect(formatMoney({ amount: 12900, currency: 'CNY' })).toBe('¥129.00');
    expect(formatMoney({ amount: 1999, currency: 'USD' })).toBe('$19.99');
    expect(formatMoney({ amount: 500, currency: 'EUR' })).toBe('€5.00');
    expect(formatMoney({ amount: 550, currency: 'GBP' })).toBe('£5.50');
    expect(formatMoney({ amount: 1299, currency: 'JPY' })).toBe('¥1299');
    expect(formatMoney({ amount: 1005, currency: 'KWD' })).toBe('1.005 KWD');
    expect(formatMoney({ amount: 100, currency: 'HKD' })).toBe('1.00 HKD');
  });
});
