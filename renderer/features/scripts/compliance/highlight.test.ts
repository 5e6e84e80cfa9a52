import { describe, expect, it } from 'vitest';
import type { TextFinding } from '../../../../shared/contract/cues.js';
import { currentFindings, highlightPieces } from './highlight.js';

const f = (matched: string, index: number): TextFinding => ({
  term: matched.toLowerCase(),
  matched,
  index,
  length: matched.length,
  category: 'superlative',
  severity: 'banned',
  reason: 'absolute term',
});

describe('highlightPieces', () => {
  it('splits the text around the findings', () => {
    const text = '今天最好的，全网最低价';
    const pieces = highlightPieces(text, [f('最低价', 8), f('最好', 2)]);
    expect(pieces.map((p) => [p.text, p.finding !== null])).toEqual([
      ['今天', false],
      ['最好', true],
      ['的，全网', false],
      ['最低价', true],
    ]);
  });

  it('drops findings that no longer match the text (stale scan) and overlapping ones', () => {
    const text = 'The Best ever cup';
    expect(currentFindings(text, [f('best ever', 4)]).map((x) => x.matched)).toEqual(['best ever']);
    expect(currentFindings('The Bust ever cup', [f('best ever', 4)])).toEqual([]);
    expect(currentFindings('short', [f('best ever', 4)])).toEqual([]);
    expect(currentFindings(text, [f('Best ever', 4), f('ever', 9)])).toHaveLength(1);
  });

  it('gives one plain piece for text without findings, even when empty', () => {
    expect(highlightPieces('', [])).toEqual([{ text: '', finding: null }]);
    expect(highlightPieces('ok', [])).toEqual([{ text: 'ok', finding: null }]);
  });
});
