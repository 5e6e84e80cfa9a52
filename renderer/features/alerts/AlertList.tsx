import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/contract/alerts.js';
import { useCommand } from '../../lib/useCommand.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { activeAlerts } from './alerts.js';
import { useAlertRuleTitle } from './ruleTitle.js';
import { useAlertRules } from './useAlertRules.js';
import { useAlertActions, useAlerts } from './useAlerts.js';
import { useAlertSound } from './useAlertSound.js';

/** The studio's active alerts, most severe first, each with Acknowledge; and the critical-alert sound switch. */
export function AlertList(): ReactNode {
  const { t } = useTranslation();
  const { alerts, error } = useAlerts();
  const rules = useAlertRules();
  const [sound, setSound] = useAlertSound(alerts, rules.rules);
  const active = activeAlerts(alerts ?? []);
  return (
    <div className="alerts" aria-live="polite">
      <div className="alerts-head">
        <span className="metric-label">{t('alerts.title')}</span>
        <button
          type="button"
          className="btn btn-ghost toggle alert-sound"
          data-testid="alert-sound-toggle"
          aria-pressed={sound}
          onClick={() => setSound(!sound)}
          title={t('alerts.soundHint')}
        >
          <span className="toggle-track" aria-hidden="true" />
          {sound ? t('alerts.soundOn') : t('alerts.soundOff')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} title={t('alerts.loadError')} testId="alerts-error" /> : null}
      {active.length === 0 ? (
        <p className="muted alerts-none" data-testid="alerts-none">
          {alerts === null ? t('common.loading') : t('alerts.none')}
        </p>
      ) : (
        <ul className="alert-list">
          {active.map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ul>
      )}
    </div>
  );
}

function AlertItem({ alert: a }: { alert: Alert }): ReactNode {
  const { t, i18n } = useTranslation();
  const title = useAlertRuleTitle(a.rule);
  const { acknowledge } = useAlertActions();
  const ack = useCommand(acknowledge);
  const acked = a.acknowledgedAt !== null;
  const time = new Date(a.raisedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <li
      className={`alert alert-${a.severity}${acked ? ' alert-acked' : ''}`}
      data-testid="alert-item"
      data-rule={a.rule}
      data-severity={a.severity}
      data-acknowledged={acked}
    >
      <div className="alert-row">
        <span className="alert-severity">{t(`alerts.severity.${a.severity}`)}</span>
        <strong className="alert-title">{title}</strong>
        {acked ? (
          <span className="badge">{t('alerts.acknowledged')}</span>
        ) : (
          <button type="button" className="btn alert-ack" data-testid="alert-ack" disabled={ack.pending} onClick={() => void ack.run(a.id)}>
            {t('alerts.acknowledge')}
          </button>
        )}
      </div>
      <p className="alert-message">
        {a.message}
        {a.subject ? <span> · {a.subject}</span> : null}
        {' · '}
        <time className="mono" dateTime={new Date(a.raisedAt).toISOString()}>
          {time}
        </time>
      </p>
      {ack.error ? <ErrorMessage error={ack.error} title={t('alerts.ackError')} /> : null}
    </li>
  );
}
