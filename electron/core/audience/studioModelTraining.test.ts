import { describe, expect, it } from 'vitest';
import { fnv1a, parseChatSet } from '../../../shared/domain/classifier/labelledData.js';
import { studioExamples, TrainerMessage } from './studioModelTraining.js';

const line = (o: object): string => JSON.stringify({ lang: 'zh', source: 'template', ...o });

describe('studio model training data', () => {
  it('reads the chat set and names a bad line', () => {
    const ok = [
      line({ text: '扣1', sentiment: 'neutral', intents: ['purchase'], split: 'train', template: 'zh:扣1' }),
      '',
      line({ text: '多少钱', sentiment: 'neutral', intents: ['question'], split: 'heldout', template: 'zh:price' }),
    ].join('\n');
    expect(parseChatSet(ok, 'chat.jsonl').map((l) => l.text)).toEqual(['扣1', '多少钱']);
    expect(() => parseChatSet(`${ok}\n{nope`, 'chat.jsonl')).toThrow('chat.jsonl:4: not JSON');
    expect(() => parseChatSet(line({ text: 'x', sentiment: 'angry', intents: [], split: 'train', template: 't' }), 'c')).toThrow(/^c:1: /);
  });

  it('uses the train split and weighs corrections three times a chat line (as scripts/classifier/train.ts)', () => {
    const chat = parseChatSet(
      [
        line({ text: '扣1', sentiment: 'neutral', intents: ['purchase'], split: 'train', template: 'zh:扣1 + zh:emoji' }),
        line({ text: '多少钱', sentiment: 'neutral', intents: ['question'], split: 'heldout', template: 'zh:price' }),
      ].join('\n'),
      'c',
    );
    const ex = studioExamples(chat, [{ text: 'too pricey', sentiment: 'negative', intents: ['price_objection', 'complaint'] }]);
    expect(ex).toEqual([
      { text: '扣1', sentiment: 1, intents: -1, weight: 4 },
      { text: '扣1', sentiment: -1, intents: 0b1, weight: 1, group: fnv1a('zh:扣1') },
      { text: 'too pricey', sentiment: 0, intents: -1, weight: 12 },
      { text: 'too pricey', sentiment: -1, intents: 0b1010, weight: 3, group: fnv1a('correction:too pricey') },
    ]);
  });

  it('accepts only known messages from the trainer process', () => {
    expect(TrainerMessage.safeParse({ type: 'progress', stage: 'training' }).success).toBe(true);
    expect(TrainerMessage.safeParse({ type: 'done', examples: 1.5 }).success).toBe(false);
  });
});
