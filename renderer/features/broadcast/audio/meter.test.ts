import { describe, expect, it } from 'vitest';
import {
  channelPeak,
  dbStepAsFraction,
  dbToFraction,
  fallTowards,
  holdPeak,
  mulToDb,
  NO_PEAK,
  peakMarker,
  peakOfChannels,
  SILENT_METER,
  stepMeter,
} from './meter.js';

describe('mulToDb / dbToFraction', () => {
  it('converts multipliers to dBFS', () => {
    expect(mulToDb(1)).toBe(0);
    expect(mulToDb(0.1)).toBeCloseTo(-20, 10);
    expect(mulToDb(0.001)).toBeCloseTo(-60, 10);
    expect(mulToDb(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(mulToDb(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(mulToDb(Number.NaN)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('maps −60…0 dB linearly onto the meter and clamps outside it', () => {
    expect(dbToFraction(0)).toBe(1);
    expect(dbToFraction(6)).toBe(1);
    expect(dbToFraction(-30)).toBeCloseTo(0.5, 10);
    expect(dbToFraction(-60)).toBe(0);
    expect(dbToFraction(-90)).toBe(0);
    expect(dbToFraction(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(dbToFraction(Number.NaN)).toBe(0);
    expect(dbStepAsFraction(6)).toBeCloseTo(0.1, 10);
  });
});

describe('channel peaks', () => {
  it('reads the peak of each [magnitude, peak, inputPeak] triple and clamps it', () => {
    expect(channelPeak([0.2, 0.5, 0.9])).toBe(0.5);
    expect(channelPeak([0.2])).toBe(0);
    expect(channelPeak(undefined)).toBe(0);
    expect(channelPeak([0, 1.7, 0])).toBe(1);
    expect(peakOfChannels([[0.1, 0.3, 0.3], [0.1, 0.6, 0.6]])).toBe(0.6);
    expect(peakOfChannels([])).toBe(0);
  });
});

describe('fallTowards', () => {
  it('rises at once and falls at a bounded rate', () => {
    expect(fallTowards(0.2, 0.8, 16, 0.5)).toBe(0.8);
    expect(fallTowards(0.8, 0.2, 100, 0.5)).toBeCloseTo(0.75, 10);
    expect(fallTowards(0.8, 0.2, 10_000, 0.5)).toBe(0.2);
    expect(fallTowards(0.8, 0.2, -5, 0.5)).toBe(0.8);
  });
});

describe('peak hold', () => {
  it('holds a new high, then lets it fall, never jumping above it', () => {
    let hold = holdPeak(NO_PEAK, 0.7, 1_000, 1_500, 0.5);
    expect(hold).toEqual({ peak: 0.7, at: 1_000 });
    hold = holdPeak(hold, 0.3, 2_000, 1_500, 0.5);
    expect(peakMarker(hold, 2_000, 1_500, 0.5)).toBe(0.7);
    expect(peakMarker(hold, 2_500, 1_500, 0.5)).toBe(0.7);
    expect(peakMarker(hold, 3_500, 1_500, 0.5)).toBeCloseTo(0.2, 10);
    expect(peakMarker(hold, 60_000, 1_500, 0.5)).toBe(0);
  });

  it('takes a level that reaches the falling marker as the new high', () => {
    const hold = { peak: 0.7, at: 0 };
    // At 2.5 s the marker has fallen to 0.5; a level of 0.55 is above it.
    expect(holdPeak(hold, 0.55, 2_500, 1_500, 0.2)).toEqual({ peak: 0.55, at: 2_500 });
    expect(holdPeak(hold, 0.4, 2_500, 1_500, 0.2)).toBe(hold);
  });
});

describe('stepMeter', () => {
  it('fills both bars from a mono input and reports the raw peak', () => {
    const d = stepMeter(SILENT_METER, [[0.05, 0.1, 0.1]], 1_000);
    expect(d.channels).toHaveLength(2);
    expect(d.channels[0]?.level).toBeCloseTo(dbToFraction(-20), 10);
    expect(d.channels[1]?.level).toBeCloseTo(dbToFraction(-20), 10);
    expect(d.peak).toBe(0.1);
  });

  it('lets the bar fall smoothly when the input goes silent, keeping the peak marker', () => {
    const loud = stepMeter(SILENT_METER, [[0.5, 1, 1], [0.5, 1, 1]], 1_000);
    expect(loud.channels[0]?.level).toBe(1);
    const next = stepMeter(loud, [], 1_100);
    expect(next.peak).toBe(0);
    // 26 dB/s over 0.1 s = 2.6 dB of a 60 dB scale.
    expect(next.channels[0]?.level).toBeCloseTo(1 - 2.6 / 60, 10);
    expect(peakMarker(next.channels[0]?.hold ?? NO_PEAK, 1_100)).toBe(1);
  });
});
