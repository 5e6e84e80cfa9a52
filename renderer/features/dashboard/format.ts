import { formatMoney } from '../../../shared/domain/money.js';

/** "12.3%" from a ratio; "–" without one. Percentages are rounded here, for display only. */
export function formatPct(ratio: number | null, digits = 1): string {
  return ratio === null ? '–' : `${(ratio * 100).toFixed(digits)}%`;
}

export function formatCount(n: number | null): string {
  return n === null ? '–' : n.toLocaleString('en-US');
}

export function formatSentiment(index: number | null): string {
  return index === null ? '–' : `${index >= 0 ? '+' : ''}${index.toFixed(2)}`;
}

/** Money as minor units in `currency`; a negative delta keeps its sign. */
export function formatMinor(amount: number | null, currency: string): string {
  if (amount === null) return '–';
  return amount < 0 ? `-${formatMoney({ amount: -amount, currency })}` : formatMoney({ amount, currency });
}

export type DeltaTone = 'up' | 'down' | 'flat' | 'none';

export function deltaTone(delta: number | null): DeltaTone {
  if (delta === null) return 'none';
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}

/** A delta with its sign ("+12", "-3.0%", "+¥99.00"); '' when unknown. */
export function formatDelta(delta: number | null, kind: 'count' | 'pct' | 'money' | 'index', currency = 'CNY'): string {
  if (delta === null) return '';
  const sign = delta > 0 ? '+' : delta < 0 ? '-' : '±';
  const abs = Math.abs(delta);
  switch (kind) {
    case 'count':
      return `${sign}${abs.toLocaleString('en-US')}`;
    case 'pct':
      return `${sign}${(abs * 100).toFixed(1)} pt`;
    case 'money':
      return `${sign}${formatMinor(abs, currency)}`;
    case 'index':
      return `${sign}${abs.toFixed(2)}`;
  }
}

/** "12:34" minutes:seconds, or "1:02:03" past an hour. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
