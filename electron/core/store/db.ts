import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';

export type Db = Database.Database;

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const MIGRATION_FILE = /^\d{4}_[\w-]+\.sql$/;

/** Reads `NNNN_name.sql` files; numbers must run 1, 2, 3 … without gaps. A misnamed `.sql` file is an error, never skipped. */
export function loadMigrations(dir: string): Migration[] {
  const sqlFiles = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.sql'));
  const misnamed = sqlFiles.filter((f) => !MIGRATION_FILE.test(f));
  if (misnamed.length > 0) throw new Error(`migration file(s) not named NNNN_name.sql: ${misnamed.sort().join(', ')}`);
  const files = sqlFiles.sort();
  return files.map((file, i) => {
    const version = Number(file.slice(0, 4));
    if (version !== i + 1) throw new Error(`migration ${file} is out of sequence (expected ${i + 1})`);
    return { version, name: file, sql: readFileSync(join(dir, file), 'utf8') };
  });
}

export interface OpenOptions {
  readonly file: string;
  readonly migrations: readonly Migration[];
}

/**
 * Opens the store: WAL, foreign keys, busy timeout, then applies pending migrations, each in its own
 * transaction, tracked by `user_version`. A database from a newer build is refused, never touched: the version
 * is checked before anything (not even the journal mode) is written.
 */
export function openDatabase({ file, migrations }: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    throw new AppError('STORE_ERROR', `cannot open the database ${file}: ${(e as Error).message}`);
  }
  immediateTransactions(db);
  try {
    db.pragma('busy_timeout = 5000');
    refuseNewer(schemaVersion(db), migrations.length);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    throw new AppError('STORE_ERROR', `cannot prepare the database ${file}: ${(e as Error).message}`);
  }
}

/**
 * `db.transaction(fn)` begins with BEGIN IMMEDIATE on this connection: the write lock is taken (waiting up to the
 * busy timeout) before the transaction reads anything. Another connection writes to the same file (the audience
 * pipeline's writer thread), and a deferred transaction that read first and then writes fails at once with
 * SQLITE_BUSY when that writer committed in between: its snapshot is stale and SQLite cannot wait it out. The
 * `.deferred` variant stays available for a transaction that only reads.
 */
function immediateTransactions(db: Db): void {
  const wrap = db.transaction.bind(db);
  // The variants are free-standing functions (better-sqlite3 binds each to its database), not methods.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  db.transaction = ((fn: Parameters<Db['transaction']>[0]) => wrap(fn).immediate) as Db['transaction'];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function refuseNewer(current: number, latest: number): void {
  if (current > latest) {
    throw new AppError(
      'STORE_ERROR',
      `this database was written by a newer Showrunner (schema version ${current}; this build knows up to ${latest}). ` +
        'Update Showrunner, or start with another data directory.',
    );
  }
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} is out of sequence (expected ${i + 1})`);
  });
  const current = schemaVersion(db);
  refuseNewer(current, migrations.length);
  for (const m of migrations.slice(current)) {
    // IMMEDIATE takes the write lock before the version is re-read, so two processes opening the same file at
    // once cannot both apply a migration.
    db.transaction(() => {
      if (schemaVersion(db) !== m.version - 1) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
