import type { ReactNode } from 'react';
import { assertNever } from '../../shared/errors.js';
import { HostView } from '../features/host/HostView.js';
import { LivePage } from '../features/live/LivePage.js';
import { QueuePage } from '../features/queue/QueuePage.js';
import { ReviewPage } from '../features/review/ReviewPage.js';
import { ScriptsPage } from '../features/scripts/ScriptsPage.js';
import { SettingsPage } from '../features/settings/SettingsPage.js';
import { useLinkStatus } from './ApiContext.js';
import { Header } from './Header.js';
import type { Route } from './routes.js';
import { useRoute, useView } from './useRoute.js';

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
  return useView() === 'host' ? <HostView /> : <Console />;
}

/** The console shell. data-link is the e2e readiness signal: "open" once the core can be called. */
function Console(): ReactNode {
  const link = useLinkStatus();
  const route = useRoute();
  return (
    <div className="app" data-testid="app-root" data-link={link}>
      <Header link={link} route={route} />
      <main className="main">
        <Page route={route} />
      </main>
    </div>
  );
}
