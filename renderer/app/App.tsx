import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../shared/errors.js';
import { useLinkStatus } from './ApiContext.js';
import { Header } from './Header.js';
import type { Route } from './routes.js';
import { useRoute, useView } from './useRoute.js';

// One chunk per page: the host view on a second screen or a staff laptop loads only what it shows.
const HostView = lazy(() => import('../features/host/HostView.js').then((m) => ({ default: m.HostView })));
const LivePage = lazy(() => import('../features/live/LivePage.js').then((m) => ({ default: m.LivePage })));
const QueuePage = lazy(() => import('../features/queue/QueuePage.js').then((m) => ({ default: m.QueuePage })));
const ReviewPage = lazy(() => import('../features/review/ReviewPage.js').then((m) => ({ default: m.ReviewPage })));
const ScriptsPage = lazy(() => import('../features/scripts/ScriptsPage.js').then((m) => ({ default: m.ScriptsPage })));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage.js').then((m) => ({ default: m.SettingsPage })));

function Loading(): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="page-loading" role="status">
      {t('common.loading')}
    </p>
  );
}

function Page({ route }: { route: Route }): ReactNode {
  switch (route) {
    case 'live':
      return <LivePage />;
    case 'queue':
      return <QueuePage />;
    case 'scripts':
      return <ScriptsPage />;
    case 'review':
      return <ReviewPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return assertNever(route, 'route');
  }
}

/** The page: the console, or the host view (full screen, no chrome) at #/host or /host. */
export function App(): ReactNode {
  return useView() === 'host' ? (
    <Suspense fallback={<Loading />}>
      <HostView />
    </Suspense>
  ) : (
    <Console />
  );
}

/** The console shell. data-link is the e2e readiness signal: "open" once the core can be called. */
function Console(): ReactNode {
  const link = useLinkStatus();
  const route = useRoute();
  return (
    <div className="app" data-testid="app-root" data-link={link}>
      <Header link={link} route={route} />
      <main className="main">
        <Suspense fallback={<Loading />}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}
