import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from './csv.js';

function records(text: string): CsvRecord[] {
  const r = parseCsv(text);
  if (!r.ok) throw new Error(`unexpected parse failure at line ${r.line}: ${r.reason}`);
  return r.records;
}

describe('parseCsv', () => {
  it('splits plain records and fields', () => {
    expect(records('a,b,c\n1,2,3')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('ignores a trailing newline but keeps a last record without one', () => {
    expect(records('a,b\n1,2\n')).toEqual(records('a,b\n1,2'));
    expect(records('a,b\n1,2\n')).toHaveLength(2);
  });

  it('keeps empty fields, including leading and trailing ones', () => {
    expect(records(',a,,b,')).toEqual([{ line: 1, fields: ['', 'a', '', 'b', ''] }]);
    expect(records(',\n')).toEqual([{ line: 1, fields: ['', ''] }]);
    expect(records('""')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('unquotes quoted fields with commas, escaped quotes and line breaks', () => {
    expect(records('"a,b","say ""hi""","x\ny"')).toEqual([{ line: 1, fields: ['a,b', 'say "hi"', 'x\ny'] }]);
    expect(records('""""')).toEqual([{ line: 1, fields: ['"'] }]);
    expect(records('"",x')).toEqual([{ line: 1, fields: ['', 'x'] }]);
  });

  it('keeps a quote that is not at the start of a field as a literal character', () => {
    expect(records('5" screen,b')).toEqual([{ line: 1, fields: ['5" screen', 'b'] }]);
  });

  it('accepts CRLF and lone CR line endings and keeps CRLF inside quotes', () => {
    expect(records('a,b\r\n1,2\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(records('a\r1\r2')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['1'] },
      { line: 3, fields: ['2'] },
    ]);
    expect(records('"x\r\ny",z\r\n')).toEqual([{ line: 1, fields: ['x\r\ny', 'z'] }]);
  });

  it('drops a UTF-8 BOM at the start only', () => {
    expect(records('\uFEFFsku,name\n1,2')).toEqual([
      { line: 1, fields: ['sku', 'name'] },
      { line: 2, fields: ['1', '2'] },
    ]);
    expect(records('a\n\uFEFFb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['\uFEFFb'] },
    ]);
  });

  it('skips blank lines but numbers records by the line they start on', () => {
    expect(records('\n\na\n\n\nb\r\n\r\nc\n\n')).toEqual([
      { line: 3, fields: ['a'] },
      { line: 6, fields: ['b'] },
      { line: 8, fields: ['c'] },
    ]);
  });

  it('counts the lines inside quoted fields so later records keep their real line numbers', () => {
    expect(records('h\n"one\ntwo\r\nthree",x\nnext\n"a\rb"\nlast')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 2, fields: ['one\ntwo\r\nthree', 'x'] },
      { line: 5, fields: ['next'] },
      { line: 6, fields: ['a\rb'] },
      { line: 8, fields: ['last'] },
    ]);
  });

  it('returns no records for empty input', () => {
    expect(parseCsv('')).toEqual({ ok: true, records: [] });
    expect(parseCsv('\uFEFF')).toEqual({ ok: true, records: [] });
    expect(parseCsv('\n\r\n')).toEqual({ ok: true, records: [] });
  });

  it('reports an unterminated quote with the line it started on', () => {
    expect(parseCsv('a,b\n1,"open\nstill open\n')).toEqual({ ok: false, line: 2, reason: 'a quoted field is never closed' });
    expect(parseCsv('a\n\n\n"x""')).toEqual({ ok: false, line: 4, reason: 'a quoted field is never closed' });
    expect(parseCsv('h\n"a\nb",c\nd,"e')).toEqual({ ok: false, line: 4, reason: 'a quoted field is never closed' });
  });

  it('does not treat whitespace-only lines as blank (they are data)', () => {
    expect(records('a\n  \nb')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['  '] },
      { line: 3, fields: ['b'] },
    ]);
  });
});
