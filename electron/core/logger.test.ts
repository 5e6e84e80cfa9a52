import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, memorySink, redact, stderrSink, type LogRecord } from './logger.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('redact', () => {
  it('hides secret-named keys at the top level, whatever their case', () => {
    expect(
      redact({
        password: 'hunter2',
        Password: 'x',
        obsPassword: 'x',
        token: 't',
        accessToken: 't',
        Authorization: 'Bearer abc',
        authentication: 'hash',
        auth: { user: 'u' },
        secret: 's',
        clientSecret: 's',
        cookie: 'c',
        apiKey: 'k',
        api_key: 'k',
        credentials: { a: 1 },
        url: 'ws://127.0.0.1:4455',
        count: 3,
        keyFile: '/data/secret.key',
      }),
    ).toEqual({
      password: '[redacted]',
      Password: '[redacted]',
      obsPassword: '[redacted]',
      token: '[redacted]',
      accessToken: '[redacted]',
      Authorization: '[redacted]',
      authentication: '[redacted]',
      auth: '[redacted]',
      secret: '[redacted]',
      clientSecret: '[redacted]',
      cookie: '[redacted]',
      apiKey: '[redacted]',
      api_key: '[redacted]',
      credentials: '[redacted]',
      url: 'ws://127.0.0.1:4455',
      count: 3,
      keyFile: '/data/secret.key',
    });
  });

  it('hides secrets nested in objects and arrays', () => {
    expect(redact({ conn: { name: 'main', password: 'p' }, headers: [{ authorization: 'a', accept: 'json' }] })).toEqual({
      conn: { name: 'main', password: '[redacted]' },
      headers: [{ authorization: '[redacted]', accept: 'json' }],
    });
  });

  it('never lets a secret through, however deep it sits', () => {
    let deep: unknown = { password: 'DEEP-SECRET', token: 'DEEP-TOKEN' };
    for (let i = 0; i < 40; i++) deep = i % 3 === 0 ? [deep] : { level: deep };
    const out = JSON.stringify(redact(deep));
    expect(out).not.toContain('DEEP-SECRET');
    expect(out).not.toContain('DEEP-TOKEN');
    // shallow enough structures are kept whole
    const six = { a: { b: { c: { d: { e: { password: 'x', keep: 1 } } } } } };
    expect(redact(six)).toEqual({ a: { b: { c: { d: { e: { password: '[redacted]', keep: 1 } } } } } });
  });

  it('cuts cycles instead of overflowing, but keeps an object seen twice side by side', () => {
    const loop: Record<string, unknown> = { name: 'a', password: 'p' };
    loop['self'] = loop;
    expect(redact(loop)).toEqual({ name: 'a', password: '[redacted]', self: '[circular]' });
    const shared = { v: 1 };
    expect(redact({ x: shared, y: shared })).toEqual({ x: { v: 1 }, y: { v: 1 } });
  });

  it('makes errors, dates, bigints, maps, sets and bytes readable', () => {
    const err = Object.assign(new Error('socket closed'), { code: 'ECONNRESET', token: 't' });
    expect(redact({ err })).toEqual({ err: { name: 'Error', message: 'socket closed', code: 'ECONNRESET', token: '[redacted]' } });
    expect(redact({ at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) })).toEqual({ at: '2024-01-02T03:04:05.000Z' });
    expect(redact({ n: 12345678901234567890n })).toEqual({ n: '12345678901234567890' });
    expect(redact({ m: new Map<string, unknown>([['password', 'p'], ['a', 1]]) })).toEqual({ m: { password: '[redacted]', a: 1 } });
    expect(redact({ s: new Set([1, 2]) })).toEqual({ s: [1, 2] });
    expect(redact({ b: new Uint8Array(32) })).toEqual({ b: '[32 bytes]' });
  });

  it('leaves primitives alone and does not mutate its input', () => {
    expect(redact('password')).toBe('password');
    expect(redact(null)).toBeNull();
    expect(redact(undefined)).toBeUndefined();
    expect(redact(7)).toBe(7);
    const input = { password: 'p', nested: { token: 't' } };
    redact(input);
    expect(input).toEqual({ password: 'p', nested: { token: 't' } });
  });
});

describe('createLogger', () => {
  it('writes records with module, level and redacted fields', () => {
    const sink = memorySink();
    const log = createLogger('obs', sink);
    log.info('connecting', { url: 'ws://x', password: 'p' });
    log.warn('plain');
    log.child('conn').error('failed', { auth: { token: 't' } });
    log.debug('details', { n: 1 });
    expect(sink.records.map(({ time: _time, ...r }) => r)).toEqual([
      { level: 'info', module: 'obs', msg: 'connecting', fields: { url: 'ws://x', password: '[redacted]' } },
      { level: 'warn', module: 'obs', msg: 'plain' },
      { level: 'error', module: 'obs.conn', msg: 'failed', fields: { auth: '[redacted]' } },
      { level: 'debug', module: 'obs', msg: 'details', fields: { n: 1 } },
    ]);
    expect('fields' in (sink.records[1] ?? {})).toBe(false);
    for (const r of sink.records) expect(Number.isInteger(r.time)).toBe(true);
  });

  it('never throws at the caller, even when the sink does', () => {
    const log = createLogger('x', () => {
      throw new Error('disk full');
    });
    expect(() => log.error('still fine')).not.toThrow();
  });
});

describe('stderrSink', () => {
  it('writes JSON lines at or above its level with an ISO time', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const sink = stderrSink('warn');
    const rec = (level: LogRecord['level']): LogRecord => ({ time: Date.UTC(2024, 0, 1), level, module: 'm', msg: level });
    sink(rec('debug'));
    sink(rec('info'));
    sink(rec('warn'));
    sink(rec('error'));
    expect(lines).toEqual([
      '{"time":"2024-01-01T00:00:00.000Z","level":"warn","module":"m","msg":"warn"}\n',
      '{"time":"2024-01-01T00:00:00.000Z","level":"error","module":"m","msg":"error"}\n',
    ]);
  });

  it('logs a bigint field through createLogger without throwing', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    createLogger('m', stderrSink('debug')).info('big', { n: 1n, password: 'p' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ level: 'info', module: 'm', msg: 'big', fields: { n: '1', password: '[redacted]' } });
  });
});
