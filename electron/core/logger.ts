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
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|key$/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** Writes JSON lines to stderr; the level comes from SHOWRUNNER_LOG (default info). */
export function stderrSink(minLevel: LogLevel = envLevel()): LogSink {
  return (r) => {
    if (ORDER[r.level] < ORDER[minLevel]) return;
    process.stderr.write(`${JSON.stringify({ ...r, time: new Date(r.time).toISOString() })}\n`);
  };
}

function envLevel(): LogLevel {
  const v = process.env['SHOWRUNNER_LOG'];
  return v === 'debug' || v === 'info' || v === 'warn' || v === 'error' ? v : 'info';
}

/** One logger per module: `createLogger('obs', sink)`. Fields are redacted before they reach the sink. */
export function createLogger(module: string, sink: LogSink = stderrSink()): Logger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>): void => {
    const rec: LogRecord = fields
      ? { time: Date.now(), level, module, msg, fields: redact(fields) as Record<string, unknown> }
      : { time: Date.now(), level, module, msg };
    sink(rec);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (sub) => createLogger(`${module}.${sub}`, sink),
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
