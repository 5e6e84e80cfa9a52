import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { EventPayload, ObsConnectionView, PushedEvent } from '../../shared/contract/index.js';
import { codeOf, openCore, type CoreHarness } from './support/coreHarness.js';
import { elapse, waitUntil } from './support/waitFor.js';

/*
 * Broadcast control against the shared real OBS 29: the mirror, every control read back by an independent
 * obs-websocket client (the core's word is not taken for it), capture devices, meters, thumbnails and health.
 */

const obs = inject('obs');

/** What OBS answers for a request, over the observer's own connection. */
type Observer = OBSWebSocket & { call(type: string, data?: Record<string, unknown>): Promise<Record<string, unknown>> };

describe('broadcast control through the core (real OBS)', () => {
  let h: CoreHarness;
  const observer = new OBSWebSocket() as Observer;
  /** Sees OBS's events, to tell what the core made OBS do (e.g. create a probe input). */
  const watcher = new OBSWebSocket();
  const watched: { type: string; data: Record<string, unknown> }[] = [];

  const ok = async <T = unknown>(command: string, input: unknown): Promise<T> => {
    const r = await h.dispatch(command, input);
    if (!r.ok) throw new Error(`${command} failed: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  beforeAll(async () => {
    await observer.connect(obs.url, obs.password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None });
    await watcher.connect(obs.url, obs.password, { rpcVersion: 1, eventSubscriptions: EventSubscription.All });
    for (const type of ['InputCreated', 'InputRemoved']) {
      (watcher as unknown as { on(t: string, f: (d: Record<string, unknown>) => void): void }).on(type, (data) => watched.push({ type, data }));
    }
    // Files share one OBS: start from a known state whatever ran before.
    await observer.call('SetStudioModeEnabled', { studioModeEnabled: false });
    await observer.call('SetCurrentProgramScene', { sceneName: 'Host' });
    h = openCore();
    const r = await h.dispatch('obs.configure', { name: 'main', url: obs.url, password: obs.password, autoConnect: true });
    expect(r.ok).toBe(true);
    await h.waitForObs((c) => c.status === 'identified', 'to be identified');
  });

  afterAll(async () => {
    await h.close();
    await observer.disconnect();
    await watcher.disconnect();
  });

  test('the snapshot mirrors scene items, inputs with audio, transitions and outputs', () => {
    const v = h.view();
    const host = v.scenes.find((s) => s.name === 'Host');
    expect(host?.items.map((i) => i.sourceName)).toEqual(['Tone', 'Logo', 'Host Title', 'Host Background']);
    expect(host?.items.find((i) => i.sourceName === 'Host Title')).toMatchObject({ inputKind: 'text_ft2_source_v2', locked: false, index: 1 });
    expect(v.scenes.every((s) => s.items.length >= 3)).toBe(true);

    const tone = v.inputs.find((i) => i.name === 'Tone');
    expect(tone).toMatchObject({ kind: 'ffmpeg_source', audio: true, muted: false, capture: null });
    expect(typeof tone?.volumeDb).toBe('number');
    expect(v.inputs.find((i) => i.name === 'Host Title')).toMatchObject({ audio: false, muted: null, volumeDb: null });
    expect(v.inputs.map((i) => i.name).sort()).toEqual(
      ['Host Background', 'Host Title', 'Logo', 'Price Background', 'Price Text', 'Product Background', 'Product Title', 'Tone'].sort(),
    );

    expect(v.transitions).toEqual({ current: 'Cut', durationMs: null, available: ['Cut', 'Fade'] });
    expect(v.outputs.stream).toEqual({ active: false, reconnecting: false, paused: false, since: null });
    expect(v.outputs.record.active).toBe(false);
    // OBS 29 without a replay buffer or virtual camera configured says "not available".
    expect(v.outputs.replayBuffer).toBeNull();
    expect(v.outputs.virtualCam).toBeNull();
  });

  test('scene switch: OBS confirms and the mirror follows', async () => {
    for (const scene of ['Product', 'Host']) {
      expect(await ok('obs.setScene', { scene })).toEqual({ connection: 'main', scene });
      expect((await observer.call('GetCurrentProgramScene'))['currentProgramSceneName']).toBe(scene);
      await h.waitForObs((c) => c.programScene === scene, `program scene ${scene}`);
    }
  });

  test('setText changes the text source, read back from OBS', async () => {
    const text = `¥99.00 限时 ${Date.now() % 1000}`;
    try {
      expect(await ok('obs.setText', { input: 'Price Text', text })).toEqual({ input: 'Price Text', text });
      const back = await observer.call('GetInputSettings', { inputName: 'Price Text' });
      expect((back['inputSettings'] as Record<string, unknown>)['text']).toBe(text);
      // Other settings of the source are untouched (overlay, not replace).
      expect((back['inputSettings'] as Record<string, unknown>)['font']).toMatchObject({ face: 'DejaVu Sans' });
    } finally {
      await observer.call('SetInputSettings', { inputName: 'Price Text', inputSettings: { text: '¥129.00' } });
    }
    expect(codeOf(await h.dispatch('obs.setText', { input: 'No Such Input', text: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(await h.dispatch('obs.setText', { input: 'Tone', text: 'x' }))).toBe('BAD_INPUT');
  });

  test('scene item toggle, read back from OBS; the mirror follows', async () => {
    const logo = h.view().scenes.find((s) => s.name === 'Host')?.items.find((i) => i.sourceName === 'Logo');
    expect(logo).toBeDefined();
    const itemId = logo?.id ?? -1;
    try {
      expect(await ok('obs.setSceneItemEnabled', { scene: 'Host', itemId, enabled: false })).toEqual({ scene: 'Host', itemId, enabled: false });
      expect((await observer.call('GetSceneItemEnabled', { sceneName: 'Host', sceneItemId: itemId }))['sceneItemEnabled']).toBe(false);
      await h.waitForObs((c) => c.scenes.find((s) => s.name === 'Host')?.items.find((i) => i.id === itemId)?.enabled === false, 'Logo hidden in the mirror');
      // A toggle made in OBS by someone else reaches the mirror too.
      await observer.call('SetSceneItemEnabled', { sceneName: 'Host', sceneItemId: itemId, sceneItemEnabled: true });
      await h.waitForObs((c) => c.scenes.find((s) => s.name === 'Host')?.items.find((i) => i.id === itemId)?.enabled === true, 'Logo shown again');
    } finally {
      await observer.call('SetSceneItemEnabled', { sceneName: 'Host', sceneItemId: itemId, sceneItemEnabled: true });
    }
    expect(codeOf(await h.dispatch('obs.setSceneItemEnabled', { scene: 'Host', itemId: 999, enabled: false }))).toBe('NOT_FOUND');
    expect(codeOf(await h.dispatch('obs.setSceneItemEnabled', { scene: 'Nope', itemId, enabled: false }))).toBe('NOT_FOUND');
  });

  test('mute and volume, read back from OBS; the mirror follows', async () => {
    try {
      expect(await ok('obs.setInputMute', { input: 'Tone', muted: true })).toEqual({ input: 'Tone', muted: true });
      expect((await observer.call('GetInputMute', { inputName: 'Tone' }))['inputMuted']).toBe(true);
      await h.waitForObs((c) => c.inputs.find((i) => i.name === 'Tone')?.muted === true, 'Tone muted in the mirror');

      expect(await ok('obs.setInputVolume', { input: 'Tone', volumeDb: -12.5 })).toEqual({ input: 'Tone', volumeDb: -12.5 });
      expect((await observer.call('GetInputVolume', { inputName: 'Tone' }))['inputVolumeDb']).toBeCloseTo(-12.5, 3);
      await h.waitForObs((c) => Math.abs((c.inputs.find((i) => i.name === 'Tone')?.volumeDb ?? 0) + 12.5) < 0.01, 'Tone at −12.5 dB');
    } finally {
      await observer.call('SetInputMute', { inputName: 'Tone', inputMuted: false });
      await observer.call('SetInputVolume', { inputName: 'Tone', inputVolumeDb: 0 });
    }
    await h.waitForObs((c) => c.inputs.find((i) => i.name === 'Tone')?.muted === false, 'Tone unmuted');
    expect(codeOf(await h.dispatch('obs.setInputMute', { input: 'Host Title', muted: true }))).toBe('BAD_INPUT');
    expect(codeOf(await h.dispatch('obs.setInputVolume', { input: 'Nope', volumeDb: 0 }))).toBe('NOT_FOUND');
    expect(codeOf(await h.dispatch('obs.setInputVolume', { input: 'Tone', volumeDb: 40 }))).toBe('BAD_INPUT');
  });

  test('studio mode: preview, then transition to program', async () => {
    expect(codeOf(await h.dispatch('obs.setPreviewScene', { scene: 'Product' }))).toBe('CONFLICT');
    expect(codeOf(await h.dispatch('obs.transition', {}))).toBe('CONFLICT');
    try {
      expect(await ok('obs.setStudioMode', { enabled: true })).toEqual({ enabled: true });
      await h.waitForObs((c) => c.studioMode && c.previewScene !== null, 'studio mode with a preview');
      expect(await ok('obs.setPreviewScene', { scene: 'Product' })).toEqual({ scene: 'Product' });
      expect((await observer.call('GetCurrentPreviewScene'))['currentPreviewSceneName']).toBe('Product');
      await h.waitForObs((c) => c.previewScene === 'Product', 'preview Product in the mirror');
      expect((await observer.call('GetCurrentProgramScene'))['currentProgramSceneName']).toBe('Host'); // not live yet

      expect(await ok('obs.transition', {})).toEqual({ programScene: 'Product' });
      expect((await observer.call('GetCurrentProgramScene'))['currentProgramSceneName']).toBe('Product');
      await h.waitForObs((c) => c.programScene === 'Product', 'program Product in the mirror');
      expect(codeOf(await h.dispatch('obs.setPreviewScene', { scene: 'Nope' }))).toBe('NOT_FOUND');
    } finally {
      await observer.call('SetStudioModeEnabled', { studioModeEnabled: false });
      await observer.call('SetCurrentProgramScene', { sceneName: 'Host' });
    }
    await h.waitForObs((c) => !c.studioMode && c.previewScene === null && c.programScene === 'Host', 'studio mode off again');
  });

  test('capture devices: this headless machine has none, and OBS says so plainly; probes leave nothing behind', async () => {
    const mark = watched.length;
    const r = await ok<{ kinds: { kind: string; media: string; deviceProperty: string; devices: unknown[] }[]; message: string | null }>(
      'obs.listCaptureDevices',
      {},
    );
    // OBS 29 on Linux offers V4L2 cameras and PulseAudio inputs; no /dev/video* and no PulseAudio server here.
    expect(r.kinds).toEqual([
      { kind: 'v4l2_input', media: 'video', deviceProperty: 'device_id', devices: [] },
      { kind: 'pulse_input_capture', media: 'audio', deviceProperty: 'device_id', devices: [] },
    ]);
    expect(r.message).toMatch(/^OBS sees no cameras or capture cards on this machine/);
    // One temporary input per kind was created and removed again; none is left, none reached the mirror.
    const probes = (): typeof watched => watched.slice(mark).filter((e) => String(e.data['inputName']).startsWith('__showrunner_probe_'));
    // The watcher's events travel on another socket than the core's answers: give the last one a moment.
    await waitUntil(() => probes().length >= 4, { timeoutMs: 2000, what: 'the probe events at the watcher' });
    const seen = probes().map((e) => `${e.type} ${String(e.data['inputName'])}`);
    expect(seen).toHaveLength(4);
    expect(seen[0]).toMatch(/^InputCreated __showrunner_probe_v4l2_input_\w+$/);
    expect(seen[1]).toBe(seen[0]?.replace('InputCreated', 'InputRemoved'));
    expect(seen[2]).toMatch(/^InputCreated __showrunner_probe_pulse_input_capture_\w+$/);
    expect(seen[3]).toBe(seen[2]?.replace('InputCreated', 'InputRemoved'));
    // OBS 29 destroys a removed input a moment after announcing it: then it is gone from OBS's list too.
    const probesInObs = async (): Promise<number> =>
      ((await observer.call('GetInputList'))['inputs'] as { inputName: string }[]).filter((i) => i.inputName.startsWith('__showrunner_probe_')).length;
    for (const deadline = Date.now() + 3000; (await probesInObs()) > 0; ) {
      if (Date.now() > deadline) throw new Error('a capture probe input is still in OBS 3 s after its removal');
      await elapse(50);
    }
    expect(h.pushed.some((e) => e.name === 'obs.stateChanged' && JSON.stringify(e.payload).includes('__showrunner_probe_'))).toBe(false);
  });

  test('addCaptureInput creates the device input in a scene; its capture state shows; listing then uses it', async () => {
    const name = 'Studio Mic';
    try {
      const r = await ok<{ inputName: string; sceneItemId: number }>('obs.addCaptureInput', {
        scene: 'Product',
        kind: 'pulse_input_capture',
        inputName: name,
        device: 'default',
      });
      expect(r.inputName).toBe(name);
      const settings = await observer.call('GetInputSettings', { inputName: name });
      expect(settings['inputKind']).toBe('pulse_input_capture');
      expect((settings['inputSettings'] as Record<string, unknown>)['device_id']).toBe('default');
      const items = (await observer.call('GetSceneItemList', { sceneName: 'Product' }))['sceneItems'] as { sceneItemId: number; sourceName: string }[];
      expect(items.find((i) => i.sourceName === name)?.sceneItemId).toBe(r.sceneItemId);

      const v = await h.waitForObs((c) => c.inputs.find((i) => i.name === name)?.capture?.active !== undefined && c.inputs.find((i) => i.name === name)?.audio === true, 'the mic in the mirror with its state');
      expect(v.inputs.find((i) => i.name === name)?.capture).toMatchObject({ deviceProperty: 'device_id', device: 'default' });
      expect(typeof v.inputs.find((i) => i.name === name)?.capture?.active).toBe('boolean');
      await h.waitForObs((c) => c.scenes.find((s) => s.name === 'Product')?.items.some((i) => i.sourceName === name) === true, 'its scene item in the mirror');

      // With a pulse input present, listing asks it instead of creating a probe.
      const mark = watched.length;
      await ok('obs.listCaptureDevices', {});
      await elapse(200); // the watcher's events travel on their own socket
      expect(watched.slice(mark).filter((e) => String(e.data['inputName']).includes('pulse_input_capture')).map((e) => e.type)).toEqual([]);

      expect(codeOf(await h.dispatch('obs.addCaptureInput', { scene: 'Product', kind: 'pulse_input_capture', inputName: name, device: 'default' }))).toBe('CONFLICT');
    } finally {
      await observer.call('RemoveInput', { inputName: name }).catch(() => undefined);
    }
    await h.waitForObs((c) => !c.inputs.some((i) => i.name === name) && !c.scenes.some((s) => s.items.some((i) => i.sourceName === name)), 'the mic gone from the mirror');
    expect(codeOf(await h.dispatch('obs.addCaptureInput', { scene: 'Product', kind: 'color_source', inputName: 'X', device: '' }))).toBe('BAD_INPUT');
    expect(codeOf(await h.dispatch('obs.addCaptureInput', { scene: 'Nope', kind: 'v4l2_input', inputName: 'X', device: '' }))).toBe('NOT_FOUND');
    expect(codeOf(await h.dispatch('obs.addCaptureInput', { scene: 'Host', kind: 'dshow_input', inputName: 'X', device: 'cam' }))).toBe('NOT_FOUND');
  });

  test('meters arrive at no more than 15 per second, with levels for the Tone input', async () => {
    await h.waitForObs((c) => c.programScene === 'Host', 'Host on program (Tone plays there)');
    const mark = h.pushed.length;
    const t0 = performance.now();
    await elapse(3000);
    const meters = h.pushed.slice(mark).filter((e): e is Extract<PushedEvent, { name: 'obs.meters' }> => e.name === 'obs.meters');
    const seconds = (performance.now() - t0) / 1000;
    expect(meters.length).toBeGreaterThanOrEqual(Math.floor(seconds * 10)); // OBS sends ~20/s: well above 10/s arrive
    expect(meters.length).toBeLessThanOrEqual(Math.ceil(seconds * 15) + 1);
    const tone = meters.map((m) => m.payload.inputs.find((i) => i.name === 'Tone')).filter((x) => x !== undefined);
    expect(tone.length).toBe(meters.length);
    // The fixture's tone is a ±8000/32768 square wave: magnitude and peak about 0.244 on both channels.
    const last = tone.at(-1)?.levels ?? [];
    expect(last).toHaveLength(2);
    for (const ch of last) {
      expect(ch).toHaveLength(3);
      expect(ch[0]).toBeGreaterThan(0.1);
      expect(ch[1]).toBeGreaterThan(0.1);
    }
  });

  test('meters are paced: never two within 1/15 s', async () => {
    const times: number[] = [];
    const off = h.core.subscribe((e) => {
      if (e.name === 'obs.meters') times.push(performance.now());
    });
    await elapse(2000);
    off();
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps.length).toBeGreaterThan(10);
    // Timers fire at whole milliseconds: allow 1 ms of rounding.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 15 - 1);
  });

  test('screenshot returns a JPEG data URL; a second ask within 500 ms gets the same image', async () => {
    const a = await ok<{ source: string; imageDataUrl: string; takenAt: number }>('obs.screenshot', {
      source: 'Host',
      width: 160,
    });
    expect(a.source).toBe('Host');
    expect(a.imageDataUrl).toMatch(/^data:image\/jpeg;base64,\/9j\//); // FF D8 FF: a JPEG
    expect(Buffer.from(a.imageDataUrl.split(',')[1] ?? '', 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const b = await ok<{ imageDataUrl: string; takenAt: number }>('obs.screenshot', { source: 'Host', width: 160 });
    expect(b.takenAt).toBe(a.takenAt);
    expect(b.imageDataUrl).toBe(a.imageDataUrl);
    await elapse(550);
    const c = await ok<{ takenAt: number }>('obs.screenshot', { source: 'Host', width: 160 });
    expect(c.takenAt).toBeGreaterThanOrEqual(a.takenAt + 500);
    // A source (not only a scene) works; an unknown one is NOT_FOUND.
    expect((await ok<{ imageDataUrl: string }>('obs.screenshot', { source: 'Logo', width: 64 })).imageDataUrl).toMatch(/^data:image\/jpeg;base64,/);
    expect(codeOf(await h.dispatch('obs.screenshot', { source: 'Nope' }))).toBe('NOT_FOUND');
  });

  test('health is sampled every second while connected: pushed, kept, and logged', async () => {
    const mark = h.pushed.length;
    const pushed = await h.waitForPushed((e) => e.name === 'obs.health', 'an obs.health push', mark, 5000);
    expect(pushed.payload).toMatchObject({ connection: 'main', stream: { active: false, bitrateKbps: null } });
    await elapse(2100);
    const samples = await ok<EventPayload<'obs.health'>[]>('obs.health', { limit: 5 });
    expect(samples.length).toBeGreaterThanOrEqual(3);
    const gaps = samples.slice(1).map((s, i) => s.at - (samples[i]?.at ?? 0));
    for (const g of gaps) {
      expect(g).toBeGreaterThan(800);
      expect(g).toBeLessThan(1500);
    }
    const last = samples.at(-1);
    expect(last?.activeFps).toBeGreaterThan(20);
    expect(last?.renderLagPct).not.toBeUndefined();
    h.core.events.flush();
    const logged = h.core.events.read({ type: 'HealthSampled', limit: 10_000 });
    expect(logged.length).toBeGreaterThanOrEqual(3);
    expect(logged.every((e) => e.subject === 'obs:main')).toBe(true);
  });

  test('a burst of OBS changes is coalesced: at most one state push per 50 ms', async () => {
    const logo = h.view().scenes.find((s) => s.name === 'Product')?.items.find((i) => i.sourceName === 'Logo');
    const itemId = logo?.id ?? -1;
    const times: number[] = [];
    const off = h.core.subscribe((e) => {
      if (e.name === 'obs.stateChanged') times.push(performance.now());
    });
    const t0 = performance.now();
    // 40 changes as fast as OBS takes them (a scene collection load is much like this).
    await Promise.all(
      Array.from({ length: 40 }, (_, k) => observer.call('SetSceneItemEnabled', { sceneName: 'Product', sceneItemId: itemId, sceneItemEnabled: k % 2 === 1 })),
    );
    // obs-websocket may run requests concurrently (a thread pool), so under load the 40 can land out of order: the mirror must
    // end on whatever OBS ended on, as an independent client reads it.
    const { sceneItemEnabled: final } = await observer.call('GetSceneItemEnabled', { sceneName: 'Product', sceneItemId: itemId });
    const v: ObsConnectionView = await h.waitForObs(
      (c) => c.scenes.find((s) => s.name === 'Product')?.items.find((i) => i.id === itemId)?.enabled === final,
      'the last toggle in the mirror',
    );
    await elapse(120);
    off();
    const ms = performance.now() - t0;
    expect(v.status).toBe('identified');
    expect(times.length).toBeGreaterThanOrEqual(1);
    expect(times.length).toBeLessThanOrEqual(Math.ceil(ms / 50) + 1);
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    if (gaps.length > 0) expect(Math.min(...gaps)).toBeGreaterThanOrEqual(49);
  });

  test('every control is refused while OBS is not connected (no mirror to check against)', async () => {
    await ok('obs.disconnect', { name: 'main' });
    for (const [cmd, input] of [
      ['obs.setText', { input: 'Price Text', text: 'x' }],
      ['obs.setInputMute', { input: 'Tone', muted: true }],
      ['obs.startStream', {}],
      ['obs.stopStream', { confirm: true }],
      ['obs.screenshot', { source: 'Host' }],
      ['obs.listCaptureDevices', {}],
    ] as const) {
      expect(`${cmd} ${codeOf(await h.dispatch(cmd, input))}`).toBe(`${cmd} OBS_NOT_CONNECTED`);
    }
    // stopStream without confirm is refused by the contract before anything else.
    const r = await h.dispatch('obs.stopStream', {});
    expect(codeOf(r)).toBe('BAD_INPUT');
    if (!r.ok) expect(r.error.message).toMatch(/confirm/);
    // The producer's own disconnect raises no alert.
    expect(h.core.alerts.active().filter((a) => a.rule === 'obs.disconnected')).toEqual([]);
  });
});
