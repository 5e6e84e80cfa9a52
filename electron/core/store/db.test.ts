import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.js';
import { loadMigrations, migrate, openDatabase, schemaVersion, type Db, type Migration } from './db.js';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

let dir: string;
const opened: Db[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'showrunner-db-'));
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function open(file: string, migrations: readonly Migration[]): Db {
  const db = openDatabase({ file, migrations });
  opened.push(db);
  return db;
}

/** Migrations that record their own application order in a table. */
function recording(n: number): Migration[] {
  return Array.from({ length: n }, (_, i) => ({
    version: i + 1,
    name: `${String(i + 1).padStart(4, '0')}_step.sql`,
    sql:
      i === 0
        ? 'CREATE TABLE applied (version INTEGER NOT NULL) STRICT; INSERT INTO applied VALUES (1);'
        : `INSERT INTO applied VALUES (${i + 1});`,
  }));
}

function appliedVersions(db: Db): number[] {
  return (db.prepare('SELECT version FROM applied ORDER BY rowid').all() as { version: number }[]).map((r) => r.version);
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('loadMigrations', () => {
  it('reads the migrations that ship with the app', () => {
    const ms = loadMigrations(MIGRATIONS_DIR);
    expect(ms.map((m) => [m.version, m.name])).toEqual([
      [1, '0001_init.sql'],
      [2, '0002_alerts.sql'],
      [3, '0003_cues.sql'],
      [4, '0004_audience.sql'],
      [5, '0005_metrics.sql'],
      [6, '0006_comment_state.sql'],
      [7, '0007_connector_seen.sql'],
    ]);
    expect(ms[0]?.sql).toContain('CREATE TABLE event_log');
  });

  it('sorts by number and ignores files that are not SQL', () => {
    const mdir = join(dir, 'm');
    mkdirSync(mdir);
    writeFileSync(join(mdir, '0002_second.sql'), 'SELECT 2;');
    writeFileSync(join(mdir, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(mdir, '0003_third-part.sql'), 'SELECT 3;');
    writeFileSync(join(mdir, 'README.md'), '# notes');
    expect(loadMigrations(mdir)).toEqual([
      { version: 1, name: '0001_first.sql', sql: 'SELECT 1;' },
      { version: 2, name: '0002_second.sql', sql: 'SELECT 2;' },
      { version: 3, name: '0003_third-part.sql', sql: 'SELECT 3;' },
    ]);
  });

  it.each([
    [['0001_a.sql', '0003_c.sql'], 'migration 0003_c.sql is out of sequence (expected 2)'],
    [['0002_b.sql'], 'migration 0002_b.sql is out of sequence (expected 1)'],
    [['0001_a.sql', '0001_b.sql'], 'migration 0001_b.sql is out of sequence (expected 2)'],
    [['0000_zero.sql', '0001_a.sql'], 'migration 0000_zero.sql is out of sequence (expected 1)'],
  ])('rejects out-of-sequence files %j', (files, message) => {
    const mdir = join(dir, 'm');
    mkdirSync(mdir);
    for (const f of files) writeFileSync(join(mdir, f), 'SELECT 1;');
    expect(() => loadMigrations(mdir)).toThrow(message);
  });

  it('rejects a misnamed SQL file instead of silently skipping it', () => {
    const mdir = join(dir, 'm');
    mkdirSync(mdir);
    writeFileSync(join(mdir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(mdir, '2_b.sql'), 'SELECT 2;');
    writeFileSync(join(mdir, '0002_add.orders.sql'), 'SELECT 2;');
    expect(() => loadMigrations(mdir)).toThrow('migration file(s) not named NNNN_name.sql: 0002_add.orders.sql, 2_b.sql');
  });
});

describe('openDatabase', () => {
  it('begins transactions IMMEDIATE: a commit on another connection cannot fail one half-way', () => {
    const file = join(dir, 'two.db');
    const a = open(file, loadMigrations(MIGRATIONS_DIR));
    const b = new Database(file);
    b.pragma('busy_timeout = 0');
    const put = (db: Db, key: string): void => {
      db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 0)').run(key, 'v');
    };
    const readThenWrite = (key: string) => (): void => {
      a.prepare('SELECT count(*) FROM settings').get();
      // The other connection cannot slip a commit in: this transaction holds the write lock from its BEGIN.
      expect(() => put(b, `${key}-other`)).toThrow(/locked|busy/i);
      put(a, key);
    };
    a.transaction(readThenWrite('immediate'))();
    // What it prevents: a deferred transaction that read before the other connection's commit cannot write.
    const deferred = a.transaction((): void => {
      a.prepare('SELECT count(*) FROM settings').get();
      put(b, 'other');
      put(a, 'deferred');
    }).deferred;
    expect(deferred).toThrow(/locked|busy/i);
    expect(a.prepare('SELECT key FROM settings ORDER BY key').pluck().all()).toEqual(['immediate', 'other']);
    b.close();
    a.close();
  });

  it('creates the schema from the shipped migrations with WAL, foreign keys and a busy timeout', () => {
    const db = open(join(dir, 'app.db'), loadMigrations(MIGRATIONS_DIR));
    expect(schemaVersion(db)).toBe(loadMigrations(MIGRATIONS_DIR).length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual([
      'alerts',
      'comment_state',
      'comments',
      'connector_seen',
      'cue_presentations',
      'event_log',
      'host_messages',
      'host_pins',
      'ingest_sources',
      'label_corrections',
      'metric_buckets',
      'obs_connections',
      'order_deliveries',
      'order_refunds',
      'order_sources',
      'orders',
      'products',
      'queue_items',
      'script_segments',
      'settings',
      'show_sessions',
    ]);
  });

  it('enforces foreign keys', () => {
    const ms: Migration[] = [
      {
        version: 1,
        name: '0001_fk.sql',
        sql: 'CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE child (pid INTEGER NOT NULL REFERENCES parent (id)) STRICT;',
      },
    ];
    const db = open(join(dir, 'fk.db'), ms);
    expect(() => db.prepare('INSERT INTO child (pid) VALUES (42)').run()).toThrow('FOREIGN KEY constraint failed');
  });

  it('applies migrations in order and tracks them in user_version', () => {
    const db = open(join(dir, 'order.db'), recording(3));
    expect(appliedVersions(db)).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
  });

  it('re-opening applies nothing twice, and later only the new migrations', () => {
    const file = join(dir, 'reopen.db');
    open(file, recording(2)).close();
    const again = open(file, recording(2));
    expect(appliedVersions(again)).toEqual([1, 2]);
    again.close();
    const upgraded = open(file, recording(4));
    expect(appliedVersions(upgraded)).toEqual([1, 2, 3, 4]);
    expect(schemaVersion(upgraded)).toBe(4);
  });

  it('rolls back a failing migration with its version, keeping the earlier ones', () => {
    const file = join(dir, 'fail.db');
    const ms: Migration[] = [
      ...recording(1),
      { version: 2, name: '0002_bad.sql', sql: 'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' },
    ];
    const e = caught(() => open(file, ms));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('STORE_ERROR');
    expect((e as AppError).message).toBe(`cannot prepare the database ${file}: no such table: nowhere`);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    } finally {
      raw.close();
    }
  });

  it('refuses a database from a newer build with a clear message and leaves the file untouched', () => {
    const file = join(dir, 'newer.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.exec("CREATE TABLE future (x TEXT) STRICT; INSERT INTO future VALUES ('keep me');");
    const known = loadMigrations(MIGRATIONS_DIR).length;
    const newer = known + 3; // whatever this build ships, a later build's schema
    raw.pragma(`user_version = ${newer}`);
    raw.close();
    const before = sha256(file);

    const e = caught(() => open(file, loadMigrations(MIGRATIONS_DIR)));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('STORE_ERROR');
    expect((e as AppError).message).toBe(
      `this database was written by a newer Showrunner (schema version ${newer}; this build knows up to ${known}). ` +
        'Update Showrunner, or start with another data directory.',
    );
    // Not even the journal mode was switched: the bytes are the same and no WAL file appeared.
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
    const check = new Database(file, { readonly: true });
    try {
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.pragma('user_version', { simple: true })).toBe(newer);
      expect(check.prepare('SELECT x FROM future').all()).toEqual([{ x: 'keep me' }]);
    } finally {
      check.close();
    }
  });

  it('reports a file it cannot open as STORE_ERROR', () => {
    const file = join(dir, 'missing-dir', 'app.db');
    const e = caught(() => open(file, []));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('STORE_ERROR');
    expect((e as AppError).message).toMatch(new RegExp(`^cannot open the database ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
  });
});

describe('migrate', () => {
  it('refuses a newer schema on an open connection too', () => {
    const db = new Database(':memory:');
    opened.push(db);
    db.pragma('user_version = 3');
    expect(() => migrate(db, recording(2))).toThrow(
      'this database was written by a newer Showrunner (schema version 3; this build knows up to 2)',
    );
  });

  it('refuses a migration list that is out of sequence', () => {
    const db = new Database(':memory:');
    opened.push(db);
    const [first, second] = recording(2);
    expect(() => migrate(db, [second!, first!])).toThrow('migration 0002_step.sql is out of sequence (expected 1)');
    expect(schemaVersion(db)).toBe(0);
  });

  it('does nothing when the schema is current', () => {
    const db = new Database(':memory:');
    opened.push(db);
    migrate(db, recording(2));
    migrate(db, recording(2));
    expect(appliedVersions(db)).toEqual([1, 2]);
  });
});
