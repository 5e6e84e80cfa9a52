import type { CommandOutput, EventPayload } from '../../../shared/contract/index.js';
import type { HealthSample, ObsConnectionView, ObsOutputState, ObsStateView } from '../../../shared/contract/obs.js';
import { isProbeInput } from '../../../shared/domain/capture.js';
import { DEFAULT_HEALTH_THRESHOLDS, healthConditions, type HealthCondition, type HealthThresholds } from '../../../shared/domain/health.js';
import { finiteDb, isTextKind, outputEdge, whoAsked } from '../../../shared/domain/obsMirror.js';
import { AppError } from '../../../shared/errors.js';
import type { AlertService } from '../alerts/alertService.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import { addCaptureInput, listCaptureDevices, type AddCaptureInput } from './capture.js';
import { ObsConnection } from './connection.js';
import { HealthSampler } from './healthSampler.js';
import { ScreenshotCache } from './screenshots.js';
import { createThrottle, type Throttle } from './throttle.js';

export interface ObsServiceDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly alerts: AlertService;
  readonly clock: Clock;
  readonly log: Logger;
  readonly secrets: SecretBox;
  readonly random01: () => number;
  readonly onState: (state: ObsStateView) => void;
  readonly onSceneChanged: (connection: string, scene: string) => void;
  readonly onMeters: (meters: EventPayload<'obs.meters'>) => void;
  readonly onHealth: (sample: HealthSample) => void;
  /** The studio's stream-health thresholds (Settings → Alerts), read at every sample; null when the rule is off. */
  readonly healthThresholds?: () => HealthThresholds | null;
  readonly callTimeoutMs?: number;
  /** Health sampling period (default 1 s). */
  readonly healthPeriodMs?: number;
}

interface ConnRow {
  name: string;
  url: string;
  password_enc: string | null;
  auto_connect: number;
}

export const DEFAULT_OBS_URL = 'ws://127.0.0.1:4455';

/** A scene-collection load changes hundreds of things at once: at most one state push per connection per this. */
const STATE_PUSH_MS = 50;
/** Audio meters reach the UI at most 15 times a second (OBS sends about 20). */
const METER_PUSH_MS = Math.ceil(1000 / 15);
/** How long startStream waits for OBS to say the stream is live (or that it stopped at once). */
const STREAM_START_WAIT_MS = 10_000;
/** How long the other output commands wait for OBS's state event before answering with the state as it is. */
const OUTPUT_WAIT_MS = 5_000;
/** A stop within this long after the console's stop command was the console's. */
const ASKED_WINDOW_MS = 10_000;

/** How long a control waits for the OBS event that confirms a change OBS makes on its UI thread after answering. */
const UI_WAIT_MS = 2_000;

type OutputCommand = 'startStream' | 'stopStream' | 'startRecord' | 'stopRecord';
type Edge = 'started' | 'stopped';

/** A command waiting for an OBS event (OBS answers some requests before it has done what they ask). */
interface Waiter {
  onEvent(type: string, data: Record<string, unknown>): void;
  onDrop(): void;
}

/** What the service keeps per connection besides the connection itself. */
interface Runtime {
  readonly conn: ObsConnection;
  readonly subject: string;
  readonly pushState: Throttle<null>;
  readonly meters: Throttle<Record<string, unknown>>;
  readonly sampler: HealthSampler;
  readonly screenshots: ScreenshotCache;
  /** When the console last asked for each output change (who-asked attribution). */
  readonly asked: Record<OutputCommand, number | null>;
  readonly waiters: Set<Waiter>;
  /** The link fields of the last view pushed: a change there is pushed at once, not throttled. */
  lastLink: string;
  lastStatus: string;
  /** Whether the stream was seen live (STARTED, or active in a snapshot) and not yet seen stopped. */
  streamLive: boolean;
  listing: Promise<CommandOutput<'obs.listCaptureDevices'>> | null;
}

const HEALTH_RULES: readonly HealthCondition['rule'][] = ['stream.droppedFrames', 'stream.lowBitrate'];

/**
 * All OBS connections of the studio ("main", "backup", …), persisted with their passwords sealed, and everything
 * the console does with them: controls, capture devices, thumbnails, meters, health sampling and the alerts.
 */
