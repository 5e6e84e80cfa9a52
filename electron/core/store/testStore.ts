import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../clock.js';
import { createLogger, memorySink } from '../logger.js';
import { loadMigrations, openDatabase, type Db } from './db.js';
import { createEventLog, type EventLog } from './eventLog.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * For unit tests of the core's services: an in-memory database with the app's migrations and an event log on
 * `clock` whose ids come from a seeded byte sequence (same seed, same ids), node "n1".
 */
export function openTestStore(clock: Clock, seed = 0): { db: Db; events: EventLog } {
  const db = openDatabase({ file: ':memory:', migrations: loadMigrations(MIGRATIONS_DIR) });
  let r = seed;
  const events = createEventLog({
    db,
    clock,
    random: (n) => Uint8Array.from({ length: n }, () => (r = (r * 31 + 17) % 251)),
    nodeId: 'n1',
    log: createLogger('events', memorySink()),
  });
  return { db, events };
}
