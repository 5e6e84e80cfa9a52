import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INTENTS, SENTIMENTS } from '../../shared/domain/classifier/model.js';
import { dedupKey, DEFAULT_CHAT_SEED, generateChatSet, normaliseForDedup } from './chat-generator.js';
import { chatSetPath, loadChatSet } from './data.js';

describe('the chat set', () => {
  const lines = loadChatSet();

  it('is exactly what the seeded generator writes (regenerate with generate-chat.ts)', () => {
    const expected = `${generateChatSet(DEFAULT_CHAT_SEED)
      .map((l) => JSON.stringify(l))
      .join('\n')}\n`;
    expect(readFileSync(chatSetPath, 'utf8')).toBe(expected);
  });

  it('depends on the seed', () => {
    expect(generateChatSet(DEFAULT_CHAT_SEED + 1).map((l) => l.text)).not.toEqual(lines.map((l) => l.text));
  });

  it('has at least 1,500 short lines, about half zh and half en, every label used', () => {
    expect(lines.length).toBeGreaterThanOrEqual(1500);
    const zh = lines.filter((l) => l.lang === 'zh').length;
    expect(zh / lines.length).toBeGreaterThan(0.4);
    expect(zh / lines.length).toBeLessThan(0.6);
    const lengths = lines.map((l) => Array.from(l.text).length).sort((a, b) => a - b);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeLessThan(15);
    for (const s of SENTIMENTS) expect(lines.filter((l) => l.sentiment === s).length).toBeGreaterThan(100);
    for (const i of INTENTS) expect(lines.filter((l) => l.intents.includes(i)).length).toBeGreaterThan(100);
  });

  it('keeps held-out templates and normalised texts out of training', () => {
    const train = lines.filter((l) => l.split === 'train');
    const held = lines.filter((l) => l.split === 'heldout');
    expect(held.length).toBeGreaterThan(300);
    const trainTemplates = new Set(train.flatMap((l) => l.template.split(' + ')));
    for (const l of held) for (const t of l.template.split(' + ')) expect(trainTemplates.has(t)).toBe(false);
    const trainTexts = new Set(train.map((l) => dedupKey(l.text)));
    expect(held.filter((l) => trainTexts.has(dedupKey(l.text)))).toEqual([]);
  });

  it('normalises away what does not make a different line', () => {
    expect(normaliseForDedup('多少钱呀？？[疑问]')).toBe(normaliseForDedup('多少钱'));
    expect(normaliseForDedup('Link PLS 😍')).toBe(normaliseForDedup('link pls'));
    expect(normaliseForDedup('太贵了')).not.toBe(normaliseForDedup('太贵'));
  });
});
