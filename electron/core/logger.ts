import { mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogRecord {
  readonly time: number;
  readonly level: LogLevel;
  readonly module: string;
  readonly msg: string;
  readonly fields?: Record<string, unknown>;
}

export type LogSink = (record: LogRecord) => void;

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(module: string): Logger;
}

/** Keys whose values never reach a log line. */
const SECRET_KEY = /pass(word)?|secret|token|authori[sz]ation|authentication|^auth$|credential|cookie|key$/i;

/** Deeper than this, objects are cut rather than copied; a secret is never passed through unredacted. */
const MAX_DEPTH = 8;

/**
 * A copy of `value` fit for a log line: values under secret-like keys become "[redacted]" at any depth; what is
 * nested too deep or circular is cut; errors, dates and bigints become readable values instead of `{}` or a throw.
 */
export function redact(value: unknown, depth = 0): unknown {
  return redactIn(value, depth, new WeakSet());
}

function redactIn(value: unknown, depth: number, path: WeakSet<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (path.has(value)) return '[circular]';
  path.add(value);
  try {
    if (Array.isArray(value) || value instanceof Set) {
      return [...(value as Iterable<unknown>)].map((v) => redactIn(v, depth + 1, path));
    }
    const entries: [string, unknown][] =
      value instanceof Map
        ? [...(value as Map<unknown, unknown>)].map(([k, v]): [string, unknown] => [String(k), v])
        : Object.entries(value);
    const out: Record<string, unknown> = value instanceof Error ? { name: value.name, message: value.message } : {};
    for (const [k, v] of entries) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redactIn(v, depth + 1, path);
    return out;
  } finally {
    // Only the current path counts: the same object reached twice side by side is not a cycle.
    path.delete(value);
  }
}

/** Writes JSON lines to stderr; the level comes from SHOWRUNNER_LOG (default info). */
export function stderrSink(minLevel: LogLevel = envLevel('info')): LogSink {
  return (r) => {
    if (ORDER[r.level] < ORDER[minLevel]) return;
    process.stderr.write(`${JSON.stringify({ ...r, time: new Date(r.time).toISOString() })}\n`);
  };
}

/** The level named by SHOWRUNNER_LOG, or `fallback`. */
export function envLevel(fallback: LogLevel): LogLevel {
  const v = process.env['SHOWRUNNER_LOG'];
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' ? v : fallback;
}

/** One logger per module: `createLogger('obs', sink)`. Fields are redacted before they reach the sink. */
export function createLogger(module: string, sink: LogSink = stderrSink()): Logger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    const rec: LogRecord = fields
      ? { time: Date.now(), level, module, msg, fields: redact(fields) as Record<string, unknown> }
      : { time: Date.now(), level, module, msg };
    try {
      sink(rec);
    } catch {
      // A log line must never break the code that writes it.
    }
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (sub) => createLogger(`${module}.${sub}`, sink),
  };
}

/**
 * Appends JSON lines to `file` (created 0600). Writes are synchronous: a log line must survive a crash right
 * after it, and the log is low-rate (high-rate facts go to the event log, not here).
 */
export function fileSink(file: string, minLevel: LogLevel = 'info'): LogSink {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o600);
  return (r) => {
    if (ORDER[r.level] < ORDER[minLevel]) return;
    try {
      writeSync(fd, `${JSON.stringify({ ...r, time: new Date(r.time).toISOString() })}\n`);
    } catch {
      // A full disk must not take the app down with it; the terminal sink still reports warnings.
    }
  };
}

/** Sends every record to each sink. */
export function teeSink(...sinks: LogSink[]): LogSink {
  return (r) => {
    for (const s of sinks) s(r);
  };
}

/** A sink that keeps records in memory (tests, and the in-app diagnostics view). */
export function memorySink(): LogSink & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  const sink = ((r: LogRecord) => {
    records.push(r);
  }) as LogSink & { records: LogRecord[] };
  sink.records = records;
  return sink;
}
