import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogPage } from '../catalog/CatalogPage.js';
import { SessionPicker } from '../cues/SessionPicker.js';
import { useSessions } from '../cues/useSessions.js';
import { QueuePanel } from './QueuePanel.js';
import './queue.css';

/** The Queue page: the picked show's product queue on top, the studio's catalog it draws from below. */
export function QueuePage(): ReactNode {
  const { t } = useTranslation();
  const sessions = useSessions();
  const session = sessions.current;
  return (
    <div className="page">
      <section className="page" aria-labelledby="queue-title">
        <header className="page-header">
          <div>
            <h1 id="queue-title">{t('queue.title')}</h1>
            <p className="page-subtitle">{t('queue.subtitle')}</p>
          </div>
          <SessionPicker view={sessions} />
        </header>
        {session ? (
          <QueuePanel key={session.id} session={session} />
        ) : sessions.sessions ? (
          <p className="empty" data-testid="queue-no-session">
            {t('queue.noSession')}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </section>
      <CatalogPage />
    </div>
  );
}
