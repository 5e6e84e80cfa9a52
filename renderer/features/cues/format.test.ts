import { describe, expect, it } from 'vitest';
import { formatElapsed, formatRemaining } from './format.js';

describe('formatElapsed', () => {
  it('shows minutes and seconds, hours when there are any', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_999)).toBe('1:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });
  it('counts negative and non-finite values as zero', () => {
    expect(formatElapsed(-5000)).toBe('0:00');
    expect(formatElapsed(Number.NaN)).toBe('0:00');
  });
});

describe('formatRemaining', () => {
  it('counts down rounding up, so 0:00 means the time is up', () => {
    expect(formatRemaining(300_000)).toEqual({ text: '5:00', over: false });
    expect(formatRemaining(1)).toEqual({ text: '0:01', over: false });
    expect(formatRemaining(0)).toEqual({ text: '0:00', over: false });
  });
  it('counts the overrun up with a plus sign', () => {
    expect(formatRemaining(-1)).toEqual({ text: '+0:00', over: true });
    expect(formatRemaining(-12_500)).toEqual({ text: '+0:12', over: true });
    expect(formatRemaining(-3_600_000)).toEqual({ text: '+1:00:00', over: true });
  });
});
