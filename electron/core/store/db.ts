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

/** Reads `NNNN_name.sql` files; numbers must run 1, 2, 3 … without gaps. */
export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
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
 * transaction, tracked by `user_version`. A database from a newer build is refused, never touched.
 */
export function openDatabase({ file, migrations }: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (e) {
    throw new AppError('STORE_ERROR', `cannot open the database ${file}: ${(e as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    throw new AppError('STORE_ERROR', `cannot prepare the database ${file}: ${(e as Error).message}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  const latest = migrations.length;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'STORE_ERROR',
      `this database was written by a newer Showrunner (schema version ${current}; this build knows up to ${latest}). ` +
        'Update Showrunner, or start with another data directory.',
    );
  }
  for (const m of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
