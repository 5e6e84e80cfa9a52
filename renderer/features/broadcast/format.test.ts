import { describe, expect, it } from 'vitest';
import { dataValue, elapsedSince, formatDb, formatDuration, formatFixed } from './format.js';

describe('formatDuration', () => {
  it('shows hours, minutes and seconds, truncating milliseconds', () => {
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(999)).toBe('00:00:00');
    expect(formatDuration(61_000)).toBe('00:01:01');
    expect(formatDuration(3_600_000 + 2 * 60_000 + 3_500)).toBe('01:02:03');
    expect(formatDuration(100 * 3_600_000)).toBe('100:00:00');
  });

  it('treats negative and non-finite values as zero', () => {
    expect(formatDuration(-5_000)).toBe('00:00:00');
    expect(formatDuration(Number.NaN)).toBe('00:00:00');
  });
});

describe('elapsedSince', () => {
  it('is null without a start and never negative (clock skew)', () => {
    expect(elapsedSince(null, 10)).toBeNull();
    expect(elapsedSince(1_000, 4_000)).toBe(3_000);
    expect(elapsedSince(5_000, 4_000)).toBe(0);
  });
});

describe('formatFixed', () => {
  it('prints a dash for missing values', () => {
    expect(formatFixed(null, 1)).toBe('—');
    expect(formatFixed(Number.POSITIVE_INFINITY, 1)).toBe('—');
    expect(formatFixed(2.345, 1)).toBe('2.3');
  });
});

describe('formatDb', () => {
  it('uses one decimal and a real minus sign', () => {
    expect(formatDb(-12)).toBe('−12.0');
    expect(formatDb(3.26)).toBe('3.3');
    expect(formatDb(-0.01)).toBe('0.0');
  });

  it('shows silence as minus infinity', () => {
    expect(formatDb(-100)).toBe('−∞');
    expect(formatDb(Number.NEGATIVE_INFINITY)).toBe('−∞');
    expect(formatDb(null)).toBe('−∞');
  });
});

describe('dataValue', () => {
  it('rounds for attributes and is empty without a value', () => {
    expect(dataValue(2450.449, 1)).toBe('2450.4');
    expect(dataValue(0.1234, 2)).toBe('0.12');
    expect(dataValue(null, 2)).toBe('');
  });
});