export class ObsService {
  private readonly deps: ObsServiceDeps;
  private readonly rts = new Map<string, Runtime>();

  constructor(deps: ObsServiceDeps) {
    this.deps = deps;
    const rows = deps.db.prepare('SELECT * FROM obs_connections ORDER BY created_at, name').all() as ConnRow[];
    if (rows.length === 0) {
      const at = deps.clock.now();
      deps.db
        .prepare('INSERT INTO obs_connections (name, url, password_enc, auto_connect, created_at, updated_at) VALUES (?, ?, NULL, 0, ?, ?)')
        .run('main', DEFAULT_OBS_URL, at, at);
      rows.push({ name: 'main', url: DEFAULT_OBS_URL, password_enc: null, auto_connect: 0 });
    }
    for (const r of rows) this.add(r.name, r.url, this.unseal(r));
    for (const r of rows) if (r.auto_connect === 1) this.rts.get(r.name)?.conn.connect();
  }

  state(): ObsStateView {
    return { connections: [...this.rts.values()].map((rt) => rt.conn.view()) };
  }

  get(name: string): ObsConnection {
    return this.rt(name).conn;
  }

  async configure(name: string, url: string, password: string | undefined, autoConnect: boolean): Promise<ObsConnectionView> {
    const { db, secrets, clock } = this.deps;
    const existing = db.prepare('SELECT * FROM obs_connections WHERE name = ?').get(name) as ConnRow | undefined;
    const sealed = password === undefined ? (existing?.password_enc ?? null) : password === '' ? null : secrets.encrypt(password);
    const at = clock.now();
    db.prepare(
      `INSERT INTO obs_connections (name, url, password_enc, auto_connect, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, password_enc = excluded.password_enc,
         auto_connect = excluded.auto_connect, updated_at = excluded.updated_at`,
    ).run(name, url, sealed, autoConnect ? 1 : 0, at, at);
    const plain = sealed === null ? null : secrets.decrypt(sealed);
    const conn = this.rts.get(name)?.conn ?? this.add(name, url, plain).conn;
    await conn.retarget({ url, password: plain });
    if (autoConnect) conn.connect();
    else await this.disconnectQuietly(name);
    return conn.view();
  }

  connect(name: string): ObsConnectionView {
    const c = this.get(name);
    c.connect();
    this.deps.db.prepare('UPDATE obs_connections SET auto_connect = 1 WHERE name = ?').run(name);
    return c.view();
  }

  async disconnect(name: string): Promise<ObsConnectionView> {
    await this.disconnectQuietly(name);
    this.deps.db.prepare('UPDATE obs_connections SET auto_connect = 0 WHERE name = ?').run(name);
    return this.get(name).view();
  }

  // ---------------------------------------------------------------- scenes and studio mode

  async setScene(name: string, scene: string): Promise<void> {
    const c = this.get(name);
    const view = c.view();
    if (c.isIdentified() && !view.scenes.some((s) => s.name === scene)) {
      throw new AppError('NOT_FOUND', `OBS "${name}" has no scene named "${scene}"`);
    }
    await c.call('SetCurrentProgramScene', { sceneName: scene });
  }

  /** Sets the preview scene; answers once OBS reports it (OBS 29 sets it on its UI thread after answering). */
  async setPreviewScene(name: string, scene: string): Promise<{ scene: string }> {
    const rt = this.rt(name);
    const { conn, view } = this.ready(name);
    if (!view.studioMode) throw new AppError('CONFLICT', `studio mode is off on OBS "${name}": turn it on to use a preview scene`);
    this.needScene(name, view, scene);
    const already = view.previewScene === scene; // then OBS announces nothing
    const seen = await this.callAndWait(rt, 'SetCurrentPreviewScene', { sceneName: scene }, already ? 0 : UI_WAIT_MS, (type, d) =>
      type === 'CurrentPreviewSceneChanged' && d['sceneName'] === scene ? true : undefined,
    );
    if (seen === true || already) return { scene };
    const back = await conn.call<{ currentPreviewSceneName: string | null }>('GetCurrentPreviewScene');
    return { scene: back.currentPreviewSceneName ?? scene };
  }

