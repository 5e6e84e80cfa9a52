import { describe, expect, it } from 'vitest';
import { createFeatureScratch, extractFeatures } from './features.js';

function feats(text: string): number[] {
  const scratch = createFeatureScratch(4);
  const n = extractFeatures(text, scratch);
  return Array.from(scratch.feats.subarray(0, n));
}

describe('extractFeatures', () => {
  it('is deterministic and order-sensitive', () => {
    expect(feats('上链接')).toEqual(feats('上链接'));
    expect(feats('上链接')).not.toEqual(feats('链接上'));
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(feats('')).toEqual([]);
    expect(feats('，。、 ')).toEqual([]);
  });

  it('emits unigram, bigram and trigram per CJK character', () => {
    expect(feats('多少钱')).toHaveLength(1 + 2 + 3);
  });

  it('reads an emoticon code as one unit, unlike the same characters bare', () => {
    expect(feats('[哈哈]')).toHaveLength(1);
    expect(feats('[哈哈]')).not.toEqual(feats('哈哈'));
    expect(feats('[怒]')).not.toEqual(feats('[哈哈]'));
    // an unclosed bracket is not an emoticon
    expect(feats('[哈哈')).toEqual(feats('哈哈'));
  });

  it('reads an emoji (surrogate pair) as one unit; variation selectors and skin tones do not count', () => {
    expect(feats('😍')).toHaveLength(1);
    expect(feats('❤️')).toEqual(feats('❤'));
    expect(feats('👍🏽')).toEqual(feats('👍'));
    expect(feats('😍')).not.toEqual(feats('😡'));
  });

  it('folds case, full-width forms, repeated letters and repeated marks', () => {
    expect(feats('LINK PLS')).toEqual(feats('link pls'));
    expect(feats('多少钱？')).toEqual(feats('多少钱?'));
    expect(feats('ｌｉｎｋ')).toEqual(feats('link'));
    expect(feats('sooooo good')).toEqual(feats('soo good'));
    expect(feats('太贵了!!!')).toEqual(feats('太贵了!'));
    expect(feats("don't")).toEqual(feats('dont'));
  });

  it('keeps short numbers literal, one repeated digit as one unit, long numbers by length', () => {
    expect(feats('扣1')).not.toEqual(feats('扣2'));
    expect(feats('666')).toEqual(feats('666666'));
    expect(feats('666')).not.toEqual(feats('111'));
    expect(feats('13812345678')).toEqual(feats('13987654321'));
  });

  it('lets clause punctuation break the n-gram chain but not spaces', () => {
    expect(feats('好看，太贵')).toHaveLength(3 + 3);
    expect(feats('好看太贵')).toHaveLength(1 + 2 + 3 + 3);
    expect(feats('link pls').length).toBeGreaterThan(feats('link').length + feats('pls').length);
  });

  it('grows its buffer for long text and reuses it after', () => {
    const scratch = createFeatureScratch(4);
    const long = '质量很好'.repeat(500);
    const n = extractFeatures(long, scratch);
    expect(n).toBe(3 * long.length - 3);
    const buffer = scratch.feats;
    extractFeatures('短', scratch);
    expect(scratch.feats).toBe(buffer);
  });
});
