import { describe, expect, it } from 'vitest';
import { draftsFrom, filterDrafts, readDrafts, splitAllow, type TermDraft } from './wordList.js';

const row = (over: Partial<TermDraft>): TermDraft => ({
  key: 'k',
  term: '第一',
  lang: 'zh',
  category: 'ranking',
  severity: 'banned',
  reason: 'ranking claim',
  allow: '第一次, 第一步',
  ...over,
});

describe('word list drafts', () => {
  it('round-trips terms through the editor rows', () => {
    const r = readDrafts([row({})]);
    expect(r).toEqual({
      ok: true,
      terms: [{ term: '第一', lang: 'zh', category: 'ranking', severity: 'banned', reason: 'ranking claim', allow: ['第一次', '第一步'] }],
    });
    if (r.ok) expect(draftsFrom(r.terms)[0]?.allow).toBe('第一次, 第一步');
  });

  it('splits allowed phrases on ASCII and full-width commas and semicolons', () => {
    expect(splitAllow('a，b; c；d, ,')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('names the rows with problems (empty term, duplicate, allow without the term)', () => {
    const r = readDrafts([row({}), row({ term: ' ' }), row({ key: 'x' }), row({ term: 'best', lang: 'en', allow: 'good' })]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const rows = r.problems.map((p) => p.row);
      expect(rows).toContain(2);
      expect(rows).toContain(3);
      expect(rows).toContain(4);
    }
  });

  it('filters by term, reason or allowed phrase', () => {
    const rows = [row({ key: 'a' }), row({ key: 'b', term: 'best ever', lang: 'en', reason: 'superlative', allow: '' })];
    expect(filterDrafts(rows, 'BEST').map((r) => r.key)).toEqual(['b']);
    expect(filterDrafts(rows, '第一步').map((r) => r.key)).toEqual(['a']);
    expect(filterDrafts(rows, ' ')).toHaveLength(2);
  });
});
