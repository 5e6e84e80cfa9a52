import { describe, expect, it } from 'vitest';
import { randInt, seededRng } from '../random.js';
import {
  describeImportErrors,
  exportScriptJson,
  exportScriptMarkdown,
  importScriptJson,
  importScriptMarkdown,
  normaliseSegment,
  type PortableSegment,
  type ScriptImport,
} from './scriptFormat.js';

const opening: PortableSegment = {
  title: '开场 Opening',
  plannedDurationSec: 180,
  productSku: null,
  obsScene: 'Host',
  overlayTemplate: null,
  overlayTarget: null,
  sceneItems: [],
  script: '欢迎来到直播间！',
  notes: '',
};
const cup: PortableSegment = {
  title: '保温杯',
  plannedDurationSec: 300,
  productSku: 'CUP-01',
  obsScene: 'Price Card',
  overlayTemplate: '{name}  ¥{promo_price}  仅剩 {stock} 件',
  overlayTarget: 'Price Text',
  sceneItems: [{ scene: 'Price Card', source: 'Logo', enabled: false }],
  script: '12 小时保温。\n\n- 316 不锈钢\n- 500 ml',
  notes: '备货 200',
};

const segmentsOf = (r: ScriptImport): PortableSegment[] => {
  if (!r.ok) throw new Error(describeImportErrors(r.errors));
  return r.segments.map((s) => s.segment);
};
const errorsOf = (r: ScriptImport): string => (r.ok ? 'ok' : describeImportErrors(r.errors));

const MARKDOWN = `# 春季新品专场

## 开场 Opening
- duration: 3m
- scene: Host

欢迎来到直播间！

## 保温杯
- duration: 5m
- product: CUP-01
- scene: Price Card
- overlay: {name}  ¥{promo_price}  仅剩 {stock} 件
- target: Price Text
- hide: Price Card / Logo

12 小时保温。

- 316 不锈钢
- 500 ml

### Notes
备货 200
`;

