import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openCore, type CoreHarness } from './support/coreHarness.js';
import { startTcpProxy, type TcpProxy } from './support/tcpProxy.js';
import { elapse, waitUntil } from './support/waitFor.js';

/*
 * Races in electron/core/obs/connection.ts that the real OBS exposed. Each scenario is reproduced and measured by
 * a plain test (which must pass: it proves the scenario happened); the property that once broke is asserted by
 * the test right after it. Each comment says what went wrong and what keeps it fixed.
 */

const obs = inject('obs');
const OBS = { host: '127.0.0.1', port: Number(new URL(obs.url).port) };
const SOCKETS_PER_ATTEMPT = 2;

describe('a new target while a retry is pending (obs.configure during reconnecting)', () => {
  let down: TcpProxy;
  let up: TcpProxy;
  let h: CoreHarness;
  const seen = { accepted: 0, live: 0, statusesAfterRetarget: [] as string[] };

  beforeAll(async () => {
    down = await startTcpProxy(OBS);
    down.setMode('refuse');
    up = await startTcpProxy(OBS);
    h = openCore();
  });
  afterAll(async () => {
    await h.close();
    await down.close();
    await up.close();
  });

  test('the user fixes the URL while the core retries the old one; it identifies on the new one', async () => {
    await h.dispatch('obs.configure', { name: 'main', url: down.url, password: obs.password, autoConnect: true });
    const retrying = await h.waitForObs((c) => c.status === 'reconnecting' && c.nextRetryAt !== null, 'a retry to be pending');
    const staleRetryAt = retrying.nextRetryAt ?? 0;
    const mark = h.statuses().length;

    await h.dispatch('obs.configure', { name: 'main', url: up.url, password: obs.password, autoConnect: true });
    await h.waitForObs((c) => c.status === 'identified' && c.url === up.url, 'to be identified on the new URL');
    // Let the moment the old retry was due pass, with margin (asserting that nothing more happens).
    await elapse(Math.max(0, staleRetryAt - Date.now()) + 1500);

    seen.accepted = up.accepted();
    seen.live = up.live();
    seen.statusesAfterRetarget = h.statuses().slice(mark);
    expect(h.view().status).toBe('identified');
    expect(seen.accepted).toBeGreaterThanOrEqual(SOCKETS_PER_ATTEMPT);
  });

  // connection.ts retarget() does not clearRetry(): the old timer fires after the new target identified, attempt()
  // opens a second pair without tearing the first down (status flips identified → connecting → identified) and
  // the first pair leaks: still open to OBS after core.close(). Fix: this.clearRetry() in retarget() before attempt().
  test('the pending retry is cancelled: one pair of sockets, no status flip', () => {
    expect(seen.accepted).toBe(SOCKETS_PER_ATTEMPT);
    expect(seen.live).toBe(SOCKETS_PER_ATTEMPT);
    expect(seen.statusesAfterRetarget.filter((s) => s === 'identified')).toHaveLength(1);
  });
});

describe('sockets cut during the snapshot that follows identify', () => {
  let proxy: TcpProxy;
  let h: CoreHarness;
  const seen = { accepted: 0, live: 0 };

  beforeAll(async () => {
    proxy = await startTcpProxy(OBS);
    h = openCore();
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
  });

  test('the connection drops right after Identified, during GetVersion/GetSceneList, and recovers', async () => {
    // Chunk 3 from a client is the command socket's first request after Identify: cut everything there.
    proxy.armOnClientChunk(3, { mode: 'forward', cut: true });
    await h.dispatch('obs.configure', { name: 'main', url: proxy.url, password: obs.password, autoConnect: true });
    await waitUntil(() => proxy.fired(), { timeoutMs: 10_000, what: 'the cut during the snapshot' });
    const v = await h.waitForObs((c) => c.status === 'identified', 'to recover', 20_000);
    expect(v.scenes.length).toBeGreaterThan(0);
    // Every retry of this scenario is due within 500 ms (backoff step 1); give it ample time to show up.
    await elapse(2000);
    seen.accepted = proxy.accepted();
    seen.live = proxy.live();
    expect(h.view().status).toBe('identified');
  });

  // onClosed() and attempt()'s catch both call afterFailure() for the same drop: two retry timers, two attempts;
  // if the first one identifies before the second fires, the second replaces its sockets without closing them.
  // Fix: in attempt()'s catch, return without afterFailure() when the sockets were installed and this.command is no
  // longer ours (onClosed() already tore down and scheduled the retry).
  test('one drop schedules one retry (2 + 2 sockets) and leaks nothing', () => {
    expect(seen.accepted).toBe(2 * SOCKETS_PER_ATTEMPT);
    expect(seen.live).toBe(SOCKETS_PER_ATTEMPT);
  });
});

