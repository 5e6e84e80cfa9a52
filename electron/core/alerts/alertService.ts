import type { Alert } from '../../../shared/contract/alerts.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';

export interface RaiseInput {
  readonly rule: string;
  readonly severity: Alert['severity'];
  readonly message: string;
  readonly subject?: string | null;
}

/** Raises, clears and acknowledges alerts; each is an event in the log and a row in the alerts projection. */
export interface AlertService {
  /** Raises an alert unless the same rule is already active for the subject; returns the active alert. */
  raise(input: RaiseInput): Alert;
  /** Clears the active alert of a rule and subject, if any. */
  clear(rule: string, subject?: string | null): Alert | null;
  /** Raises when `holds`, clears when not: for conditions evaluated over and over (health rules). */
  set(holds: boolean, input: RaiseInput): void;
  acknowledge(id: string): Alert;
  list(limit: number): Alert[];
  active(): Alert[];
}

interface Row {
  id: string;
  rule: string;
  severity: Alert['severity'];
  message: string;
  subject: string | null;
  raised_at: number;
  cleared_at: number | null;
  acknowledged_at: number | null;
}

const toAlert = (r: Row): Alert => ({
  id: r.id,
  rule: r.rule,
  severity: r.severity,
  message: r.message,
  subject: r.subject,
  raisedAt: r.raised_at,
  active: r.cleared_at === null,
  clearedAt: r.cleared_at,
  acknowledgedAt: r.acknowledged_at,
});

export function createAlertService(deps: {
  db: Db;
  events: EventLog;
  clock: Clock;
  newId: () => string;
  onChanged: (alert: Alert) => void;
}): AlertService {
  const { db, events, clock, newId, onChanged } = deps;
  const findActive = db.prepare("SELECT * FROM alerts WHERE rule = ? AND coalesce(subject, '') = ? AND cleared_at IS NULL");
  const byId = db.prepare('SELECT * FROM alerts WHERE id = ?');
  const insert = db.prepare(
    'INSERT INTO alerts (id, rule, severity, message, subject, raised_at) VALUES (@id, @rule, @severity, @message, @subject, @raisedAt)',
  );
  const setCleared = db.prepare('UPDATE alerts SET cleared_at = ? WHERE id = ?');
  const setAcked = db.prepare('UPDATE alerts SET acknowledged_at = ? WHERE id = ? AND acknowledged_at IS NULL');
  const recent = db.prepare('SELECT * FROM alerts ORDER BY raised_at DESC, rowid DESC LIMIT ?');
  const activeRows = db.prepare('SELECT * FROM alerts WHERE cleared_at IS NULL ORDER BY raised_at DESC');

  const raise = db.transaction((input: RaiseInput): { alert: Alert; isNew: boolean } => {
    const existing = findActive.get(input.rule, input.subject ?? '') as Row | undefined;
    if (existing) return { alert: toAlert(existing), isNew: false };
    const alert: Alert = {
      id: newId(),
      rule: input.rule,
      severity: input.severity,
      message: input.message,
      subject: input.subject ?? null,
      raisedAt: clock.now(),
      active: true,
      clearedAt: null,
      acknowledgedAt: null,
    };
    events.appendNow([{ type: 'AlertRaised', subject: alert.subject, payload: alert }]);
    insert.run({ ...alert });
    return { alert, isNew: true };
  });

  const clear = db.transaction((rule: string, subject: string | null): Alert | null => {
    const existing = findActive.get(rule, subject ?? '') as Row | undefined;
    if (!existing) return null;
    const at = clock.now();
    events.appendNow([{ type: 'AlertCleared', subject, payload: { id: existing.id, rule, clearedAt: at } }]);
    setCleared.run(at, existing.id);
    return toAlert({ ...existing, cleared_at: at });
  });

  const ack = db.transaction((id: string): Alert => {
    const row = byId.get(id) as Row | undefined;
    if (!row) throw new AppError('NOT_FOUND', `alert ${id} does not exist`);
    if (row.acknowledged_at !== null) return toAlert(row);
    const at = clock.now();
    events.appendNow([{ type: 'AlertAcknowledged', subject: row.subject, payload: { id, acknowledgedAt: at } }]);
    setAcked.run(at, id);
    return toAlert({ ...row, acknowledged_at: at });
  });

  const service: AlertService = {
    raise(input) {
      const { alert, isNew } = raise(input);
      if (isNew) onChanged(alert);
      return alert;
    },
    clear(rule, subject = null) {
      const alert = clear(rule, subject);
      if (alert) onChanged(alert);
      return alert;
    },
    set(holds, input) {
      if (holds) service.raise(input);
      else service.clear(input.rule, input.subject ?? null);
    },
    acknowledge(id) {
      const alert = ack(id);
      onChanged(alert);
      return alert;
    },
    list: (limit) => (recent.all(limit) as Row[]).map(toAlert),
    active: () => (activeRows.all() as Row[]).map(toAlert),
  };
  return service;
}