describe('Markdown scripts', () => {
  it('reads the documented format', () => {
    const r = importScriptMarkdown(MARKDOWN);
    expect(r.ok && r.title).toBe('春季新品专场');
    expect(segmentsOf(r)).toEqual([opening, cup]);
    expect(r.ok && r.segments.map((s) => [s.line, s.productLine])).toEqual([
      [3, 3],
      [9, 11],
    ]);
  });

  it('accepts Chinese field names, full-width colons and CRLF line ends', () => {
    const text = '## 开场 Opening\r\n- 时长：3分钟\r\n- 场景: Host\r\n\r\n欢迎来到直播间！\r\n';
    expect(segmentsOf(importScriptMarkdown(text))).toEqual([opening]);
  });

  it('reports every problem with its line number and imports nothing', () => {
    const bad = [
      'stray text', // 1
      '## Good', // 2
      '- duration: 5m', // 3
      '', // 4
      '## No duration', // 5
      '- scene: Host', // 6
      '', // 7
      '## Bad', // 8
      '- duration: five', // 9
      '- product: bad sku!', // 10
      '- colour: red', // 11
      '- show: Logo', // 12
      '- scene: A', // 13
      '- scene: B', // 14
      '##', // 15
      '- duration: 1m', // 16
    ].join('\n');
    const r = importScriptMarkdown(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([1, 5, 9, 10, 11, 12, 14, 15]);
    const text = describeImportErrors(r.errors);
    expect(text).toContain('line 1: text before the first segment heading');
    expect(text).toContain('line 5: segment "No duration" has no duration');
    expect(text).toContain('line 9: "five" is not a duration');
    expect(text).toContain('line 10: productSku: sku may hold');
    expect(text).toContain('line 11: unknown field "colour"');
    expect(text).toContain('line 12: "Logo" should be "Scene / Source"');
    expect(text).toContain('line 14: "scene" is given twice');
    expect(text).toContain('line 15: title: title is required');
  });

  it('refuses an empty file and a malformed quoted value', () => {
    expect(errorsOf(importScriptMarkdown(''))).toMatch(/^line 1: no segments/);
    expect(errorsOf(importScriptMarkdown('## A\n- duration: 1m\n- overlay: "unclosed\n'))).toMatch(/^line 3: "unclosed is not a complete quoted value/);
  });

  it('keeps script text that looks like structure, escaped', () => {
    const tricky: PortableSegment = {
      ...cup,
      title: '#1 爆款 / "quoted"',
      script: '## not a heading\n### Notes\n\\ backslash\n- duration: 9m\n# one',
      notes: '## also not\n\\',
      overlayTemplate: '  padded\nsecond line',
      overlayTarget: '"Price" Text',
      sceneItems: [
        { scene: 'A / B', source: 'C / D', enabled: true },
        { scene: 'Price/Card', source: '"Logo" 2', enabled: false },
      ],
    };
    const md = exportScriptMarkdown('Show', [tricky]);
    expect(segmentsOf(importScriptMarkdown(md))).toEqual([tricky]);
  });
});

describe('JSON scripts', () => {
  it('round-trips and reads defaults for omitted fields', () => {
    const json = exportScriptJson('春季新品专场', [opening, cup]);
    const r = importScriptJson(json);
    expect(r.ok && r.title).toBe('春季新品专场');
    expect(segmentsOf(r)).toEqual([opening, cup]);
    const minimal = '{"format":"showrunner.script","version":1,"segments":[{"title":"A","durationSec":60}]}';
    expect(segmentsOf(importScriptJson(minimal))).toEqual([
      { title: 'A', plannedDurationSec: 60, productSku: null, obsScene: null, overlayTemplate: null, overlayTarget: null, sceneItems: [], script: '', notes: '' },
    ]);
  });

  it('names the line of a syntax error', () => {
    const text = '{\n  "format": "showrunner.script",\n  "version": 1,\n  "segments": [\n    {"title": "A", "durationSec": 60},\n  ]\n}';
    expect(errorsOf(importScriptJson(text))).toBe('line 6, column 3: trailing comma before "]"');
  });

  it('names the line and field of every schema error', () => {
    const text = [
      '{', // 1
      '  "format": "showrunner.script",', // 2
      '  "version": 2,', // 3
      '  "segments": [', // 4
      '    {"title": "A", "durationSec": 60},', // 5
      '    {"title": "", "durationSec": "5m",', // 6
      '     "duraton": 3},', // 7
      '    {"durationSec": 1.5, "product": "bad sku"}', // 8
      '  ]', // 9
      '}', // 10
    ].join('\n');
    const r = importScriptJson(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map((e) => `${e.line}: ${e.message}`);
    expect(lines[0]).toBe('3: version: "version" must be 1 (this build reads version 1)');
    expect(lines).toContain('6: segments[1].title: title is required');
    expect(lines.some((l) => l.startsWith('6: segments[1].durationSec:'))).toBe(true);
    expect(lines).toContain('7: segments[1]: unknown field "duraton"');
    expect(lines.some((l) => l.startsWith('8: segments[2].title:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('8: segments[2].durationSec:'))).toBe(true);
    expect(lines).toContain('8: segments[2].product: sku may hold letters, digits and . - _ / # only');
  });

  it('refuses files that are not scripts', () => {
    expect(errorsOf(importScriptJson('   '))).toBe('line 1: the file is empty');
    expect(errorsOf(importScriptJson('[]'))).toMatch(/^line 1, column 1: /);
    expect(errorsOf(importScriptJson('{"format":"other","version":1,"segments":[]}'))).toMatch(/"format" must be "showrunner.script"/);
  });
});

// Random segments with the characters that break naive formats: headings, backslashes, quotes, slashes, bullets,
// colons, CJK, blank lines inside text.
function randomSegment(rand: () => number): PortableSegment {
  const pick = <T>(xs: readonly T[]): T => xs[randInt(rand, xs.length)] as T;
  const words = ['保温杯', '#1', '## h', '\\', '"q"', ' / ', '/', '- x: y', '：', 'best', '最好', '', '   ', '### Notes', '> q', 'a b', '{name}', '¥{price}'];
  const line = (): string => Array.from({ length: randInt(rand, 4) }, () => pick(words)).join(pick(['', ' ', '  ']));
  const text = (): string => Array.from({ length: randInt(rand, 5) }, line).join('\n');
  const name = (): string => {
    const n = line().replace(/\n/g, ' ').trim();
    return n === '' ? 'X' : n;
  };
  const maybe = <T>(f: () => T): T | null => (rand() < 0.3 ? null : f());
  return normaliseSegment({
    title: name(),
    plannedDurationSec: randInt(rand, 7200),
    productSku: maybe(() => pick(['CUP-01', 'A.B/C#1', 'x_y'])),
    obsScene: maybe(name),
    overlayTemplate: maybe(text),
    overlayTarget: maybe(name),
    sceneItems: Array.from({ length: randInt(rand, 3) }, () => ({ scene: name(), source: name(), enabled: rand() < 0.5 })),
    script: text(),
    notes: text(),
  });
}

describe('exporters round-trip (seeded property test)', () => {
  it('import(export(script)) is the script, in both formats and across them', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const rand = seededRng(seed);
      const segments = Array.from({ length: 1 + randInt(rand, 5) }, () => randomSegment(rand));
      const md = exportScriptMarkdown('T', segments);
      expect(segmentsOf(importScriptMarkdown(md)), `seed ${seed}\n${md}`).toEqual(segments);
      const json = exportScriptJson('T', segments);
      expect(segmentsOf(importScriptJson(json)), `seed ${seed}`).toEqual(segments);
      expect(exportScriptMarkdown('T', segmentsOf(importScriptJson(json)))).toBe(md);
    }
  });
});
