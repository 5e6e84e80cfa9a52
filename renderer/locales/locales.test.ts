import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Flattens nested translations into "a.b.c" → text. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (typeof tree !== 'object' || tree === null) {
    out.set(prefix, tree);
    return out;
  }
  for (const [k, v] of Object.entries(tree)) {
    for (const [key, value] of flatten(v, prefix ? `${prefix}.${k}` : k)) out.set(key, value);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('locales', () => {
  const enKeys = flatten(en);
  const zhKeys = flatten(zhCN);

  it('translate exactly the same keys in zh-CN and en', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have a non-empty string for every key', () => {
    for (const [key, value] of [...enKeys, ...zhKeys]) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, value] of enKeys) {
      expect(placeholders(String(zhKeys.get(key))), key).toEqual(placeholders(String(value)));
    }
  });
});
