import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contract/alerts.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import { createLogger, memorySink } from '../logger.js';
import { loadMigrations, openDatabase, type Db } from '../store/db.js';
import { createEventLog, type EventLog } from '../store/eventLog.js';
import { createAlertService, type AlertService } from './alertService.js';

const MIGRATIONS = join(import.meta.dirname, '../store/migrations');

describe('alert service', () => {
  let dir: string;
  let db: Db;
  let events: EventLog;
  let now = 1_000;
  let changes: Alert[];
  let alerts: AlertService;
  const clock: Clock = { now: () => now, setTimeout: () => null, clearTimeout: () => undefined };

  beforeEach(() => {
    now = 1_000;
    dir = mkdtempSync(join(tmpdir(), 'showrunner-alerts-'));
    db = openDatabase({ file: join(dir, 'a.db'), migrations: loadMigrations(MIGRATIONS) });
    let n = 0;
    events = createEventLog({ db, clock, random: (k) => new Uint8Array(randomBytes(k)), nodeId: 'n1', log: createLogger('t', memorySink()) });
    changes = [];
    alerts = createAlertService({ db, events, clock, newId: () => `alert-${++n}`, onChanged: (a) => changes.push(a) });
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const types = (): string[] => events.read().map((e) => e.type);

  it('raises once per rule and subject while active, and records the raise', () => {
    const a = alerts.raise({ rule: 'obs.disconnected', severity: 'critical', message: 'OBS main disconnected', subject: 'obs:main' });
    now = 2_000;
    const again = alerts.raise({ rule: 'obs.disconnected', severity: 'critical', message: 'still', subject: 'obs:main' });
    expect(again.id).toBe(a.id);
    expect(a).toMatchObject({ rule: 'obs.disconnected', severity: 'critical', active: true, raisedAt: 1_000, clearedAt: null });
    expect(changes).toHaveLength(1);
    expect(types()).toEqual(['AlertRaised']);
    const other = alerts.raise({ rule: 'obs.disconnected', severity: 'critical', message: 'backup', subject: 'obs:backup' });
    expect(other.id).not.toBe(a.id);
  });

  it('clears, and raises anew after a clear', () => {
    const a = alerts.raise({ rule: 'stream.lowBitrate', severity: 'warning', message: 'low', subject: 'obs:main' });
    now = 5_000;
    const cleared = alerts.clear('stream.lowBitrate', 'obs:main');
    expect(cleared).toMatchObject({ id: a.id, active: false, clearedAt: 5_000 });
    expect(alerts.clear('stream.lowBitrate', 'obs:main')).toBeNull();
    const b = alerts.raise({ rule: 'stream.lowBitrate', severity: 'warning', message: 'low again', subject: 'obs:main' });
    expect(b.id).not.toBe(a.id);
    expect(types()).toEqual(['AlertRaised', 'AlertCleared', 'AlertRaised']);
    expect(alerts.active().map((x) => x.id)).toEqual([b.id]);
  });

  it('set() raises while a condition holds and clears when it ends', () => {
    const input = { rule: 'stream.droppedFrames', severity: 'warning' as const, message: '2 %', subject: 'obs:main' };
    alerts.set(true, input);
    alerts.set(true, input);
    alerts.set(false, input);
    alerts.set(false, input);
    expect(types()).toEqual(['AlertRaised', 'AlertCleared']);
  });

  it('acknowledges once and refuses unknown ids', () => {
    const a = alerts.raise({ rule: 'x', severity: 'info', message: 'm' });
    now = 9_000;
    expect(alerts.acknowledge(a.id)).toMatchObject({ acknowledgedAt: 9_000, active: true });
    now = 10_000;
    expect(alerts.acknowledge(a.id).acknowledgedAt).toBe(9_000);
    expect(types()).toEqual(['AlertRaised', 'AlertAcknowledged']);
    expect(() => alerts.acknowledge('nope')).toThrow(AppError);
  });

  it('lists newest first within the limit', () => {
    alerts.raise({ rule: 'a', severity: 'info', message: '1' });
    now = 2_000;
    alerts.raise({ rule: 'b', severity: 'info', message: '2' });
    now = 3_000;
    alerts.raise({ rule: 'c', severity: 'info', message: '3' });
    expect(alerts.list(2).map((x) => x.rule)).toEqual(['c', 'b']);
  });
});
