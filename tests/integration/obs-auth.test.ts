import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { codeOf, openCore, type CoreHarness } from './support/coreHarness.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { elapse } from './support/waitFor.js';

const obs = inject('obs');
/** One connection attempt of the core opens two websockets: the command socket and the event socket. */
const SOCKETS_PER_ATTEMPT = 2;

describe('OBS authentication (real OBS behind a counting TCP proxy)', () => {
  let proxy: TcpProxy;
  let h: CoreHarness;
  const wrongPassword = `${obs.password}-wrong`;

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(obs.url).port) });
    h = openCore();
  });

  afterAll(async () => {
    await h.close();
    await proxy.close();
  });

  test('a wrong password fails with "auth", says to check the password, and is not retried', async () => {
    const r = await h.dispatch('obs.configure', { name: 'main', url: proxy.url, password: wrongPassword, autoConnect: true });
    expect(r.ok).toBe(true);

    const v = await h.waitForObs((c) => c.status === 'failed', 'to fail');
    expect(v.failure).toBe('auth');
    expect(v.message).toMatch(/password/i);
    expect(v.nextRetryAt).toBeNull();
    expect(proxy.accepted()).toBe(SOCKETS_PER_ATTEMPT);

    // No retry storm: nothing more reaches OBS while the user has not fixed the password.
    await elapse(3000);
    expect(proxy.accepted()).toBe(SOCKETS_PER_ATTEMPT);
    const after = h.view();
    expect(after.status).toBe('failed');
    expect(after.failure).toBe('auth');
    expect(after.nextRetryAt).toBeNull();
    expect(h.statuses()).toEqual(['connecting', 'failed']);

    // Calls fail fast and say why.
    const call = await h.dispatch('obs.setScene', { connection: 'main', scene: 'Product' });
    expect(codeOf(call)).toBe('OBS_NOT_CONNECTED');

    // The failure is a fact in the log.
    h.core.events.flush();
    const changes = h.core.events.read({ type: 'ObsConnectionChanged' }).map((e) => e.payload);
    expect(changes).toContainEqual(expect.objectContaining({ connection: 'main', status: 'failed', failure: 'auth' }));
  });

  test('the password never leaves the core: not in state, pushed events, log records or the event log', () => {
    h.core.events.flush();
    const everything = JSON.stringify([h.view(), h.pushed, h.logs, h.core.events.read({ limit: 10_000 })]);
    expect(everything).not.toContain(wrongPassword);
    expect(everything).not.toContain(obs.password);
  });

  test('the right password through the same proxy identifies with one attempt', async () => {
    const before = proxy.accepted();
    const r = await h.dispatch('obs.configure', { name: 'main', url: proxy.url, password: obs.password, autoConnect: true });
    expect(r.ok).toBe(true);

    const v = await h.waitForObs((c) => c.status === 'identified', 'to be identified');
    expect(v.failure).toBeNull();
    expect(v.message).toBeNull();
    expect(v.scenes.length).toBeGreaterThan(0);
    expect(proxy.accepted() - before).toBe(SOCKETS_PER_ATTEMPT);
    expect(proxy.live()).toBe(SOCKETS_PER_ATTEMPT);
    expect(h.statuses().slice(-2)).toEqual(['connecting', 'identified']);
  });
});