  async setStudioMode(name: string, enabled: boolean): Promise<{ enabled: boolean }> {
    const rt = this.rt(name);
    const { conn, view } = this.ready(name);
    const seen = await this.callAndWait(rt, 'SetStudioModeEnabled', { studioModeEnabled: enabled }, view.studioMode === enabled ? 0 : UI_WAIT_MS, (type, d) =>
      type === 'StudioModeStateChanged' && d['studioModeEnabled'] === enabled ? true : undefined,
    );
    if (seen === true) return { enabled };
    const back = await conn.call<{ studioModeEnabled: boolean }>('GetStudioModeEnabled');
    return { enabled: back.studioModeEnabled };
  }

  /** Studio mode: the preview goes to program with the current transition; answers once OBS reports the new program scene. */
  async transition(name: string): Promise<{ programScene: string | null }> {
    const rt = this.rt(name);
    const { conn, view } = this.ready(name);
    if (!view.studioMode) throw new AppError('CONFLICT', `studio mode is off on OBS "${name}": there is no preview to transition to`);
    const target = view.previewScene;
    const waitMs = target === null || target === view.programScene ? 0 : (view.transitions.durationMs ?? 0) + UI_WAIT_MS;
    const seen = await this.callAndWait(rt, 'TriggerStudioModeTransition', undefined, waitMs, (type, d) =>
      type === 'CurrentProgramSceneChanged' && d['sceneName'] === target ? true : undefined,
    );
    if (seen === true) return { programScene: target };
    const back = await conn.call<{ currentProgramSceneName: string | null }>('GetCurrentProgramScene');
    return { programScene: back.currentProgramSceneName };
  }

  async setSceneItemEnabled(name: string, scene: string, itemId: number, enabled: boolean): Promise<{ scene: string; itemId: number; enabled: boolean }> {
    const { conn, view } = this.ready(name);
    const s = this.needScene(name, view, scene);
    if (!s.items.some((i) => i.id === itemId)) throw new AppError('NOT_FOUND', `scene "${scene}" has no item ${itemId}`);
    await conn.call('SetSceneItemEnabled', { sceneName: scene, sceneItemId: itemId, sceneItemEnabled: enabled });
    const back = await conn.call<{ sceneItemEnabled: boolean }>('GetSceneItemEnabled', { sceneName: scene, sceneItemId: itemId });
    return { scene, itemId, enabled: back.sceneItemEnabled };
  }

  // ---------------------------------------------------------------- inputs

  async setText(name: string, input: string, text: string): Promise<{ input: string; text: string }> {
    const { conn, view } = this.ready(name);
    const i = this.needInput(name, view, input);
    if (!isTextKind(i.kind)) throw new AppError('BAD_INPUT', `"${input}" is a ${i.kind}, not a text source`);
    await conn.call('SetInputSettings', { inputName: input, inputSettings: { text }, overlay: true });
    const back = await conn.call<{ inputSettings: Record<string, unknown> }>('GetInputSettings', { inputName: input });
    const shown = back.inputSettings['text'];
    return { input, text: typeof shown === 'string' ? shown : text };
  }

  async setInputMute(name: string, input: string, muted: boolean): Promise<{ input: string; muted: boolean }> {
    const { conn, view } = this.ready(name);
    this.needAudio(name, view, input);
    await conn.call('SetInputMute', { inputName: input, inputMuted: muted });
    const back = await conn.call<{ inputMuted: boolean }>('GetInputMute', { inputName: input });
    return { input, muted: back.inputMuted };
  }

  async setInputVolume(name: string, input: string, volumeDb: number): Promise<{ input: string; volumeDb: number }> {
    const { conn, view } = this.ready(name);
    this.needAudio(name, view, input);
    await conn.call('SetInputVolume', { inputName: input, inputVolumeDb: volumeDb });
    const back = await conn.call<{ inputVolumeDb: number }>('GetInputVolume', { inputName: input });
    return { input, volumeDb: finiteDb(back.inputVolumeDb) ?? volumeDb };
  }

  // ---------------------------------------------------------------- outputs

