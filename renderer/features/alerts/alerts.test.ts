import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contract/alerts.js';
import { activeAlerts, alertsToSound, mergeAlerts, parseSoundPreference, upsertAlert } from './alerts.js';

const alert = (id: string, over: Partial<Alert> = {}): Alert => ({
  id,
  rule: 'obs.disconnected',
  severity: 'warning',
  message: `alert ${id}`,
  subject: 'obs:main',
  raisedAt: 1_000,
  active: true,
  clearedAt: null,
  acknowledgedAt: null,
  ...over,
});

describe('upsertAlert / mergeAlerts', () => {
  it('replaces an alert by id and keeps newest first', () => {
    const list = [alert('b', { raisedAt: 2_000 }), alert('a', { raisedAt: 1_000 })];
    const next = upsertAlert(list, alert('a', { raisedAt: 1_000, active: false, clearedAt: 3_000 }));
    expect(next.map((a) => [a.id, a.active])).toEqual([
      ['b', true],
      ['a', false],
    ]);
    expect(upsertAlert(next, alert('c', { raisedAt: 5_000 }))[0]?.id).toBe('c');
  });

  it('lets events seen during alerts.list win over the listed state', () => {
    const merged = mergeAlerts([alert('a'), alert('b', { raisedAt: 500 })], [alert('a', { acknowledgedAt: 4_000 })]);
    expect(merged.find((a) => a.id === 'a')?.acknowledgedAt).toBe(4_000);
    expect(merged).toHaveLength(2);
  });
});

describe('activeAlerts', () => {
  it('lists active alerts, critical first, then newest', () => {
    const list = [
      alert('old-warn', { raisedAt: 1 }),
      alert('crit', { severity: 'critical', raisedAt: 2 }),
      alert('new-warn', { raisedAt: 3 }),
      alert('cleared', { active: false, raisedAt: 4 }),
    ];
    expect(activeAlerts(list).map((a) => a.id)).toEqual(['crit', 'new-warn', 'old-warn']);
  });
});

describe('alertsToSound', () => {
  it('sounds each active unacknowledged critical alert once', () => {
    const list = [
      alert('c1', { severity: 'critical' }),
      alert('c2', { severity: 'critical', acknowledgedAt: 5 }),
      alert('c3', { severity: 'critical', active: false }),
      alert('w', { severity: 'warning' }),
    ];
    expect(alertsToSound(list, new Set()).map((a) => a.id)).toEqual(['c1']);
    expect(alertsToSound(list, new Set(['c1']))).toEqual([]);
  });
});

describe('parseSoundPreference', () => {
  it('is off by default', () => {
    expect(parseSoundPreference(null)).toBe(false);
    expect(parseSoundPreference('yes')).toBe(false);
    expect(parseSoundPreference('on')).toBe(true);
  });
});
