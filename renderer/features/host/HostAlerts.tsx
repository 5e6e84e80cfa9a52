import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Alert } from '../../../shared/contract/alerts.js';
import { hostAlerts } from '../alerts/alerts.js';
import { useAlertRuleTitle } from '../alerts/ruleTitle.js';
import { useAlerts } from '../alerts/useAlerts.js';

/**
 * Host-relevant alerts (price objections on the current product, stock low, sold out), large and calm. The host
 * cannot dismiss them: they go when the producer acknowledges them on the console or when the condition ends.
 */
export function HostAlerts(): ReactNode {
  const { t } = useTranslation();
  const { alerts } = useAlerts();
  const shown = hostAlerts(alerts ?? []);
  return (
    <section className="host-alerts" aria-label={t('host.alerts')} aria-live="polite" data-testid="host-alerts" data-count={shown.length}>
      {shown.map((a) => (
        <HostAlertItem key={a.id} alert={a} />
      ))}
    </section>
  );
}

function HostAlertItem({ alert: a }: { alert: Alert }): ReactNode {
  const title = useAlertRuleTitle(a.rule);
  return (
    <div className={`host-alert host-alert-${a.severity}`} data-testid="host-alert" data-rule={a.rule} data-alert-id={a.id}>
      <strong className="host-alert-title">{title}</strong>
      <span className="host-alert-message">{a.message}</span>
    </div>
  );
}
