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
    case 'metrics.viewersDrop':
      return t('alerts.rules.metricsViewersDrop');
    case 'metrics.sentimentLow':
      return t('alerts.rules.metricsSentimentLow');
    case 'metrics.complaintSpike':
      return t('alerts.rules.metricsComplaintSpike');
    case 'host.priceObjections':
      return t('alerts.rules.hostPriceObjections');
    case 'host.stockLow':
      return t('alerts.rules.hostStockLow');
    case 'host.soldOut':
      return t('alerts.rules.hostSoldOut');
    default:
      return rule;
  }
}
