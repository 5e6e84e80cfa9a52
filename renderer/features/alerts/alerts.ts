import type { Alert } from '../../../shared/contract/alerts.js';
import { isHostAlert, ruleKeyOf, type AlertRules } from '../../../shared/contract/metrics.js';

/** How many alerts the console keeps in memory (alerts.list answers at most 100 by default). */
export const MAX_ALERTS = 200;

/** localStorage key for the critical-alert sound (off unless the producer turns it on). */
export const ALERT_SOUND_KEY = 'showrunner.alertSound';

const SEVERITY_RANK: Record<Alert['severity'], number> = { critical: 2, warning: 1, info: 0 };

/** Newest first, as alerts.list answers. */
const byRaisedDesc = (a: Alert, b: Alert): number => b.raisedAt - a.raisedAt;

/** Applies an alerts.changed event (the alert's current state) to the known list, newest first. */
export function upsertAlert(list: readonly Alert[], alert: Alert): readonly Alert[] {
  const rest = list.filter((a) => a.id !== alert.id);
  return [alert, ...rest].sort(byRaisedDesc).slice(0, MAX_ALERTS);
}

/** Merges an alerts.list answer with events that arrived while it was in flight (the event is newer). */
export function mergeAlerts(listed: readonly Alert[], seen: readonly Alert[]): readonly Alert[] {
  let out = [...listed].sort(byRaisedDesc).slice(0, MAX_ALERTS) as readonly Alert[];
  for (const a of seen) out = upsertAlert(out, a);
  return out;
}

/** What the health strip lists: alerts whose condition still holds, the most severe first, then the newest. */
export function activeAlerts(list: readonly Alert[]): Alert[] {
  return list
    .filter((a) => a.active)
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || b.raisedAt - a.raisedAt);
}

/** What the host view shows: host rules (`host.*`), still holding, not yet acknowledged by the producer. */
export function hostAlerts(list: readonly Alert[]): Alert[] {
  return activeAlerts(list).filter((a) => isHostAlert(a.rule) && a.acknowledgedAt === null);
}

/**
 * Whether an alert beeps: an alert with an editable rule (metrics, stream health) when its rule's `sound` is on
 * (Settings → alert rules); any other (OBS disconnected, stream stopped) when it is critical. `rules` null (not
 * loaded yet): critical ones only.
 */
export function wantsSound(a: Alert, rules: AlertRules | null): boolean {
  const key = ruleKeyOf(a.rule);
  if (key === null || rules === null) return a.severity === 'critical';
  return rules[key].sound;
}

/** Alerts that should sound: active, not acknowledged, not sounded before (ids in `sounded`) and `wantsSound`. */
export function alertsToSound(list: readonly Alert[], sounded: ReadonlySet<string>, rules: AlertRules | null = null): Alert[] {
  return list.filter((a) => a.active && a.acknowledgedAt === null && !sounded.has(a.id) && wantsSound(a, rules));
}

/** Reads the stored sound preference: only the exact value "on" turns it on. */
export function parseSoundPreference(stored: string | null): boolean {
  return stored === 'on';
}
