import { describe, expect, it } from 'vitest';
import { AppError, assertNever, ERROR_CODES, fail, ok, toErrorBody } from './errors.js';

describe('errors', () => {
  it('builds results', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(fail('NOT_FOUND', 'gone')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone' } });
  });

  it('AppError carries its code and name', () => {
    const e = new AppError('CONFLICT', 'taken');
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.code, e.message]).toEqual(['AppError', 'CONFLICT', 'taken']);
  });

  it('toErrorBody keeps AppError codes and makes everything else INTERNAL', () => {
    expect(toErrorBody(new AppError('OBS_TIMEOUT', 'slow'))).toEqual({ code: 'OBS_TIMEOUT', message: 'slow' });
    expect(toErrorBody(new RangeError('bad'))).toEqual({ code: 'INTERNAL', message: 'bad' });
    expect(toErrorBody('text')).toEqual({ code: 'INTERNAL', message: 'text' });
    expect(toErrorBody(undefined)).toEqual({ code: 'INTERNAL', message: 'undefined' });
  });

  it('assertNever throws INTERNAL naming the value', () => {
    expect(() => assertNever('x' as never, 'mode')).toThrow(new AppError('INTERNAL', 'unexpected mode: "x"'));
  });

  it('has a closed, duplicate-free set of codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(ERROR_CODES).toContain('INTERNAL');
  });
});
