import { describe, expect, it } from 'vitest';
import { initialLanguage } from './language.js';

describe('initialLanguage', () => {
  it('keeps a stored choice', () => {
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('ignores a stored value that is not a shipped language', () => {
    expect(initialLanguage('fr', ['en-US'])).toBe('en');
    expect(initialLanguage('', ['zh-TW'])).toBe('zh-CN');
  });

  it('picks Chinese for any zh browser language, else English', () => {
    expect(initialLanguage(null, ['zh'])).toBe('zh-CN');
    expect(initialLanguage(null, ['ZH-hk', 'en'])).toBe('zh-CN');
    expect(initialLanguage(null, ['en-GB', 'zh-CN'])).toBe('en');
    expect(initialLanguage(null, [])).toBe('en');
  });
});
