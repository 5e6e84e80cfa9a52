import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptureDevicesPanel } from '../broadcast/capture/CaptureDevicesPanel.js';
import { ObsConnectionPanel } from '../obs/ObsConnectionPanel.js';
import { WordListEditor } from '../scripts/compliance/WordListEditor.js';
import { AlertRulesEditor } from './AlertRulesEditor.js';
import { AttributionSettings } from './AttributionSettings.js';
import { AudienceSettings } from './AudienceSettings.js';
import { OrderSources } from './OrderSources.js';
import { PlatformConnectors } from './PlatformConnectors.js';
import './settings.css';

/** One group of settings under its own heading (and jump link). */
function Group({ id, title, children }: { id: string; title: string; children: ReactNode }): ReactNode {
  return (
    <section className="settings-group" id={`settings-${id}`} aria-labelledby={`settings-${id}-title`} data-testid={`settings-${id}`}>
      <h2 className="settings-group-title" id={`settings-${id}-title`}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Settings, grouped: broadcast (OBS, capture), compliance words, audience platforms, alerts, orders and attribution. */
export function SettingsPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <section className="page settings-page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <Group id="broadcast" title={t('settings.group.broadcast')}>
        <ObsConnectionPanel />
        <CaptureDevicesPanel />
      </Group>
      <Group id="compliance" title={t('settings.group.compliance')}>
        <WordListEditor />
      </Group>
      <Group id="audience" title={t('settings.group.audience')}>
        <PlatformConnectors />
        <AudienceSettings />
      </Group>
      <Group id="alerts" title={t('settings.group.alerts')}>
        <AlertRulesEditor />
      </Group>
      <Group id="orders" title={t('settings.group.orders')}>
        <OrderSources />
        <AttributionSettings />
      </Group>
    </section>
  );
}
