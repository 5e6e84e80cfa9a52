import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CaptureDevicesPanel } from '../broadcast/capture/CaptureDevicesPanel.js';
import { ObsConnectionPanel } from '../obs/ObsConnectionPanel.js';
import { WordListEditor } from '../scripts/compliance/WordListEditor.js';

export function SettingsPage(): ReactNode {
  const { t } = useTranslation();
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <ObsConnectionPanel />
      <CaptureDevicesPanel />
      <WordListEditor />
    </section>
  );
}
