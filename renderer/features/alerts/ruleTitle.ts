import { useTranslation } from 'react-i18next';

/** The translated title of an alert rule; rules this UI does not know yet show their id. */
export function useAlertRuleTitle(rule: string): string {
  const { t } = useTranslation();
  switch (rule) {
    case 'obs.disconnected':
      return t('alerts.rules.obsDisconnected');
    case 'stream.unexpectedStop':
      return t('alerts.rules.streamUnexpectedStop');
    case 'stream.droppedFrames':
      return t('alerts.rules.streamDroppedFrames');
    case 'stream.lowBitrate':
      return t('alerts.rules.streamLowBitrate');
    default:
      return rule;
  }
}
