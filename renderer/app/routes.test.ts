import { describe, expect, it } from 'vitest';
import { parseRoute, parseView, routeHref, ROUTES } from './routes.js';

describe('parseRoute', () => {
  it('reads every known page from its own href', () => {
    for (const r of ROUTES) expect(parseRoute(routeHref(r))).toBe(r);
  });

  it('defaults to the Live page for an empty or unknown hash', () => {
    expect(parseRoute('')).toBe('live');
    expect(parseRoute('#')).toBe('live');
    expect(parseRoute('#/')).toBe('live');
    expect(parseRoute('#/nope')).toBe('live');
    expect(parseRoute('#/constructor')).toBe('live');
  });

  it('ignores deeper segments and query strings', () => {
    expect(parseRoute('#/queue/123')).toBe('queue');
    expect(parseRoute('#/settings?tab=obs')).toBe('settings');
    expect(parseRoute('#queue')).toBe('queue');
  });
});

describe('parseView', () => {
  it('opens the host view at #/host or at the path /host', () => {
    expect(parseView('#/host', '/')).toBe('host');
    expect(parseView('#host', '/index.html')).toBe('host');
    expect(parseView('', '/host')).toBe('host');
    expect(parseView('', '/host/')).toBe('host');
  });

  it('is the console everywhere else', () => {
    expect(parseView('', '/')).toBe('console');
    expect(parseView('#/live', '/')).toBe('console');
    expect(parseView('#/hostess', '/')).toBe('console');
    expect(parseView('', '/hosts')).toBe('console');
  });
});