describe('commands during the snapshot that follows identify', () => {
  let proxy: TcpProxy;
  let h: CoreHarness;
  const seen = { status: '', setSceneCode: '' };

  beforeAll(async () => {
    proxy = await startTcpProxy(OBS);
    h = openCore();
  });
  afterAll(async () => {
    proxy.setMode('forward');
    await h.close();
    await proxy.close();
  });

  test('the snapshot requests are held on the wire; a command and obs.getState arrive meanwhile', async () => {
    // Chunk 3 is the command socket's first snapshot request: from there on nothing reaches OBS.
    proxy.armOnClientChunk(3, { mode: 'blackhole', cut: false });
    await h.dispatch('obs.configure', { name: 'main', url: proxy.url, password: obs.password, autoConnect: true });
    await waitUntil(() => proxy.fired(), { timeoutMs: 10_000, what: 'the snapshot to be held' });

    const state = await h.dispatch('obs.getState', {});
    expect(state.ok).toBe(true);
    seen.status = h.view().status;
    const r = await h.dispatch('obs.setScene', { connection: 'main', scene: 'Product' });
    seen.setSceneCode = r.ok ? 'ok' : r.error.code;
    expect(r.ok).toBe(false); // whatever the code, it cannot have worked

    // Release: cut the held sockets; the core must end up identified with a real snapshot.
    proxy.setMode('forward');
    proxy.destroyAll();
    const v = await h.waitForObs((c) => c.status === 'identified' && c.scenes.length > 0, 'to recover with a snapshot', 20_000);
    expect(v.programScene).not.toBeNull();
  });

  // attempt() sets `this.status = 'identified'` (without notifying) before fetchSnapshot() so that call() lets the
  // snapshot requests through. Meanwhile view()/obs.getState report "identified" with no scenes, and
  // ObsService.setScene's NOT_FOUND guard (isIdentified() && scene not in the empty list) refuses every scene.
  // Fix: drop the early status; fetchSnapshot() uses a private request() that needs only this.command, and
  // onClosed() guards on the epoch alone so a drop during the snapshot is still handled.
  test('until the snapshot is in, the connection is not "identified" and commands get OBS_NOT_CONNECTED', () => {
    expect(seen.status).not.toBe('identified');
    expect(seen.setSceneCode).toBe('OBS_NOT_CONNECTED');
  });
});

describe('closing the core while the network path to OBS is silent', () => {
  let proxy: TcpProxy;
  let h: CoreHarness;
  const LIMIT_MS = 3000;
  const seen = { closedWithinLimit: false, closeMs: 0 };

  beforeAll(async () => {
    proxy = await startTcpProxy(OBS);
    h = openCore();
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
  });

  test('core.close() is called on an identified connection whose packets vanish', async () => {
    await h.dispatch('obs.configure', { name: 'main', url: proxy.url, password: obs.password, autoConnect: true });
    await h.waitForObs((c) => c.status === 'identified', 'to be identified');
    proxy.setMode('blackhole');
    const t0 = performance.now();
    const closing = h.core.close().then(() => true);
    seen.closedWithinLimit = await Promise.race([closing, elapse(LIMIT_MS).then(() => false)]);
    seen.closeMs = performance.now() - t0;
    // Unblock it (the sockets die) and make sure it does finish.
    proxy.destroyAll();
    await closing;
    expect(h.view().status).toBe('disconnected');
  });

  // teardown() awaits obs-websocket-js disconnect(), which waits for OBS's close frame; on a silent path ws only
  // gives up after its 30 s closeTimeout, so app quit / retarget / disconnect hang that long.
  // Fix: race disconnect() against a short grace (clock timer), then terminate() the library's ws socket.
  test('close returns promptly (bounded close handshake)', () => {
    expect(seen.closedWithinLimit).toBe(true);
    expect(seen.closeMs).toBeLessThan(LIMIT_MS);
  });
});
