import type { Money } from '../contract/common.js';

/** Minor-unit exponent per ISO 4217 code; 2 unless listed. */
const EXPONENTS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

export type ParseMoneyResult = { ok: true; money: Money } | { ok: false; reason: string };

/** Which currencies a leading symbol may stand for; a symbol that contradicts the currency is refused. */
const SYMBOL_CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  '¥': ['CNY', 'JPY'],
  '￥': ['CNY', 'JPY'],
  $: ['USD', 'AUD', 'CAD', 'HKD', 'NZD', 'SGD', 'TWD'],
  '€': ['EUR'],
  '£': ['GBP'],
};
const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };

/**
 * Digits with optional thousands separators. Groups must be exact ("1,299", Indian "1,29,999"), so a decimal
 * comma such as "129,90" is refused instead of being read as 12990.
 */
const WHOLE = /^(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})$/;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses a decimal price as typed by people or found in CSV ("129", "129.9", "¥1,299.00") into minor units.
 * Exact: the decimal string is never converted through a float. More decimals than the currency has is an error,
 * not a rounding. A currency symbol or code in front must agree with `currency` ("$5" is not a CNY price).
 */
export function parseMoney(text: string, currency: string): ParseMoneyResult {
  const shown = text.trim();
  if (shown === '') return { ok: false, reason: 'is empty' };
  const notAPrice: ParseMoneyResult = { ok: false, reason: `"${shown}" is not a price (use digits, e.g. 129.00)` };
  const prefix = /^(?:([¥$€£￥])|([A-Za-z]{3})(?=[\s\d]))\s*/.exec(shown);
  let rest = shown;
  if (prefix) {
    const symbol = prefix[1];
    const code = prefix[2]?.toUpperCase();
    const allowed = symbol !== undefined ? (SYMBOL_CURRENCIES[symbol] ?? []) : [code === undefined ? '' : (CODE_ALIASES[code] ?? code)];
    if (!allowed.includes(currency)) return { ok: false, reason: `"${shown}" is not a ${currency} price` };
    rest = shown.slice(prefix[0].length);
  }
  // Spaces (including no-break and thin spaces) are thousands separators too: "1 299" is "1,299".
  const m = /^([\d,]+)(?:\.(\d+))?$/.exec(rest.replace(/\s/g, ','));
  if (!m?.[1] || !WHOLE.test(m[1])) return notAPrice;
  const exp = currencyExponent(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) return { ok: false, reason: `"${shown}" has more than ${exp} decimals for ${currency}` };
  const minor = BigInt(m[1].replace(/,/g, '')) * 10n ** BigInt(exp) + BigInt(frac.padEnd(exp, '0') || '0');
  if (minor > MAX_SAFE) return { ok: false, reason: `"${shown}" is too large` };
  return { ok: true, money: { amount: Number(minor), currency } };
}

/** Formats minor units as a plain decimal string ("12900" CNY → "129.00"; a negative amount keeps its sign). */
export function formatDecimal(money: Money): string {
  const exp = currencyExponent(money.currency);
  const sign = money.amount < 0 ? '-' : '';
  const digits = String(Math.abs(money.amount));
  if (exp === 0) return `${sign}${digits}`;
  const s = digits.padStart(exp + 1, '0');
  return `${sign}${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** Formats for display with the currency's symbol when it has a common one ("¥129.00"), else the code. */
export function formatMoney(money: Money): string {
  const symbol = SYMBOLS[money.currency];
  return symbol ? `${symbol}${formatDecimal(money)}` : `${formatDecimal(money)} ${money.currency}`;
}
