import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './data.js';

const cli = join(repoRoot, 'scripts', 'classifier', 'classify.ts');

function runCli(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: repoRoot, encoding: 'utf8', input: input ?? '', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('classify CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'classify-cli-'));

  it('prints one JSON line per non-blank input line', () => {
    const file = join(dir, 'chat.txt');
    writeFileSync(file, '上链接\r\n\n太贵了\nhow much?\n');
    const r = runCli([file]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((x) => x.text)).toEqual(['上链接', '太贵了', 'how much?']);
    expect(rows[1]).toMatchObject({ sentiment: 'negative', intents: ['price_objection'] });
    for (const row of rows) expect(Object.keys(row)).toEqual(['text', 'sentiment', 'intents', 'confidence']);
  }, 60_000);

  it('reads standard input for -', () => {
    const r = runCli(['-'], 'link pls\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ text: 'link pls', intents: ['purchase'] });
  }, 60_000);

  it.each([
    ['a missing file', [join(dir, 'missing.txt')], /cannot read .*missing\.txt: no such file/],
    ['a directory', [dir], /is a directory/],
    ['no argument', [], /no input file/],
    ['an unknown option', ['--fast', 'x'], /unknown option/],
  ])('fails on %s with one line and exit code 2', (_name, args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);

  it('fails on an unusable model with one line and exit code 1', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"nope"\n}');
    const input = join(dir, 'in.txt');
    writeFileSync(input, 'hi\n');
    const r = runCli(['--model', bad, input]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unusable model/);
  }, 60_000);
});
