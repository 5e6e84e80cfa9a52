import { useSyncExternalStore } from 'react';
import { parseRoute, parseView, type Route, type View } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The page named by the location hash ("#/queue"); works the same from file:// (Electron) and http:// (console host). */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => parseRoute(window.location.hash));
}

/** Console or host view (see parseView). */
export function useView(): View {
  return useSyncExternalStore(subscribe, () => parseView(window.location.hash, window.location.pathname));
}
