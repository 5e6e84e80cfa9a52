import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { FIXTURE_SCENES, FIXTURE_START_SCENE } from '../fixtures/obs/obsFixture.js';
import { openCore, type CoreHarness } from './support/coreHarness.js';

const obs = inject('obs');

/** Reads OBS's program scene over its own connection: the core's word is not taken for it. */
async function programSceneSeenByObserver(observer: OBSWebSocket): Promise<string> {
  // obs-websocket 5.1 answers with currentProgramSceneName only (sceneName arrived in 5.3).
  const res = await observer.call('GetCurrentProgramScene');
  return res.currentProgramSceneName;
}

describe('OBS scenes through the core (real OBS)', () => {
  let h: CoreHarness;
  const observer = new OBSWebSocket();

  beforeAll(async () => {
    await observer.connect(obs.url, obs.password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None });
    // Files share one OBS: start from the fixture's known program scene whatever ran before.
    await observer.call('SetCurrentProgramScene', { sceneName: FIXTURE_START_SCENE });
    h = openCore();
  });

  afterAll(async () => {
    await h.close();
    await observer.disconnect();
  });

  test('obs.configure identifies and the snapshot holds the fixture scenes', async () => {
    const r = await h.dispatch('obs.configure', { name: 'main', url: obs.url, password: obs.password, autoConnect: true });
    expect(r.ok).toBe(true);

    const v = await h.waitForObs((c) => c.status === 'identified', 'to be identified');
    expect(v.scenes.map((s) => s.name)).toEqual([...FIXTURE_SCENES]);
    expect(v.programScene).toBe(FIXTURE_START_SCENE);
    expect(v.obsVersion).toMatch(/^29\./);
    expect(v.websocketVersion).toMatch(/^5\./);
    expect(v.failure).toBeNull();
    expect(v.hasPassword).toBe(true);
    expect(v.epoch).toBeGreaterThanOrEqual(1);
    expect(h.statuses()).toEqual(['connecting', 'identified']);
    // What the UI gets over the contract is the same view.
    const state = await h.dispatch('obs.getState', {});
    expect(state).toMatchObject({ ok: true, value: { connections: [{ name: 'main', status: 'identified', programScene: FIXTURE_START_SCENE }] } });
  });

  test('obs.setScene switches the program scene, OBS confirms, and SceneSwitched is logged', async () => {
    for (const scene of ['Product', 'Price Card']) {
      const mark = h.pushed.length;
      const r = await h.dispatch('obs.setScene', { connection: 'main', scene });
      expect(r).toEqual({ ok: true, value: { connection: 'main', scene } });

      expect(await programSceneSeenByObserver(observer)).toBe(scene);
      const e = await h.waitForPushed((p) => p.name === 'obs.sceneChanged', `obs.sceneChanged to ${scene}`, mark);
      expect(e.payload).toEqual({ connection: 'main', scene });
      expect(h.view().programScene).toBe(scene);
    }
    // Exactly one event per switch with the Cut transition.
    h.core.events.flush();
    const logged = h.core.events.read({ type: 'SceneSwitched' });
    expect(logged.map((e) => e.payload)).toEqual([
      { connection: 'main', scene: 'Product' },
      { connection: 'main', scene: 'Price Card' },
    ]);
    expect(logged.every((e) => e.subject === 'obs:main')).toBe(true);
  });

  test('a switch made in OBS by another client reaches the core and its log', async () => {
    const mark = h.pushed.length;
    await observer.call('SetCurrentProgramScene', { sceneName: 'Host' });
    const e = await h.waitForPushed((p) => p.name === 'obs.sceneChanged', 'obs.sceneChanged to Host', mark);
    expect(e.payload).toEqual({ connection: 'main', scene: 'Host' });
    expect(h.view().programScene).toBe('Host');
    h.core.events.flush();
    expect(h.core.events.read({ type: 'SceneSwitched' }).at(-1)?.payload).toEqual({ connection: 'main', scene: 'Host' });
  });

  test('an unknown scene is NOT_FOUND and the program scene stays', async () => {
    const r = await h.dispatch('obs.setScene', { connection: 'main', scene: 'No Such Scene' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('NOT_FOUND');
      expect(r.error.message).toContain('No Such Scene');
    }
    expect(await programSceneSeenByObserver(observer)).toBe('Host');
    expect(h.view().status).toBe('identified');
  });

  test('a scene created and removed in OBS shows up in and leaves the snapshot', async () => {
    const temp = 'Showrunner Temp Scene';
    const created = h.waitForObs((c) => c.scenes.some((s) => s.name === temp), `scene "${temp}" in the snapshot`);
    created.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
    await observer.call('CreateScene', { sceneName: temp });
    try {
      await created;
      // Then the core can switch to it (the NOT_FOUND guard uses the refreshed list).
      const r = await h.dispatch('obs.setScene', { connection: 'main', scene: temp });
      expect(r.ok).toBe(true);
      expect(await programSceneSeenByObserver(observer)).toBe(temp);
      await observer.call('SetCurrentProgramScene', { sceneName: 'Host' });
    } finally {
      await observer.call('RemoveScene', { sceneName: temp });
    }
    const v = await h.waitForObs((c) => !c.scenes.some((s) => s.name === temp), `scene "${temp}" gone from the snapshot`);
    expect(v.scenes.map((s) => s.name)).toEqual([...FIXTURE_SCENES]);
  });

  test('closing the core disconnects cleanly', async () => {
    const mark = h.pushed.length;
    await h.core.close();
    expect(h.view().status).toBe('disconnected');
    expect(h.pushed.slice(mark).some((e) => e.name === 'obs.stateChanged')).toBe(true);
    // OBS still serves others after the core left.
    expect(await programSceneSeenByObserver(observer)).toBe('Host');
  });
});
