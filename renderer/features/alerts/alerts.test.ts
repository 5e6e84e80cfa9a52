import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/contract/alerts.js';
import { DEFAULT_ALERT_RULES, METRIC_ALERT_RULES } from '../../../shared/contract/metrics.js';
import { activeAlerts, alertsToSound, hostAlerts, mergeAlerts, parseSoundPreference, upsertAlert } from './alerts.js';

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

  it("sounds metrics alerts by their rule's sound switch, whatever their severity", () => {
    const rules = { ...DEFAULT_ALERT_RULES, complaintSpike: { ...DEFAULT_ALERT_RULES.complaintSpike, sound: true }, stock: { ...DEFAULT_ALERT_RULES.stock, sound: false } };
    const list = [
      alert('complaints', { rule: METRIC_ALERT_RULES.complaintSpike, severity: 'warning' }),
      alert('soldout', { rule: METRIC_ALERT_RULES.soldOut, severity: 'critical' }),
      alert('viewers', { rule: METRIC_ALERT_RULES.viewersDrop, severity: 'warning' }),
      alert('obs', { rule: 'obs.disconnected', severity: 'critical' }),
    ];
    expect(alertsToSound(list, new Set(), rules).map((a) => a.id)).toEqual(['complaints', 'obs']);
    // Rules not loaded yet: critical only.
    expect(alertsToSound(list, new Set(), null).map((a) => a.id)).toEqual(['soldout', 'obs']);
  });
});

describe('hostAlerts', () => {
  it('keeps active host rules until the producer acknowledges them, the most severe first', () => {
    const list = [
      alert('low', { rule: METRIC_ALERT_RULES.stockLow, raisedAt: 3 }),
      alert('out', { rule: METRIC_ALERT_RULES.soldOut, severity: 'critical', raisedAt: 1 }),
      alert('acked', { rule: METRIC_ALERT_RULES.priceObjectionSpike, acknowledgedAt: 4 }),
      alert('cleared', { rule: METRIC_ALERT_RULES.stockLow, active: false }),
      alert('studio', { rule: METRIC_ALERT_RULES.viewersDrop }),
    ];
    expect(hostAlerts(list).map((a) => a.id)).toEqual(['out', 'low']);
  });
});

describe('parseSoundPreference', () => {
  it('is off by default', () => {
    expect(parseSoundPreference(null)).toBe(false);
    expect(parseSoundPreference('yes')).toBe(false);
    expect(parseSoundPreference('on')).toBe(true);
  });
});
