import { describe, expect, it } from 'vitest';
import { fnv1a, intentMask, parseCorrections } from '../../shared/domain/classifier/labelledData.js';

describe('fnv1a', () => {
  it('matches the reference 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('parseCorrections', () => {
  it('reads {text, sentiment, intents} lines; intents may be absent; blank lines are skipped', () => {
    const content = '{"text":"主播太啰嗦了","sentiment":"negative","intents":["complaint"]}\n\n{"text":"ok","sentiment":"neutral"}\n';
    expect(parseCorrections(content, 'c.jsonl')).toEqual([
      { text: '主播太啰嗦了', sentiment: 'negative', intents: ['complaint'] },
      { text: 'ok', sentiment: 'neutral', intents: [] },
    ]);
  });

  it.each([
    ['not JSON', '{"text":', /c\.jsonl:1: not JSON/],
    ['an unknown sentiment', '{"text":"x","sentiment":"angry"}', /c\.jsonl:1: sentiment/],
    ['an unknown intent', '{"text":"x","sentiment":"neutral","intents":["refund"]}', /c\.jsonl:1: intents/],
    ['an empty text', '{"text":" ","sentiment":"neutral"}', /c\.jsonl:1: text/],
    ['a bad second line', '{"text":"x","sentiment":"neutral"}\n[1]', /c\.jsonl:2:/],
  ])('rejects %s, naming the line', (_name, content, message) => {
    expect(() => parseCorrections(content, 'c.jsonl')).toThrow(message);
  });
});

describe('intentMask', () => {
  it('sets one bit per known intent, in head order', () => {
    expect(intentMask(['purchase', 'praise'])).toBe(0b10001);
    expect(intentMask([])).toBe(0);
    expect(intentMask(['unknown'])).toBe(0);
  });
});
