import { describe, expect, it } from 'vitest';
import { AlertRules, DEFAULT_ALERT_RULES } from '../../../shared/contract/metrics.js';
import { fieldError, formOf, rulesOf } from './ruleForm.js';

describe('alert rule form', () => {
  it('round-trips the stored rules through the form', () => {
    expect(AlertRules.parse(rulesOf(formOf(DEFAULT_ALERT_RULES)))).toEqual(DEFAULT_ALERT_RULES);
  });

  it('sends what was typed, so the core schema judges it (empty and words become NaN)', () => {
    const form = formOf(DEFAULT_ALERT_RULES);
    form.viewersDrop.values['dropPct'] = '35';
    form.sentimentLow.values['below'] = '';
    form.stock.values['lowAt'] = 'ten';
    form.complaintSpike.sound = true;
    const sent = rulesOf(form);
    expect(sent.viewersDrop.dropPct).toBe(35);
    expect(sent.sentimentLow.below).toBeNaN();
    expect(sent.stock.lowAt).toBeNaN();
    expect(sent.complaintSpike.sound).toBe(true);
    const r = AlertRules.safeParse(sent);
    expect(r.success).toBe(false);
  });

  it('finds the field a core BAD_INPUT message names', () => {
    expect(fieldError('alerts.setRules: viewersDrop.dropPct: Too big: expected number to be <=100', 'alerts.setRules')).toEqual({
      field: 'viewersDrop.dropPct',
      message: 'Too big: expected number to be <=100',
    });
    expect(fieldError('alerts.setRules: invalid input', 'alerts.setRules')).toEqual({ field: null, message: 'invalid input' });
  });
});
