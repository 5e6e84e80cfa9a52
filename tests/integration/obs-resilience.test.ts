import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { codeOf, openCore, type CoreHarness } from './support/coreHarness.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { waitUntil } from './support/waitFor.js';

const obs = inject('obs');
/** Short enough to keep the run quick, long enough for a loaded 2-core machine running OBS. */
const CALL_TIMEOUT_MS = 1500;
/** "At once": an answer that comes from the core's own state, not from OBS or a timer. */
const FAST_MS = 250;

describe('OBS connection resilience (real OBS behind a TCP proxy)', () => {
  let proxy: TcpProxy;
  let h: CoreHarness;
  const observer = new OBSWebSocket();

  const programScene = async (): Promise<string> => (await observer.call('GetCurrentProgramScene')).currentProgramSceneName;

  /** Healthy network, connection identified: where each test below starts. */
  const healthy = async (): Promise<void> => {
    proxy.setMode('forward');
    await h.waitForObs((c) => c.status === 'identified', 'to be identified', 20_000);
  };

  beforeAll(async () => {
    await observer.connect(obs.url, obs.password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None });
    await observer.call('SetCurrentProgramScene', { sceneName: 'Host' });
    proxy = await startTcpProxy({ host: '127.0.0.1', port: Number(new URL(obs.url).port) });
    h = openCore({ obsCallTimeoutMs: CALL_TIMEOUT_MS });
  });

  afterAll(async () => {
    // Forward again first: closing a websocket whose bytes are black-holed waits for ws's close timeout.
    proxy.setMode('forward');
    await h.close();
    await proxy.close();
    await observer.disconnect();
  });

  test('a call while not connected returns OBS_NOT_CONNECTED at once', async () => {
    expect(h.view().status).toBe('disconnected');
    const t0 = performance.now();
    const r = await h.dispatch('obs.setScene', { connection: 'main', scene: 'Product' });
    const ms = performance.now() - t0;
    expect(codeOf(r)).toBe('OBS_NOT_CONNECTED');
    expect(ms).toBeLessThan(FAST_MS);
    expect(proxy.accepted()).toBe(0);
  });

  test('a call OBS never answers is rejected with OBS_TIMEOUT after the call timeout', async () => {
    const r0 = await h.dispatch('obs.configure', { name: 'main', url: proxy.url, password: obs.password, autoConnect: true });
    expect(r0.ok).toBe(true);
    await healthy();

    proxy.setMode('blackhole');
    const dropped = proxy.droppedUpstreamBytes();
    const t0 = performance.now();
    const r = await h.dispatch('obs.setScene', { connection: 'main', scene: 'Product' });
    const ms = performance.now() - t0;

    expect(codeOf(r)).toBe('OBS_TIMEOUT');
    expect(ms).toBeGreaterThanOrEqual(CALL_TIMEOUT_MS - 20);
    expect(ms).toBeLessThan(CALL_TIMEOUT_MS + 1000);
    expect(proxy.droppedUpstreamBytes()).toBeGreaterThan(dropped); // the request did leave the core
    expect(await programScene()).toBe('Host'); // and never reached OBS
    // A silent path is not a closed socket: the core cannot tell it from a slow OBS and stays identified.
    expect(h.view().status).toBe('identified');
  });

  test('a call in flight when the sockets drop is rejected at once; the connection reconnects with a higher epoch', async () => {
    await healthy();
    const before = h.view();
    const statusMark = h.statuses().length;

    // Hold the request on the wire, then cut every connection and refuse new ones ("OBS went away").
    proxy.setMode('blackhole');
    const dropped = proxy.droppedUpstreamBytes();
    const t0 = performance.now();
    const inFlight = h.dispatch('obs.setScene', { connection: 'main', scene: 'Price Card' });
    await waitUntil(() => proxy.droppedUpstreamBytes() > dropped, { timeoutMs: 1000, what: 'the request to leave the core' });
    proxy.setMode('refuse');
    const acceptedAtDrop = proxy.accepted();
    proxy.destroyAll();

    const r = await inFlight;
    const ms = performance.now() - t0;
    expect(codeOf(r)).toBe('OBS_NOT_CONNECTED');
    expect(ms).toBeLessThan(CALL_TIMEOUT_MS); // settled by the close, not by the call timer
    if (!r.ok) expect(r.error.message).toMatch(/closed/i);

    const down = await h.waitForObs((c) => c.status === 'reconnecting' && c.failure === 'network', 'to be reconnecting');
    expect(down.nextRetryAt).not.toBeNull();
    expect(down.programScene).toBeNull();

    // While it reconnects, calls fail fast instead of queueing.
    const t1 = performance.now();
    const r2 = await h.dispatch('obs.setScene', { connection: 'main', scene: 'Product' });
    expect(codeOf(r2)).toBe('OBS_NOT_CONNECTED');
    expect(performance.now() - t1).toBeLessThan(FAST_MS);

    // At least one retry hits the refusing proxy and is scheduled again with backoff.
    await waitUntil(() => proxy.accepted() >= acceptedAtDrop + 2, { timeoutMs: 5000, what: 'a retry to reach the proxy' });
    const retried = await h.waitForObs(
      (c) => c.status === 'reconnecting' && c.attempts >= 1 && c.nextRetryAt !== null,
      'a refused retry to be rescheduled',
    );
    expect(retried.failure).toBe('network');

    // OBS is back: the core identifies on its own, in a new epoch, with a fresh snapshot.
    proxy.setMode('forward');
    const back = await h.waitForObs((c) => c.status === 'identified', 'to be identified again', 20_000);
    expect(back.epoch).toBeGreaterThan(before.epoch);
    expect(back.failure).toBeNull();
    expect(back.attempts).toBe(0);
    expect(back.programScene).toBe('Host');
    const seen = h.statuses().slice(statusMark);
    expect(seen[0]).toBe('reconnecting');
    expect(seen.at(-1)).toBe('identified');
    expect(proxy.live()).toBe(2); // one command socket + one event socket: nothing leaked from the old epoch

    // And it works: the call that was cut off can simply be made again.
    const r3 = await h.dispatch('obs.setScene', { connection: 'main', scene: 'Price Card' });
    expect(r3).toEqual({ ok: true, value: { connection: 'main', scene: 'Price Card' } });
    expect(await programScene()).toBe('Price Card');
  });
});
