import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.js';
import { createLogger, memorySink } from '../logger.js';
import { createRandomPool } from '../randomPool.js';
import { loadMigrations, openDatabase, type Db } from '../store/db.js';
import { createEventLog, type EventLog } from '../store/eventLog.js';
import { presentedProductFromLog } from './presentedProduct.js';

describe('presented product from the log', () => {
  let dir: string;
  let db: Db;
  let events: EventLog;
  let now = 1_000;
  const clock: Clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-presented-'));
    db = openDatabase({ file: join(dir, 'a.db'), migrations: loadMigrations(join(import.meta.dirname, '../store/migrations')) });
    events = createEventLog({ db, clock, random: createRandomPool(), nodeId: 'n', log: createLogger('t', memorySink()) });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('follows ProductPresented, ends with a product-less segment or the show, and caches for a second', () => {
    const current = presentedProductFromLog(db, clock);
    expect(current()).toBeNull();
    events.appendNow([
      { type: 'SegmentStarted', payload: {} },
      {
        type: 'ProductPresented',
        payload: { productId: 'p1', sku: 'LIP-01', name: '口红', price: { amount: 12_900, currency: 'CNY' }, promoPrice: { amount: 9_900, currency: 'CNY' } },
      },
    ]);
    expect(current()).toBeNull();
    now += 1_000;
    expect(current()).toEqual({ id: 'p1', sku: 'LIP-01', name: '口红', price: { amount: 9_900, currency: 'CNY' } });
    events.appendNow([{ type: 'SegmentStarted', payload: {} }]);
    now += 1_000;
    expect(current()).toBeNull();
    events.appendNow([{ type: 'ProductPresented', payload: { sku: 'X', name: 'x', price: { amount: 1.5, currency: 'CNY' } } }]);
    now += 1_000;
    expect(current()).toBeNull();
    events.appendNow([{ type: 'ProductPresented', payload: { sku: 'Y', name: 'y', price: { amount: 100, currency: 'USD' }, promoPrice: null } }, { type: 'ShowEnded', payload: {} }]);
    now += 1_000;
    expect(current()).toBeNull();
  });
});
