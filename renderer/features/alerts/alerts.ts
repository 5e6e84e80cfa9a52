import type { Alert } from '../../../shared/contract/alerts.js';

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

/** Critical alerts that should sound: active, not acknowledged, and not sounded before (ids in `sounded`). */
export function alertsToSound(list: readonly Alert[], sounded: ReadonlySet<string>): Alert[] {
  return list.filter((a) => a.severity === 'critical' && a.active && a.acknowledgedAt === null && !sounded.has(a.id));
}

/** Reads the stored sound preference: only the exact value "on" turns it on. */
export function parseSoundPreference(stored: string | null): boolean {
  return stored === 'on';
}
