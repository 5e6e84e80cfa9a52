import type { Money } from '../contract/common.js';

/** Minor-unit exponent per ISO 4217 code; 2 unless listed. */
const EXPONENTS: Readonly<Record<string, number>> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, BHD: 3, KWD: 3, JOD: 3, OMR: 3, TND: 3 };

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

export type ParseMoneyResult = { ok: true; money: Money } | { ok: false; reason: string };

/**
 * Parses a decimal price as typed by people or found in CSV ("129", "129.9", "¥1,299.00") into minor units.
 * Exact: the decimal string is never converted through a float. More decimals than the currency has is an error,
 * not a rounding.
 */
export function parseMoney(text: string, currency: string): ParseMoneyResult {
  const cleaned = text.trim().replace(/^[¥$€£￥]|^(CNY|RMB|USD|EUR)\s*/i, '').replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: false, reason: 'is empty' };
  const m = /^(\d{1,13})(?:\.(\d+))?$/.exec(cleaned);
  if (!m) return { ok: false, reason: `"${text.trim()}" is not a price (use digits, e.g. 129.00)` };
  const exp = currencyExponent(currency);
  const whole = m[1] ?? '0';
  const frac = m[2] ?? '';
  if (frac.length > exp) return { ok: false, reason: `"${text.trim()}" has more than ${exp} decimals for ${currency}` };
  const amount = Number(whole) * 10 ** exp + (frac === '' ? 0 : Number(frac.padEnd(exp, '0')));
  if (!Number.isSafeInteger(amount)) return { ok: false, reason: `"${text.trim()}" is too large` };
  return { ok: true, money: { amount, currency } };
}

/** Formats minor units as a plain decimal string ("12900" CNY → "129.00"). */
export function formatDecimal(money: Money): string {
  const exp = currencyExponent(money.currency);
  if (exp === 0) return String(money.amount);
  const s = String(money.amount).padStart(exp + 1, '0');
  return `${s.slice(0, -exp)}.${s.slice(-exp)}`;
}

const SYMBOLS: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** Formats for display with the currency's symbol when it has a common one ("¥129.00"), else the code. */
export function formatMoney(money: Money): string {
  const symbol = SYMBOLS[money.currency];
  return symbol ? `${symbol}${formatDecimal(money)}` : `${formatDecimal(money)} ${money.currency}`;
}
