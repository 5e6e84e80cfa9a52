import { describe, expect, it } from 'vitest';
import { classify, INTENTS, loadModel } from './model.js';
import { DEFAULT_TRAIN_OPTIONS, trainModel, type TrainingExample } from './train.js';

const bit = (name: (typeof INTENTS)[number]): number => 1 << INTENTS.indexOf(name);

// A tiny labelled set: each line once for sentiment and once for intents, as the training script does.
const lines: [string, number, number][] = [
  ['太贵了', 0, bit('price_objection')],
  ['好贵啊', 0, bit('price_objection')],
  ['too expensive', 0, bit('price_objection')],
  ['多少钱', 1, bit('question')],
  ['多少钱呀', 1, bit('question')],
  ['how much', 1, bit('question')],
  ['上链接', 1, bit('purchase')],
  ['已拍', 1, bit('purchase')],
  ['link pls', 1, bit('purchase')],
  ['主播好美', 2, bit('praise')],
  ['好看', 2, bit('praise')],
  ['love it', 2, bit('praise')],
  ['质量太差', 0, bit('complaint')],
  ['还没发货', 0, bit('complaint')],
  ['never arrived', 0, bit('complaint')],
];
const examples: TrainingExample[] = lines.flatMap(([text, sentiment, intents], i) => [
  { text, sentiment, intents: -1, weight: 1 },
  { text, sentiment: -1, intents, weight: 1, group: i },
]);
const options = { ...DEFAULT_TRAIN_OPTIONS, bits: 12, sentimentEpochs: 20, intentEpochs: 30, thresholdFolds: 3 };

describe('trainModel', () => {
  it('is deterministic for a seed, and the seed matters', () => {
    const a = trainModel(examples, options);
    const b = trainModel(examples, options);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = trainModel(examples, { ...options, seed: options.seed + 1 });
    expect(c.weights).not.toBe(a.weights);
  });

  it('learns its training lines', () => {
    const model = loadModel(trainModel(examples, { ...options, thresholdFolds: 0 }));
    expect(classify(model, '太贵了')).toMatchObject({ sentiment: 'negative', intents: ['price_objection'] });
    expect(classify(model, 'how much')).toMatchObject({ sentiment: 'neutral', intents: ['question'] });
    expect(classify(model, '主播好美')).toMatchObject({ sentiment: 'positive', intents: ['praise'] });
  });

  it('writes a model file loadModel accepts, with the options recorded', () => {
    const json = trainModel(examples, { ...options, meta: { note: 'test' } });
    expect(json.bits).toBe(12);
    expect(json.meta).toEqual({ note: 'test' });
    expect(json.thresholds).toHaveLength(INTENTS.length);
    expect(() => loadModel(JSON.parse(JSON.stringify(json)))).not.toThrow();
  });
});
