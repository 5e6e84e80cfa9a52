import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Alert, ObsOutputState, PushedEvent } from '../../shared/contract/index.js';
import { FIXTURE_SCENES, freePort, startObs, type ObsInstance } from '../fixtures/obs/obsFixture.js';
import { codeOf, openCore, type CoreHarness } from './support/coreHarness.js';

/*
 * Outputs and OBS going away, against an OBS of this file's own with a real nginx-rtmp ingest on 127.0.0.1 (the
 * shared OBS has no ingest, and killing it would break the other files). Ports 4550-4599: clear of the shared
 * OBS's 4460-4499.
 */

/** Short enough to keep the run quick, long enough for a loaded 2-core machine running OBS. */
const CALL_TIMEOUT_MS = 1500;

/** Requests by plain name (OBS 29 has fewer than the library's types describe); some answer with no data. */
type Observer = OBSWebSocket & { call(type: string, data?: Record<string, unknown>): Promise<Record<string, unknown> | undefined> };

const isAlert = (rule: string, active: boolean) => (e: PushedEvent): boolean =>
  e.name === 'alerts.changed' && e.payload.rule === rule && e.payload.active === active;

describe('streaming, recording and OBS going away (own OBS with nginx-rtmp)', () => {
  let obs: ObsInstance;
  let h: CoreHarness;
  let workDir = '';

  /** An independent obs-websocket client for one question (OBS restarts in this file: no long-lived observer). */
  const ask = async (type: string, data?: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const o = new OBSWebSocket() as Observer;
    await o.connect(obs.url, obs.password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None });
    try {
      return (await o.call(type, data)) ?? {};
    } finally {
      await o.disconnect();
    }
  };

  const ok = async <T = unknown>(command: string, input: unknown): Promise<T> => {
    const r = await h.dispatch(command, input);
    if (!r.ok) throw new Error(`${command} failed: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  const logged = (type: string): unknown[] => {
    h.core.events.flush();
    return h.core.events.read({ type, limit: 10_000 }).map((e) => e.payload);
  };

  /** The ingest's base URL as the fixture configured it (rtmp://127.0.0.1:PORT/live, key "test"). */
  const ingestServer = (): string => (obs.rtmpUrl ?? '').replace(/\/test$/, '');

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'showrunner-obs-stream-'));
    const port = await freePort(4550, 4569);
    const rtmpPort = await freePort(4570, 4584);
    const rtmpHttpPort = await freePort(4585, 4599);
    const password = randomBytes(12).toString('base64url');
    obs = await startObs({ workDir, port, password, rtmp: true, rtmpPort, rtmpHttpPort, transition: 'Cut' });
    h = openCore({ obsCallTimeoutMs: CALL_TIMEOUT_MS });
    await ok('obs.configure', { name: 'main', url: obs.url, password: obs.password, autoConnect: true });
    await h.waitForObs((c) => c.status === 'identified', 'to be identified');
  });

  afterAll(async () => {
    await h.close();
    await obs.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  test('recording produces a non-empty MKV file in the record directory', async () => {
    const started = await ok<ObsOutputState>('obs.startRecord', {});
    expect(started.active).toBe(true);
    expect(started.since).not.toBeNull();
    await h.waitForObs((c) => c.outputs.record.active, 'recording in the mirror');
    await new Promise((r) => setTimeout(r, 2000));
    const { outputPath } = await ok<{ outputPath: string | null }>('obs.stopRecord', {});
    expect(outputPath).not.toBeNull();
    const file = outputPath ?? '';
    expect(dirname(file)).toBe(obs.recordDir);
    expect(file).toMatch(/\.mkv$/);
    // stopRecord answers once OBS has closed the file: it is complete now.
    expect(statSync(file).size).toBeGreaterThan(20_000);
    expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])); // EBML: Matroska
    await h.waitForObs((c) => !c.outputs.record.active, 'recording stopped in the mirror');
    expect(logged('RecordingStarted')).toEqual([{ connection: 'main', by: 'console', outputPath: expect.stringMatching(/\.mkv$/) as unknown }]);
    expect(logged('RecordingStopped')).toEqual([{ connection: 'main', by: 'console', outputPath: file }]);
  });

  test('streaming reaches nginx-rtmp (its stat page shows the publisher) and health shows a bitrate above zero', async () => {
    const mark = h.pushed.length;
    const live = await ok<ObsOutputState>('obs.startStream', {});
    expect(live).toMatchObject({ active: true, reconnecting: false });
    expect(codeOf(await h.dispatch('obs.startStream', {}))).toBe('CONFLICT');

    // nginx-rtmp's stat page lists the stream "test" of app "live" with a publishing client.
    const publishing = /<application>\s*<name>live<\/name>[\s\S]*<stream>\s*<name>test<\/name>[\s\S]*<publishing\/>/;
    let stat = '';
    const deadline = Date.now() + 10_000;
    for (;;) {
      stat = await (await fetch(obs.rtmpStatUrl ?? '')).text();
      if (publishing.test(stat)) break;
      if (Date.now() > deadline) throw new Error(`nginx-rtmp's stat page never showed the publisher:\n${stat}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(stat).toMatch(/<address>127\.0\.0\.1<\/address>/);

    const health = await h.waitForPushed(
      (e) => e.name === 'obs.health' && e.payload.stream.active && (e.payload.stream.bitrateKbps ?? 0) > 0,
      'a health sample with a stream bitrate',
      mark,
      10_000,
    );
    if (health.name === 'obs.health') expect(health.payload.stream.bitrateKbps).toBeGreaterThan(50);

    // Stopping needs the confirmation; then it stops and nothing is alerted.
    expect(codeOf(await h.dispatch('obs.stopStream', {}))).toBe('BAD_INPUT');
    const stopped = await ok<ObsOutputState>('obs.stopStream', { confirm: true });
    expect(stopped.active).toBe(false);
    expect(h.pushed.slice(mark).some(isAlert('stream.unexpectedStop', true))).toBe(false);
    expect(logged('StreamStarted')).toEqual([{ connection: 'main', by: 'console' }]);
    expect(logged('StreamStopped')).toEqual([{ connection: 'main', by: 'console', neverStarted: false }]);
  });

  test('a stream started with no ingest listening raises the "stream stopped" alert', async () => {
    const deadPort = await freePort(4570, 4599); // nothing listens there
    await ask('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: `rtmp://127.0.0.1:${deadPort}/live`, key: 'test' } });
    const mark = h.pushed.length;
    try {
      // OBS 29 answers StartStream with success and stops the output a moment later.
      const r = await h.dispatch('obs.startStream', {});
      expect(codeOf(r)).toBe('OBS_REQUEST_FAILED');
      if (!r.ok) expect(r.error.message).toMatch(/ingest/);
      const raised = await h.waitForPushed(isAlert('stream.unexpectedStop', true), 'the stream.unexpectedStop alert', mark, 5000);
      const alert = raised.payload as Alert;
      expect(alert).toMatchObject({ severity: 'critical', subject: 'obs:main' });
      expect(alert.message).toMatch(/could not reach the ingest/);
      expect(h.core.alerts.active().map((a) => a.rule)).toContain('stream.unexpectedStop');
      expect(logged('StreamStopped').at(-1)).toEqual({ connection: 'main', by: 'obs', neverStarted: true });
      expect(h.view().outputs.stream.active).toBe(false);
    } finally {
      await ask('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server: ingestServer(), key: 'test' } });
    }
  });

  test('SIGKILL while streaming: not identified within 2 s, no call hangs, back within 5 s of the restart with a fresh state', async () => {
    const mark = h.pushed.length;
    await ok('obs.startStream', {});
    // A live stream clears the earlier "stream stopped" alert.
    await h.waitForPushed(isAlert('stream.unexpectedStop', false), 'the stream alert cleared', mark, 5000);
    const before = h.view();
    expect(before.outputs.stream.active).toBe(true);

    const t0 = performance.now();
    const killing = obs.kill();
    // A call issued at that moment: whether OBS still answers it or the socket dies under it, it must settle.
    const atKill = h.dispatch('obs.setScene', { scene: 'Product' }).then((r) => ({ r, ms: performance.now() - t0 }));
    const down = await h.waitForObs((c) => c.status !== 'identified', 'to notice OBS is gone', 2000);
    const downMs = performance.now() - t0;
    expect(downMs).toBeLessThan(2000);
    expect(['reconnecting', 'disconnected']).toContain(down.status);
    const settled = await atKill;
    expect(settled.ms).toBeLessThan(CALL_TIMEOUT_MS + 500);
    expect(['ok', 'OBS_NOT_CONNECTED']).toContain(codeOf(settled.r));
    // While OBS is gone, calls are refused at once.
    const t1 = performance.now();
    expect(codeOf(await h.dispatch('obs.setScene', { scene: 'Host' }))).toBe('OBS_NOT_CONNECTED');
    expect(performance.now() - t1).toBeLessThan(250);
    const raised = await h.waitForPushed(isAlert('obs.disconnected', true), 'the obs.disconnected alert', mark, 2000);
    expect(raised.payload).toMatchObject({ severity: 'critical', subject: 'obs:main' });
    await killing;

    obs = await obs.restart();
    const t2 = performance.now();
    const back = await h.waitForObs((c) => c.status === 'identified', 'to be identified after the restart', 5000);
    const backMs = performance.now() - t2;
    expect(backMs).toBeLessThan(5000);
    expect(back.epoch).toBeGreaterThan(before.epoch);
    // A fresh snapshot of the restarted OBS: its scenes with items, a program scene, and no stream any more.
    expect(back.scenes.map((s) => s.name)).toEqual([...FIXTURE_SCENES]);
    expect(back.scenes.every((s) => s.items.length > 0)).toBe(true);
    expect(back.programScene).not.toBeNull();
    expect(back.outputs.stream.active).toBe(false);
    expect(back.inputs.some((i) => i.name === 'Tone' && i.audio)).toBe(true);
    await h.waitForPushed(isAlert('obs.disconnected', false), 'the obs.disconnected alert cleared', mark, 2000);
    expect(h.core.alerts.active().map((a) => a.rule)).not.toContain('obs.disconnected');
    // The stream that was live is not: that is alerted as well (nobody stopped it from the console).
    expect(h.core.alerts.active().map((a) => a.rule)).toContain('stream.unexpectedStop');
    expect((await ask('GetCurrentProgramScene'))['currentProgramSceneName']).toBe(back.programScene);
    console.info(`SIGKILL: not identified after ${downMs.toFixed(0)} ms; identified ${backMs.toFixed(0)} ms after OBS was back`);
  });

  test('SIGINT shutdown is a clean exit: OBS "is shutting down", the core reconnects quietly', async () => {
    const mark = h.pushed.length;
    const errorsBefore = h.logs.filter((r) => r.level === 'error').length;
    await obs.stop();
    const seen = await h.waitForPushed(
      (e) =>
        e.name === 'obs.stateChanged' &&
        e.payload.connections.some((c) => c.name === 'main' && (c.status === 'reconnecting' || c.status === 'disconnected') && /shutting down/i.test(c.message ?? '')),
      'a reconnecting state saying OBS is shutting down',
      mark,
      5000,
    );
    const main = seen.name === 'obs.stateChanged' ? seen.payload.connections.find((c) => c.name === 'main') : undefined;
    expect(main?.failure).toBe('network');
    expect(main?.programScene).toBeNull();
    expect(h.logs.filter((r) => r.level === 'error').length).toBe(errorsBefore);
    // The core is fine: it answers and refuses OBS calls plainly.
    expect((await h.dispatch('obs.getState', {})).ok).toBe(true);
    expect(codeOf(await h.dispatch('obs.setScene', { scene: 'Host' }))).toBe('OBS_NOT_CONNECTED');
  });
});
