import { describe, expect, it } from 'vitest';
import { ComplianceTermList, type ComplianceTerm } from '../../contract/cues.js';
import { checkShow, compileTerms, excerptAround, foldWidth, scanText, summarise } from './compliance.js';

const term = (t: string, lang: 'zh' | 'en', allow: string[] = [], severity: 'banned' | 'review' = 'banned'): ComplianceTerm => ({
  term: t,
  lang,
  category: 'superlative',
  severity,
  reason: `no ${t}`,
  allow,
});

const LIST = compileTerms([
  term('最好', 'zh'),
  term('最低价', 'zh'),
  term('全网最低价', 'zh'),
  term('第一', 'zh', ['第一次', '第一款']),
  term('best ever', 'en'),
  term('#1', 'en'),
  term('no.1', 'en'),
  term('cure', 'en'),
  term('100%', 'en', [], 'review'),
  term('guaranteed', 'en'),
]);

const hits = (text: string): [string, number, number][] => scanText(text, LIST).map((f) => [f.matched, f.index, f.length]);

describe('compliance scanner', () => {
  it('finds Chinese terms anywhere, with offsets for highlighting', () => {
    expect(hits('这是最好的保温杯，全网最低价！')).toEqual([
      ['最好', 2, 2],
      ['全网最低价', 9, 5],
    ]);
    expect(hits('今天最低价')).toEqual([['最低价', 2, 3]]);
  });

  it('matches English case-insensitively on word boundaries only', () => {
    expect(hits('The BEST EVER cup, guaranteed.')).toEqual([
      ['BEST EVER', 4, 9],
      ['guaranteed', 19, 10],
    ]);
    // Inside longer words: not a hit.
    expect(hits('a secure manicure, cured meat, guaranteedly')).toEqual([]);
    expect(hits('It will cure, it cures')).toEqual([['cure', 8, 4]]);
    expect(hits('#1 seller, #10 on the list, No.1!, no.12')).toEqual([
      ['#1', 0, 2],
      ['No.1', 28, 4],
    ]);
  });

  it('treats Chinese next to an English term as a boundary, and reads full-width forms', () => {
    expect(hits('全网No.1的品质')).toEqual([['No.1', 2, 4]]);
    expect(hits('１００％纯棉')).toEqual([['１００％', 0, 4]]);
    expect(hits('1100% 不算')).toEqual([]);
    expect(foldWidth('ＮＯ．１　x')).toBe('NO.1 x');
  });

  it('gives one finding per place: banned before review, then the longer', () => {
    const list = compileTerms([term('the best', 'en', [], 'review'), term('best ever', 'en'), term('最低价', 'zh'), term('全网最低价', 'zh')]);
    expect(scanText('The best ever, 全网最低价', list).map((f) => [f.term, f.index])).toEqual([
      ['best ever', 4],
      ['全网最低价', 15],
    ]);
  });

  it('does not flag the allowed phrases that contain a term', () => {
    expect(hits('第一次来直播间？第一款是保温杯，销量第一')).toEqual([['第一', 18, 2]]);
  });

  it('reports where and summarises', () => {
    const findings = checkShow(
      {
        segments: [{ id: 's1', title: '开场', script: '最好的开场', notes: '', overlayTemplate: '{name} 最低价' }],
        products: [{ id: 'q1', name: 'Cup', talkingPoints: ['ok', '100% steel'], coupon: null }],
      },
      LIST,
    );
    expect(findings.map((f) => [f.where, f.id, f.part, f.term, f.index])).toEqual([
      ['segment.overlayTemplate', 's1', null, '最低价', 7],
      ['segment.script', 's1', null, '最好', 0],
      ['product.talkingPoints', 'q1', 1, '100%', 0],
    ]);
    expect(summarise(findings)).toEqual({
      total: 3,
      banned: 2,
      review: 1,
      byTerm: [
        { term: '100%', count: 1 },
        { term: '最低价', count: 1 },
        { term: '最好', count: 1 },
      ],
    });
    expect(excerptAround('0123456789abcdefghij', 10, 2, 3)).toBe('…789abcde…');
  });

  it('validates a studio list: no duplicates, allowed phrases must contain the term', () => {
    const ok = ComplianceTermList.safeParse([term('最好', 'zh'), term('Best Ever', 'en')]);
    expect(ok.success).toBe(true);
    const dup = ComplianceTermList.safeParse([term('best ever', 'en'), term('Best Ever', 'en')]);
    expect(dup.success).toBe(false);
    expect(dup.error?.issues[0]?.message).toBe('"Best Ever" is listed twice (entries 1 and 2)');
    const badAllow = ComplianceTermList.safeParse([term('第一', 'zh', ['首次'])]);
    expect(badAllow.error?.issues[0]?.message).toBe('each allowed phrase must contain the term');
    expect(ComplianceTermList.safeParse([]).success).toBe(false);
    expect(ComplianceTermList.safeParse([{ ...term('x', 'en'), term: '  ' }]).success).toBe(false);
  });
});
