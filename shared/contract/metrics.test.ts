import { describe, expect, it } from 'vitest';
import { AlertRules, DEFAULT_ALERT_RULES, ruleKeyOf } from './metrics.js';

describe('AlertRules', () => {
  it('reads rules stored before stream health was editable, keeping the studio\'s values', () => {
    const { streamHealth: _dropped, ...older } = { ...DEFAULT_ALERT_RULES, viewersDrop: { ...DEFAULT_ALERT_RULES.viewersDrop, dropPct: 35 } };
    const parsed = AlertRules.parse(JSON.parse(JSON.stringify(older)));
    expect(parsed.viewersDrop.dropPct).toBe(35);
    expect(parsed.streamHealth).toEqual(DEFAULT_ALERT_RULES.streamHealth);
  });

  it('refuses stream-health thresholds out of range, naming the field', () => {
    const r = AlertRules.safeParse({ ...DEFAULT_ALERT_RULES, streamHealth: { ...DEFAULT_ALERT_RULES.streamHealth, lowBitratePct: 120 } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['streamHealth', 'lowBitratePct']);
  });

  it('maps the stream-health alerts to their editable rule', () => {
    expect(ruleKeyOf('stream.droppedFrames')).toBe('streamHealth');
    expect(ruleKeyOf('stream.lowBitrate')).toBe('streamHealth');
    expect(ruleKeyOf('stream.unexpectedStop')).toBeNull();
  });
});
