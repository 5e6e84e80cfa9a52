import type { AlertRules } from '../../../shared/contract/metrics.js';

/** The editable thresholds of each rule, in display order (the enabled and sound switches come with every rule). */
export const RULE_FIELDS = {
  viewersDrop: ['dropPct', 'windowSec'],
  sentimentLow: ['below', 'forSec'],
  complaintSpike: ['perMinute'],
  priceObjectionSpike: ['perMinute'],
  stock: ['lowAt'],
  streamHealth: ['droppedPct', 'lowBitratePct', 'lowBitrateForSec'],
} as const satisfies { [K in keyof AlertRules]: readonly Exclude<keyof AlertRules[K], 'enabled' | 'sound'>[] };

export type RuleKey = keyof typeof RULE_FIELDS;
export const RULE_KEYS = Object.keys(RULE_FIELDS) as RuleKey[];

/** "rule.threshold", as the core's error messages name a field (e.g. "viewersDrop.dropPct"). */
export type FieldPath = { [K in RuleKey]: `${K}.${(typeof RULE_FIELDS)[K][number]}` }[RuleKey];

/** The thresholds of one rule with their paths. */
export function fieldsOf(key: RuleKey): { field: string; path: FieldPath }[] {
  return RULE_FIELDS[key].map((field: string) => ({ field, path: `${key}.${field}` as FieldPath }));
}

/** What the form holds: switches as booleans, thresholds as typed text ("" or "abc" stay as typed until saved). */
export type RuleForm = { [K in RuleKey]: { enabled: boolean; sound: boolean; values: Record<string, string> } };

export function formOf(rules: AlertRules): RuleForm {
  const out = {} as RuleForm;
  for (const key of RULE_KEYS) {
    const r = rules[key] as unknown as Record<string, number | boolean>;
    const values: Record<string, string> = {};
    for (const f of RULE_FIELDS[key]) values[f] = String(r[f]);
    out[key] = { enabled: rules[key].enabled, sound: rules[key].sound, values };
  }
  return out;
}

/**
 * The rules to send. Text becomes a number as typed ("" and non-numbers become NaN, which the core refuses with a
 * message for that field): the core's schema is the only judge of what is valid.
 */
export function rulesOf(form: RuleForm): AlertRules {
  const n = (key: RuleKey, f: string): number => {
    const text = (form[key].values[f] ?? '').trim();
    return text === '' ? Number.NaN : Number(text);
  };
  const sw = (key: RuleKey) => ({ enabled: form[key].enabled, sound: form[key].sound });
  return {
    viewersDrop: { ...sw('viewersDrop'), dropPct: n('viewersDrop', 'dropPct'), windowSec: n('viewersDrop', 'windowSec') },
    sentimentLow: { ...sw('sentimentLow'), below: n('sentimentLow', 'below'), forSec: n('sentimentLow', 'forSec') },
    complaintSpike: { ...sw('complaintSpike'), perMinute: n('complaintSpike', 'perMinute') },
    priceObjectionSpike: { ...sw('priceObjectionSpike'), perMinute: n('priceObjectionSpike', 'perMinute') },
    stock: { ...sw('stock'), lowAt: n('stock', 'lowAt') },
    streamHealth: {
      ...sw('streamHealth'),
      droppedPct: n('streamHealth', 'droppedPct'),
      lowBitratePct: n('streamHealth', 'lowBitratePct'),
      lowBitrateForSec: n('streamHealth', 'lowBitrateForSec'),
    },
  };
}

/**
 * Splits a BAD_INPUT message of the core ("alerts.setRules: viewersDrop.dropPct: Too big: …") into the field it
 * names ("viewersDrop.dropPct") and the message; null field when it names none.
 */
export function fieldError(message: string, command: string): { field: string | null; message: string } {
  const rest = message.startsWith(`${command}: `) ? message.slice(command.length + 2) : message;
  const m = /^([\w.]+): (.*)$/s.exec(rest);
  return m ? { field: m[1] ?? null, message: m[2] ?? rest } : { field: null, message: rest };
}