  /**
   * Starts the stream and waits until OBS says it is live. OBS 29 answers StartStream with success even when the
   * ingest is unreachable and stops the output a moment later: that is an error here (and an alert).
   */
  async startStream(name: string): Promise<ObsOutputState> {
    const rt = this.rt(name);
    const { conn, view } = this.ready(name);
    if (view.outputs.stream.active) throw new AppError('CONFLICT', `OBS "${name}" is already streaming`);
    const edge = await this.askOutput(rt, 'startStream', 'StartStream', 'StreamStateChanged', STREAM_START_WAIT_MS);
    if (edge === 'stopped') {
      throw new AppError(
        'OBS_REQUEST_FAILED',
        `OBS "${name}" started the stream and it stopped at once: the ingest server did not take it (check the server and stream key in OBS → Settings → Stream)`,
      );
    }
    return conn.view().outputs.stream;
  }

  async stopStream(name: string): Promise<ObsOutputState> {
    const rt = this.rt(name);
    this.ready(name);
    await this.askOutput(rt, 'stopStream', 'StopStream', 'StreamStateChanged', OUTPUT_WAIT_MS);
    return rt.conn.view().outputs.stream;
  }

  async startRecord(name: string): Promise<ObsOutputState> {
    const rt = this.rt(name);
    const { view } = this.ready(name);
    if (view.outputs.record.active) throw new AppError('CONFLICT', `OBS "${name}" is already recording`);
    const edge = await this.askOutput(rt, 'startRecord', 'StartRecord', 'RecordStateChanged', OUTPUT_WAIT_MS);
    if (edge === 'stopped') throw new AppError('OBS_REQUEST_FAILED', `OBS "${name}" started recording and stopped at once (check the recording path and encoder in OBS)`);
    return rt.conn.view().outputs.record;
  }

  /** Stops recording and answers once OBS has closed the file (its STOPPED event), with the file's path. */
  async stopRecord(name: string): Promise<{ outputPath: string | null }> {
    const rt = this.rt(name);
    this.ready(name);
    let outputPath: string | null = null;
    await this.askOutput(rt, 'stopRecord', 'StopRecord', 'RecordStateChanged', OUTPUT_WAIT_MS, (r) => {
      const p = (r as { outputPath?: unknown } | undefined)?.outputPath;
      outputPath = typeof p === 'string' ? p : null;
    });
    return { outputPath };
  }

  // ---------------------------------------------------------------- thumbnails, capture, health

  async screenshot(name: string, source: string, width: number): Promise<CommandOutput<'obs.screenshot'>> {
    const rt = this.rt(name);
    const { view } = this.ready(name);
    const known = view.scenes.some((s) => s.name === source) || view.inputs.some((i) => i.name === source);
    if (!known) throw new AppError('NOT_FOUND', `OBS "${name}" has no scene or source named "${source}"`);
    return rt.screenshots.get(source, width);
  }

  listCaptureDevices(name: string): Promise<CommandOutput<'obs.listCaptureDevices'>> {
    const rt = this.rt(name);
    this.ready(name);
    // Concurrent asks share one listing: its probe inputs have fixed names.
    rt.listing ??= listCaptureDevices(rt.conn, this.deps.log.child(name)).finally(() => {
      rt.listing = null;
    });
    return rt.listing;
  }

  async addCaptureInput(name: string, a: AddCaptureInput): Promise<{ inputName: string; sceneItemId: number }> {
    const { conn } = this.ready(name);
    return addCaptureInput(conn, a);
  }

