import { describe, expect, it } from 'vitest';
import shipped from '../../../resources/classifier/model.json';
import { classify, createScores, INTENTS, loadModel, scoreInto, type Intent, type Sentiment } from './model.js';

const model = loadModel(shipped);

describe('the shipped model (resources/classifier/model.json)', () => {
  it('fits the 2 MB budget', () => {
    // The file is this JSON text plus a newline; it is ASCII, so characters are bytes.
    expect(JSON.stringify(shipped).length + 1).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  // Obvious live-room messages: a model that gets these wrong must not ship.
  const obvious: [string, Sentiment, Intent[]][] = [
    ['扣1', 'neutral', ['purchase']],
    ['上链接', 'neutral', ['purchase']],
    ['已拍', 'neutral', ['purchase']],
    ['拍了两件', 'neutral', ['purchase']],
    ['多少钱', 'neutral', ['question']],
    ['还有货吗', 'neutral', ['question']],
    ['什么时候发货', 'neutral', ['question']],
    ['有XL吗', 'neutral', ['question']],
    ['太贵了', 'negative', ['price_objection']],
    ['能便宜点吗', 'neutral', ['price_objection']],
    ['质量太差了', 'negative', ['complaint']],
    ['还没发货 等了一周', 'negative', ['complaint']],
    ['卡了', 'negative', ['complaint']],
    ['[怒]客服不回消息', 'negative', ['complaint']],
    ['主播好美', 'positive', ['praise']],
    ['666', 'positive', ['praise']],
    ['好看[爱心]', 'positive', ['praise']],
    ['质量很好 回购了', 'positive', ['purchase', 'praise']],
    ['哈哈哈', 'positive', []],
    ['[哈哈]', 'positive', []],
    ['来了', 'neutral', []],
    ['link pls', 'neutral', ['purchase']],
    ['just ordered', 'neutral', ['purchase']],
    ['how much', 'neutral', ['question']],
    ['sold out?', 'neutral', ['question']],
    ['do you ship to canada', 'neutral', ['question']],
    ['too pricey', 'negative', ['price_objection']],
    ['cheaper please', 'neutral', ['price_objection']],
    ['my order never arrived', 'negative', ['complaint']],
    ['quality is bad', 'negative', ['complaint']],
    ['stream is lagging', 'negative', ['complaint']],
    ['love it', 'positive', ['praise']],
    ['you look amazing 😍', 'positive', ['praise']],
    ['so pretty, just bought it', 'positive', ['purchase', 'praise']],
    ['hi everyone', 'neutral', []],
  ];
  it.each(obvious)('%s → %s %j', (text, sentiment, intents) => {
    const r = classify(model, text);
    expect({ sentiment: r.sentiment, intents: [...r.intents] }).toEqual({ sentiment, intents });
    expect(r.confidence).toBeGreaterThan(1 / 3);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('calls an empty message neutral without intents', () => {
    expect(classify(model, '')).toMatchObject({ sentiment: 'neutral', intents: [] });
  });

  it('returns the same frozen intent list for the same intents (no allocation per message)', () => {
    const a = classify(model, '多少钱').intents;
    const b = classify(model, 'how much').intents;
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('agrees with scoreInto on the sentiment and the intents', () => {
    const scores = createScores();
    for (const text of ['太贵了', 'love it', '多少钱', '已拍 质量很好']) {
      scoreInto(model, text, scores);
      const r = classify(model, text);
      const [neg = 0, neu = 0, pos = 0] = scores;
      const best = pos >= neg && pos >= neu ? 'positive' : neg > pos && neg >= neu ? 'negative' : 'neutral';
      expect(r.sentiment).toBe(best);
      const intents = INTENTS.filter((_, i) => (scores[3 + i] ?? 0) > (model.thresholds[i] ?? 0));
      expect([...r.intents]).toEqual(intents);
    }
  });
});

describe('loadModel', () => {
  it('rejects what is not a model, naming the problem', () => {
    expect(() => loadModel(null)).toThrow(/not an object/);
    expect(() => loadModel({ ...shipped, format: 'other' })).toThrow(/format/);
    expect(() => loadModel({ ...shipped, version: 99 })).toThrow(/version/);
    expect(() => loadModel({ ...shipped, bits: 40 })).toThrow(/bits/);
    expect(() => loadModel({ ...shipped, scales: [1, 2] })).toThrow(/scales/);
    expect(() => loadModel({ ...shipped, bias: shipped.bias.map(() => 'x') })).toThrow(/bias/);
    expect(() => loadModel({ ...shipped, weights: shipped.weights.slice(0, 1000) })).toThrow(/ends/);
  });
});
