/** The pages of the console, in navigation order. */
export const ROUTES = ['live', 'queue', 'scripts', 'review', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export const DEFAULT_ROUTE: Route = 'live';

function isRoute(value: string): value is Route {
  return (ROUTES as readonly string[]).includes(value);
}

/** Reads the page from a location hash such as "#/queue"; anything unknown is the Live page. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isRoute(name) ? name : DEFAULT_ROUTE;
}

export function routeHref(route: Route): string {
  return `#/${route}`;
}

/** What the page is: the console (with its pages) or the host view on a second screen, which has no chrome. */
export type View = 'console' | 'host';

/** The host view is "#/host" (works from file:// in Electron too) or the path "/host" on the console host. */
export function parseView(hash: string, pathname: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return name === 'host' || /^\/host\/?$/.test(pathname) ? 'host' : 'console';
}
