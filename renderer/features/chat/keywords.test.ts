import { describe, expect, it } from 'vitest';
import { terms, topKeywords } from './keywords.js';

describe('terms', () => {
  it('splits Chinese into bigrams and drops ones with function characters', () => {
    expect(terms('链接在哪')).toEqual(['链接']);
    expect(terms('太贵了')).toEqual(['太贵']);
  });

  it('keeps English words minus stop-words, lowercased', () => {
    expect(terms('Is THIS the Price after the coupon?')).toEqual(['price', 'after', 'coupon']);
    expect(terms("don't")).toEqual([]);
  });

  it('handles mixed text', () => {
    expect(terms('包邮吗 free shipping')).toEqual(['包邮', 'free', 'shipping']);
  });
});

describe('topKeywords', () => {
  it('ranks by the number of messages that mention a term, ties alphabetical', () => {
    const top = topKeywords(['太贵了', '太贵 太贵', '包邮吗', 'price price', null, 'Price?'], 3);
    expect(top).toEqual([
      { term: 'price', count: 2 },
      { term: '太贵', count: 2 },
      { term: '包邮', count: 1 },
    ]);
  });

  it('returns nothing for no messages', () => {
    expect(topKeywords([], 5)).toEqual([]);
    expect(topKeywords(['a b c'], 0)).toEqual([]);
  });
});
