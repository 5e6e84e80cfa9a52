import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMigrations, type Migration } from './db.js';

/**
 * STYLE §4 "synced tables only grow": once a migration has created a table, no later migration may drop it,
 * drop one of its columns or rename it or its columns — other machines and the cloud still hold rows of that
 * shape. Tables a migration creates and drops within itself (scratch tables) are its own business.
 */

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

const IDENT = String.raw`(?:"(?:[^"]|"")+"|\x60[^\x60]+\x60|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const QUALIFIED = String.raw`(?:${IDENT}\s*\.\s*)?(${IDENT})`;

/** Removes comments and string literals so that only statements are searched. */
function stripSql(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/--[^\n]*/g, ' ');
}

function unquote(ident: string): string {
  const first = ident[0];
  if (first === '"') return ident.slice(1, -1).replace(/""/g, '"').toLowerCase();
  if (first === '`' || first === '[') return ident.slice(1, -1).toLowerCase();
  return ident.toLowerCase();
}

function matches(sql: string, pattern: string): string[] {
  return [...sql.matchAll(new RegExp(pattern, 'gi'))].map((m) => unquote(m[1] ?? ''));
}

/** Every way a migration shrinks or renames a table that an earlier migration created. */
function shrinkingChanges(migrations: readonly Migration[]): string[] {
  const created = new Set<string>();
  const problems: string[] = [];
  for (const m of migrations) {
    const sql = stripSql(m.sql);
    const flag = (table: string, what: string): void => {
      if (created.has(table)) problems.push(`${m.name}: ${what} on ${table}, which an earlier migration created`);
    };
    for (const t of matches(sql, String.raw`\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?${QUALIFIED}`)) flag(t, 'DROP TABLE');
    for (const t of matches(sql, String.raw`\bALTER\s+TABLE\s+${QUALIFIED}\s+DROP\b`)) flag(t, 'DROP COLUMN');
    for (const t of matches(sql, String.raw`\bALTER\s+TABLE\s+${QUALIFIED}\s+RENAME\b`)) flag(t, 'RENAME');
    for (const t of matches(sql, String.raw`\bCREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?${QUALIFIED}`)) {
      created.add(t);
    }
  }
  return problems;
}

const m = (version: number, sql: string): Migration => ({ version, name: `${String(version).padStart(4, '0')}_x.sql`, sql });

describe('synced tables only grow', () => {
  it('no shipped migration drops or renames a table or column an earlier one created', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    expect(migrations.length).toBeGreaterThan(0);
    expect(shrinkingChanges(migrations)).toEqual([]);
  });

  it('the shipped migrations are seen to create the synced tables (the guard is looking at real SQL)', () => {
    const migrations = loadMigrations(MIGRATIONS_DIR);
    const probe = [...migrations, m(migrations.length + 1, 'DROP TABLE event_log; DROP TABLE products;')];
    expect(shrinkingChanges(probe)).toEqual([
      `${probe.at(-1)?.name ?? ''}: DROP TABLE on event_log, which an earlier migration created`,
      `${probe.at(-1)?.name ?? ''}: DROP TABLE on products, which an earlier migration created`,
    ]);
  });

  it('catches DROP TABLE, DROP COLUMN and both kinds of RENAME, in any case and quoting', () => {
    const migrations = [
      m(1, 'CREATE TABLE products (id TEXT, stock INTEGER) STRICT; CREATE TABLE IF NOT EXISTS "Orders" (id TEXT);'),
      m(
        2,
        [
          'drop table if exists main.products;',
          'ALTER TABLE `orders` DROP COLUMN id;',
          'alter table [Orders] rename to orders_old;',
          'ALTER TABLE products RENAME COLUMN stock TO qty;',
        ].join('\n'),
      ),
    ];
    expect(shrinkingChanges(migrations)).toEqual([
      '0002_x.sql: DROP TABLE on products, which an earlier migration created',
      '0002_x.sql: DROP COLUMN on orders, which an earlier migration created',
      '0002_x.sql: RENAME on orders, which an earlier migration created',
      '0002_x.sql: RENAME on products, which an earlier migration created',
    ]);
  });

  it('allows growing, scratch tables within one migration, and the words inside comments or strings', () => {
    const migrations = [
      m(1, 'CREATE TABLE products (id TEXT) STRICT;'),
      m(
        2,
        [
          'ALTER TABLE products ADD COLUMN colour TEXT;',
          'CREATE TABLE scratch (x INTEGER); DROP TABLE scratch;',
          '-- DROP TABLE products (never do this)',
          '/* ALTER TABLE products RENAME TO p2 */',
          "INSERT INTO settings (key, value, updated_at) VALUES ('note', 'DROP TABLE products', 0);",
          'DROP INDEX IF EXISTS products_name;',
        ].join('\n'),
      ),
    ];
    expect(shrinkingChanges(migrations)).toEqual([]);
  });
});