  /** The last `limit` health samples of a connection, oldest first (kept in memory: the last hour). */
  health(name: string, limit: number): HealthSample[] {
    return this.rt(name).sampler.samples(limit);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.rts.keys()].map((name) => this.disconnectQuietly(name)));
    for (const rt of this.rts.values()) {
      rt.sampler.stop();
      rt.meters.cancel();
      rt.pushState.flush();
    }
  }

  // ---------------------------------------------------------------- internals

  private rt(name: string): Runtime {
    const rt = this.rts.get(name);
    if (!rt) throw new AppError('NOT_FOUND', `there is no OBS connection named "${name}"`);
    return rt;
  }

  /** The connection and its view, if identified: checks against the mirror mean something only then. */
  private ready(name: string): { conn: ObsConnection; view: ObsConnectionView } {
    const conn = this.get(name);
    const view = conn.view();
    if (view.status !== 'identified') throw new AppError('OBS_NOT_CONNECTED', `OBS "${name}" is not connected (${view.status})`);
    return { conn, view };
  }

  private needScene(name: string, view: ObsConnectionView, scene: string): ObsConnectionView['scenes'][number] {
    const s = view.scenes.find((x) => x.name === scene);
    if (!s) throw new AppError('NOT_FOUND', `OBS "${name}" has no scene named "${scene}"`);
    return s;
  }

  private needInput(name: string, view: ObsConnectionView, input: string): ObsConnectionView['inputs'][number] {
    const i = view.inputs.find((x) => x.name === input);
    if (!i) throw new AppError('NOT_FOUND', `OBS "${name}" has no input named "${input}"`);
    return i;
  }

  private needAudio(name: string, view: ObsConnectionView, input: string): void {
    const i = this.needInput(name, view, input);
    if (!i.audio) throw new AppError('BAD_INPUT', `"${input}" has no audio`);
  }

  /**
   * Sends a request and waits up to `waitMs` for the OBS event `pick` recognises (registered before the request:
   * OBS may send the event before its answer). Resolves with what `pick` returned, or null when OBS said nothing
   * in time or the connection dropped. `onAnswer` gets OBS's answer to the request itself.
   */
  private async callAndWait<T>(
    rt: Runtime,
    requestType: string,
    requestData: Record<string, unknown> | undefined,
    waitMs: number,
    pick: (type: string, data: Record<string, unknown>) => T | undefined,
    onAnswer?: (answer: unknown) => void,
  ): Promise<T | null> {
    const { clock } = this.deps;
    let finish = (_: T | null): void => undefined;
    const seen = new Promise<T | null>((resolve) => {
      let timer: unknown = null;
      const w: Waiter = {
        onEvent: (type, data) => {
          const v = pick(type, data);
          if (v !== undefined) finish(v);
        },
        onDrop: () => finish(null),
      };
      finish = (v) => {
        rt.waiters.delete(w);
        if (timer !== null) clock.clearTimeout(timer);
        resolve(v);
      };
      if (waitMs <= 0) {
        resolve(null);
        return;
      }
      rt.waiters.add(w);
      timer = clock.setTimeout(() => finish(null), waitMs);
    });
    try {
      // Not `onAnswer?.(await …)`: an optional call skips evaluating its argument, request included.
      const answer = await rt.conn.call(requestType, requestData);
      if (onAnswer) onAnswer(answer);
    } catch (e) {
      finish(null);
      throw e;
    }
    return seen;
  }

  /** An output command: remembered as the console's ask (who-asked attribution), then settled by OBS's state event. */
  private async askOutput(
    rt: Runtime,
    command: OutputCommand,
    requestType: string,
    eventType: string,
    waitMs: number,
    onAnswer?: (answer: unknown) => void,
  ): Promise<Edge | null> {
    rt.asked[command] = this.deps.clock.now();
    try {
      return await this.callAndWait(
        rt,
        requestType,
        undefined,
        waitMs,
        (type, d) => (type === eventType && typeof d['outputState'] === 'string' ? (outputEdge(d['outputState']) ?? undefined) : undefined),
        onAnswer,
      );
    } catch (e) {
      rt.asked[command] = null;
      throw e;
    }
  }

  private async disconnectQuietly(name: string): Promise<void> {
    const rt = this.rt(name);
    // A disconnect the producer asked for is not an alert (the connection reports no drop for it either).
    await rt.conn.disconnect();
    this.deps.alerts.clear('obs.disconnected', rt.subject);
  }

  private unseal(r: ConnRow): string | null {
    if (r.password_enc === null) return null;
    try {
      return this.deps.secrets.decrypt(r.password_enc);
    } catch (e) {
      this.deps.log.error('stored OBS password cannot be decrypted; enter it again', { connection: r.name, error: String(e) });
      return null;
    }
  }

  private add(name: string, url: string, password: string | null): Runtime {
    const { clock, log, random01 } = this.deps;
    const subject = `obs:${name}`;
    // The runtime and its connection refer to each other; the connection calls back only after connect().
    let self: Runtime | null = null;
    const conn = new ObsConnection({
      name,
      target: { url, password },
      clock,
      log: log.child(name),
      random01,
      ...(this.deps.callTimeoutMs === undefined ? {} : { callTimeoutMs: this.deps.callTimeoutMs }),
      onChange: (view) => {
        if (self) this.onChange(self, view);
      },
      onObsEvent: (type, data) => {
        if (self) this.onObsEvent(self, type, data);
      },
      onMeters: (data) => self?.meters.push(data),
      onDropped: (message) => {
        this.deps.alerts.raise({ rule: 'obs.disconnected', severity: 'critical', message: `Lost OBS "${name}": ${message}`, subject });
      },
    });
    const rt: Runtime = {
      conn,
      subject,
      pushState: createThrottle<null>({ clock, intervalMs: STATE_PUSH_MS, deferFirst: true, emit: () => this.deps.onState(this.state()) }),
      meters: createThrottle<Record<string, unknown>>({
        clock,
        intervalMs: METER_PUSH_MS,
        emit: (data) => this.deps.onMeters({ connection: name, inputs: meterInputs(data) }),
      }),
      sampler: new HealthSampler({
        connection: name,
        clock,
        log: log.child(name),
        call: (type) => conn.call(type),
        onSample: (sample, recent) => this.onHealthSample(name, sample, recent),
        ...(this.deps.healthPeriodMs === undefined ? {} : { periodMs: this.deps.healthPeriodMs }),
      }),
      screenshots: new ScreenshotCache({
        clock,
        take: async (source, width) =>
          (
            await conn.call<{ imageData: string }>('GetSourceScreenshot', {
              sourceName: source,
              imageFormat: 'jpg',
              imageWidth: width,
              imageCompressionQuality: 70,
            })
          ).imageData,
      }),
      asked: { startStream: null, stopStream: null, startRecord: null, stopRecord: null },
      waiters: new Set(),
      lastLink: '',
      lastStatus: 'disconnected',
      streamLive: false,
      listing: null,
    };
    self = rt;
    this.rts.set(name, rt);
    return rt;
  }

  private onChange(rt: Runtime, view: ObsConnectionView): void {
    const name = rt.conn.name;
    const { events } = this.deps;
    const link = JSON.stringify([view.status, view.failure, view.message, view.epoch, view.attempts, view.nextRetryAt]);
    const linkChanged = link !== rt.lastLink;
    rt.lastLink = link;
    if (view.status !== rt.lastStatus) {
      const was = rt.lastStatus;
      rt.lastStatus = view.status;
      events.enqueue({
        type: 'ObsConnectionChanged',
        subject: rt.subject,
        payload: { connection: name, status: view.status, failure: view.failure, message: view.message, epoch: view.epoch },
      });
      if (view.status === 'identified') this.onIdentified(rt, view);
      else if (was === 'identified') this.onLeftIdentified(rt);
    }
    rt.pushState.push(null);
    // The link state (connecting, identified, reconnecting…) is what the producer watches: never held back.
    if (linkChanged) rt.pushState.flush();
  }

  private onIdentified(rt: Runtime, view: ObsConnectionView): void {
    const { alerts, events, clock } = this.deps;
    alerts.clear('obs.disconnected', rt.subject);
    rt.screenshots.clear();
    // The stream was live before OBS went away and is not now: it stopped without the producer.
    if (rt.streamLive && !view.outputs.stream.active && whoAsked(rt.asked.stopStream, clock.now(), ASKED_WINDOW_MS) === 'obs') {
      events.enqueue({ type: 'StreamStopped', subject: rt.subject, payload: { connection: rt.conn.name, by: 'obs', whileAway: true } });
      alerts.raise({
        rule: 'stream.unexpectedStop',
        severity: 'critical',
        message: `The stream on OBS "${rt.conn.name}" stopped while the console could not see OBS`,
        subject: rt.subject,
      });
    }
    rt.streamLive = view.outputs.stream.active;
    rt.sampler.start();
  }

  private onLeftIdentified(rt: Runtime): void {
    rt.sampler.stop();
    rt.meters.cancel();
    rt.screenshots.clear();
    for (const w of [...rt.waiters]) w.onDrop();
  }

  private onObsEvent(rt: Runtime, type: string, data: Record<string, unknown>): void {
    const { events, alerts, clock } = this.deps;
    const name = rt.conn.name;
    for (const w of [...rt.waiters]) w.onEvent(type, data);
    if (type === 'CurrentProgramSceneChanged' && typeof data['sceneName'] === 'string') {
      events.enqueue({ type: 'SceneSwitched', subject: rt.subject, payload: { connection: name, scene: data['sceneName'] } });
      this.deps.onSceneChanged(name, data['sceneName']);
      return;
    }
    if (type !== 'StreamStateChanged' && type !== 'RecordStateChanged') return;
    const edge = typeof data['outputState'] === 'string' ? outputEdge(data['outputState']) : null;
    if (edge === null) return;
    const now = clock.now();
    const command: OutputCommand =
      type === 'StreamStateChanged' ? (edge === 'started' ? 'startStream' : 'stopStream') : edge === 'started' ? 'startRecord' : 'stopRecord';
    const by = whoAsked(rt.asked[command], now, ASKED_WINDOW_MS);
    rt.asked[command] = null; // one ask explains one change
    if (type === 'StreamStateChanged') {
      if (edge === 'started') {
        rt.streamLive = true;
        events.enqueue({ type: 'StreamStarted', subject: rt.subject, payload: { connection: name, by } });
        alerts.clear('stream.unexpectedStop', rt.subject);
      } else {
        const neverStarted = !rt.streamLive;
        rt.streamLive = false;
        events.enqueue({ type: 'StreamStopped', subject: rt.subject, payload: { connection: name, by, neverStarted } });
        if (by === 'obs') {
          alerts.raise({
            rule: 'stream.unexpectedStop',
            severity: 'critical',
            message: neverStarted
              ? `The stream on OBS "${name}" stopped right after starting: OBS could not reach the ingest server (check the server and stream key)`
              : `The stream on OBS "${name}" stopped without the producer stopping it`,
            subject: rt.subject,
          });
        }
      }
    } else {
      const outputPath = typeof data['outputPath'] === 'string' ? data['outputPath'] : null;
      events.enqueue({
        type: edge === 'started' ? 'RecordingStarted' : 'RecordingStopped',
        subject: rt.subject,
        payload: { connection: name, by, outputPath },
      });
    }
  }

  private onHealthSample(name: string, sample: HealthSample, recent: readonly HealthSample[]): void {
    const { events, alerts, onHealth } = this.deps;
    const subject = `obs:${name}`;
    events.enqueue({ type: 'HealthSampled', subject, payload: sample });
    onHealth(sample);
    const thresholds = this.deps.healthThresholds ? this.deps.healthThresholds() : DEFAULT_HEALTH_THRESHOLDS;
    const holding = thresholds === null ? [] : healthConditions(recent, thresholds);
    for (const rule of HEALTH_RULES) {
      const c = holding.find((h) => h.rule === rule);
      alerts.set(c !== undefined, { rule, severity: c?.severity ?? 'warning', message: c?.message ?? '', subject });
    }
  }
}

/** InputVolumeMeters' inputs as the contract's meters (levels per channel: magnitude, peak, input peak). */
function meterInputs(data: Record<string, unknown>): EventPayload<'obs.meters'>['inputs'] {
  const list = Array.isArray(data['inputs']) ? (data['inputs'] as unknown[]) : [];
  const out: EventPayload<'obs.meters'>['inputs'] = [];
  for (const e of list) {
    if (typeof e !== 'object' || e === null) continue;
    const { inputName, inputLevelsMul } = e as { inputName?: unknown; inputLevelsMul?: unknown };
    if (typeof inputName !== 'string' || isProbeInput(inputName) || !Array.isArray(inputLevelsMul)) continue;
    const levels = (inputLevelsMul as unknown[]).map((ch) =>
      Array.isArray(ch) ? (ch as unknown[]).map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)) : [],
    );
    out.push({ name: inputName, levels });
  }
  return out;
}
