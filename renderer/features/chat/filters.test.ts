import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/contract/audience.js';
import { CHAT_FILTERS, isHidden, lowerWords, matchesFilter, matchesSearch, normaliseSearch, parseBlockWords, shows } from './filters.js';

const comment = (over: Partial<CommentView> = {}): CommentView => ({
  id: 'c1',
  at: 0,
  platform: 'rehearsal',
  connectorId: 'rehearsal',
  userId: null,
  displayName: 'Lin',
  text: '这个多少钱 How much?',
  sentiment: 'neutral',
  intents: ['question'],
  confidence: 0.9,
  simulated: true,
  pinned: false,
  answered: false,
  blocked: false,
  corrected: false,
  ...over,
});

describe('matchesFilter', () => {
  it('maps each filter to its intent', () => {
    const q = comment();
    expect(CHAT_FILTERS.filter((f) => matchesFilter(q, f))).toEqual(['all', 'questions']);
    const p = comment({ intents: ['purchase', 'price_objection', 'complaint', 'praise'], pinned: true });
    expect(CHAT_FILTERS.filter((f) => matchesFilter(p, f))).toEqual(['all', 'purchase', 'price_objection', 'complaints', 'praise', 'pinned']);
  });
});

describe('search and block words', () => {
  it('searches text and name, case-insensitively', () => {
    expect(matchesSearch(comment(), normaliseSearch('  HOW '))).toBe(true);
    expect(matchesSearch(comment(), 'lin')).toBe(true);
    expect(matchesSearch(comment(), '多少')).toBe(true);
    expect(matchesSearch(comment(), 'coupon')).toBe(false);
    expect(matchesSearch(comment({ text: null, displayName: null }), 'x')).toBe(false);
    expect(matchesSearch(comment(), '')).toBe(true);
  });

  it('hides comments flagged blocked or holding a blocked word', () => {
    expect(isHidden(comment({ blocked: true }), [])).toBe(true);
    expect(isHidden(comment(), lowerWords(['HOW much']))).toBe(true);
    expect(isHidden(comment(), lowerWords(['  ', 'coupon']))).toBe(false);
    expect(shows(comment(), 'questions', '', [])).toBe(true);
    expect(shows(comment(), 'questions', '', ['多少'])).toBe(false);
  });

  it('parses the editor: lines and commas, trimmed, no duplicates', () => {
    expect(parseBlockWords('spam, Spam\n 广告，加微信、 \n\n')).toEqual(['spam', '广告', '加微信']);
  });
});
