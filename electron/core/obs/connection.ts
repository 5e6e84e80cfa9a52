import OBSWebSocket, { EventSubscription, OBSWebSocketError } from 'obs-websocket-js';
import type { ObsConnectionView, ObsFailure, ObsScene, ObsStatus } from '../../../shared/contract/obs.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../shared/domain/backoff.js';
import { classifyObsClose, describeObsClose } from '../../../shared/domain/obsClose.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

export interface ObsTarget {
  readonly url: string;
  readonly password: string | null;
}

export interface ObsConnectionOptions {
  readonly name: string;
  readonly target: ObsTarget;
  readonly clock: Clock;
  readonly log: Logger;
  readonly random01: () => number;
  readonly callTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly backoff?: BackoffPolicy;
  /** Every change of what the UI sees. */
  readonly onChange: (view: ObsConnectionView) => void;
  /** Every OBS event (from the event socket) of the current epoch. */
  readonly onObsEvent: (type: string, data: Record<string, unknown>) => void;
}

/** What OBS itself reports; refreshed on every identify and kept current by OBS events. */
type Snapshot = Omit<
  ObsConnectionView,
  'name' | 'url' | 'hasPassword' | 'status' | 'failure' | 'message' | 'epoch' | 'attempts' | 'nextRetryAt'
>;

const INACTIVE = { active: false, reconnecting: false, paused: false, since: null } as const;

const EMPTY: Snapshot = {
  obsVersion: null,
  websocketVersion: null,
  scenes: [],
  programScene: null,
  previewScene: null,
  studioMode: false,
  transitions: { current: null, durationMs: null, available: [] },
  inputs: [],
  outputs: { stream: { ...INACTIVE }, record: { ...INACTIVE }, replayBuffer: null, virtualCam: null },
};

interface Pending {
  readonly epoch: number;
  readonly reject: (e: AppError) => void;
}

/** OBS events that change the scene list or its order: refetch the list when one arrives. */
const SCENE_LIST_EVENTS = new Set(['SceneListChanged', 'SceneCreated', 'SceneRemoved', 'SceneNameChanged']);

/**
 * One OBS instance, as a state machine: disconnected | connecting | identified | reconnecting | failed.
 *
 * Two sockets per OBS: a command socket with no event subscriptions (obs-websocket answers requests on it
 * without waiting behind event frames) and an event socket subscribed to everything. The connection is
 * identified only when both are. Every call has a timeout and is rejected when a socket closes (obs-websocket-js
 * alone leaves it pending forever). Each identify bumps the epoch and takes a fresh snapshot; responses and
 * events from an older epoch are dropped.
 */
export class ObsConnection {
  readonly name: string;
  private target: ObsTarget;
  private readonly opts: ObsConnectionOptions;
  private status: ObsStatus = 'disconnected';
  private failure: ObsFailure | null = null;
  private message: string | null = null;
  private epoch = 0;
  private attempts = 0;
  private nextRetryAt: number | null = null;
  private retryTimer: unknown = null;
  private wanted = false;
  private attemptSeq = 0;
  private command: OBSWebSocket | null = null;
  private events: OBSWebSocket | null = null;
  private snapshot: Snapshot = EMPTY;
  private readonly pending = new Set<Pending>();

  constructor(opts: ObsConnectionOptions) {
    this.opts = opts;
    this.name = opts.name;
    this.target = opts.target;
  }

  view(): ObsConnectionView {
    return {
      name: this.name,
      url: this.target.url,
      hasPassword: this.target.password !== null && this.target.password !== '',
      status: this.status,
      failure: this.failure,
      message: this.message,
      epoch: this.epoch,
      attempts: this.attempts,
      nextRetryAt: this.nextRetryAt,
      ...this.snapshot,
    };
  }

  isIdentified(): boolean {
    return this.status === 'identified';
  }

  /** Changes URL/password; reconnects when a connection was wanted. */
  async retarget(target: ObsTarget): Promise<void> {
    this.target = target;
    if (this.wanted) {
      this.clearRetry(); // a retry of the old target must not fire after the new one identified
      await this.teardown();
      this.attempts = 0;
      void this.attempt(false);
    }
  }

  /** Starts connecting (and keeps reconnecting on network errors) until `disconnect`. */
  connect(): void {
    this.wanted = true;
    if (this.status === 'identified' || this.status === 'connecting') return;
    this.clearRetry();
    this.attempts = 0;
    void this.attempt(false);
  }

  async disconnect(): Promise<void> {
    this.wanted = false;
    this.clearRetry();
    this.attemptSeq++;
    await this.teardown();
    this.set('disconnected', null, null);
  }

  /**
   * Sends a request on the command socket. Rejects with OBS_TIMEOUT after the call timeout, with
   * OBS_NOT_CONNECTED when the socket closes first, and with OBS_REQUEST_FAILED when OBS refuses.
   */
  async call<T = Record<string, unknown>>(
    requestType: string,
    requestData?: Record<string, unknown>,
    timeoutMs = this.opts.callTimeoutMs ?? 3000,
  ): Promise<T> {
    if (this.status !== 'identified') {
      throw new AppError('OBS_NOT_CONNECTED', `OBS "${this.name}" is not connected (${this.status})`);
    }
    return this.request<T>(requestType, requestData, timeoutMs);
  }

  /** call() without the status check: the snapshot after identify runs before the status turns 'identified'. */
  private async request<T>(requestType: string, requestData: Record<string, unknown> | undefined, timeoutMs: number): Promise<T> {
    const socket = this.command;
    if (!socket) {
      throw new AppError('OBS_NOT_CONNECTED', `OBS "${this.name}" is not connected (${this.status})`);
    }
    const epoch = this.epoch;
    const { clock } = this.opts;
    return new Promise<T>((resolve, reject) => {
      let timer: unknown = null;
      const entry: Pending = {
        epoch,
        reject: (e) => {
          this.pending.delete(entry);
          if (timer !== null) clock.clearTimeout(timer);
          reject(e);
        },
      };
      this.pending.add(entry);
      timer = clock.setTimeout(() => {
        entry.reject(new AppError('OBS_TIMEOUT', `OBS did not answer ${requestType} within ${timeoutMs} ms`));
      }, timeoutMs);
      // The library's typings cover newer requests than OBS 29 has; requests are plain names here.
      const untyped = socket as unknown as {
        call(t: string, d?: Record<string, unknown>): Promise<unknown>;
      };
      untyped.call(requestType, requestData).then(
        (value) => {
          if (!this.pending.has(entry)) return; // already timed out or closed
          this.pending.delete(entry);
          if (timer !== null) clock.clearTimeout(timer);
          if (epoch !== this.epoch) {
            reject(new AppError('OBS_NOT_CONNECTED', `OBS "${this.name}" reconnected while ${requestType} ran`));
            return;
          }
          resolve(value as T);
        },
        (err: unknown) => {
          if (!this.pending.has(entry)) return;
          const code = err instanceof OBSWebSocketError ? err.code : 0;
          const text = err instanceof Error ? err.message : String(err);
          entry.reject(new AppError('OBS_REQUEST_FAILED', `OBS refused ${requestType}: ${text || 'no reason given'}${code ? ` (code ${code})` : ''}`));
        },
      );
    });
  }

  private set(status: ObsStatus, failure: ObsFailure | null, message: string | null): void {
    this.status = status;
    this.failure = failure;
    this.message = message;
    this.opts.onChange(this.view());
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.opts.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.nextRetryAt = null;
  }

  /** `retry`: a reconnect after a failure or a drop (shown as reconnecting), not the first try. */
  private async attempt(retry: boolean): Promise<void> {
    const seq = ++this.attemptSeq;
    const { log, clock } = this.opts;
    this.attempts++;
    this.nextRetryAt = null;
    this.set(retry ? 'reconnecting' : 'connecting', null, retry ? this.message : null);
    const command = new OBSWebSocket();
    const events = new OBSWebSocket();
    const password = this.target.password ?? undefined;
    const timeoutMs = this.opts.connectTimeoutMs ?? 5000;
    let timer: unknown = null;
    let installed = false;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = clock.setTimeout(() => reject(new OBSWebSocketError(-2, `no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      const [hello] = await Promise.race([
        Promise.all([
          command.connect(this.target.url, password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None }),
          events.connect(this.target.url, password, {
            rpcVersion: 1,
            eventSubscriptions: EventSubscription.All,
          }),
        ]),
        timeout,
      ]);
      if (seq !== this.attemptSeq || !this.wanted) {
        await Promise.allSettled([this.closeSocket(command), this.closeSocket(events)]);
        return;
      }
      this.command = command;
      this.events = events;
      installed = true;
      this.epoch++;
      const epoch = this.epoch;
      for (const s of [command, events]) {
        s.on('ConnectionClosed', (e) => this.onClosed(epoch, e.code, e.message));
      }
      this.wireEvents(events, epoch);
      this.snapshot = await this.fetchSnapshot(hello.obsWebSocketVersion);
      if (epoch !== this.epoch) return;
      this.attempts = 0;
      log.info('identified', { connection: this.name, url: this.target.url, epoch, obs: this.snapshot.obsVersion });
      this.set('identified', null, null);
    } catch (err) {
      command.removeAllListeners();
      events.removeAllListeners();
      // Once installed, a drop is onClosed()'s to handle (teardown + one retry); handling it here too would
      // schedule a second retry whose attempt replaces the first one's sockets without closing them.
      const handledByOnClosed = installed && this.command !== command;
      if (this.command === command) {
        this.command = null;
        this.events = null;
        this.epoch++;
        this.rejectPending('the snapshot after identify failed');
      }
      await Promise.allSettled([this.closeSocket(command), this.closeSocket(events)]);
      if (seq !== this.attemptSeq || handledByOnClosed) return;
      const code = err instanceof OBSWebSocketError ? err.code : err instanceof AppError ? 1006 : -1;
      const reason = err instanceof Error ? err.message : String(err);
      this.afterFailure(code, reason);
    } finally {
      if (timer !== null) clock.clearTimeout(timer);
    }
  }

  private afterFailure(code: number, reason: string): void {
    const failure = classifyObsClose(code);
    const message = describeObsClose(code, reason);
    this.opts.log.warn('connection failed', { connection: this.name, code, failure, reason });
    if (failure !== 'network' || !this.wanted) {
      this.wanted = failure === 'network' ? this.wanted : false;
      this.set(failure === 'network' ? 'disconnected' : 'failed', failure, message);
      return;
    }
    const delay = backoffDelay(this.attempts, this.opts.backoff ?? DEFAULT_BACKOFF, this.opts.random01());
    this.nextRetryAt = this.opts.clock.now() + delay;
    this.retryTimer = this.opts.clock.setTimeout(() => {
      this.retryTimer = null;
      if (this.wanted) void this.attempt(true);
    }, delay);
    this.set('reconnecting', 'network', message);
  }

  private onClosed(epoch: number, code: number, reason: string): void {
    if (epoch !== this.epoch) return; // also during the snapshot: the sockets are installed from then on
    this.epoch++; // everything still in flight belongs to the old epoch now
    void this.teardown().then(() => {
      this.snapshot = { ...this.snapshot, programScene: null, previewScene: null };
      if (this.wanted) this.afterFailure(code, reason);
      else this.set('disconnected', null, null);
    });
    this.rejectPending(describeObsClose(code, reason));
  }

  private rejectPending(message: string): void {
    for (const p of [...this.pending]) p.reject(new AppError('OBS_NOT_CONNECTED', `OBS connection closed: ${message}`));
  }

  private async teardown(): Promise<void> {
    const sockets = [this.command, this.events];
    this.command = null;
    this.events = null;
    for (const s of sockets) s?.removeAllListeners();
    this.rejectPending('disconnected');
    await Promise.allSettled(sockets.flatMap((s) => (s ? [this.closeSocket(s)] : [])));
  }

  /**
   * obs-websocket-js disconnect() waits for OBS's close frame; on a silent path ws gives up only after its 30 s
   * closeTimeout. Give OBS a short grace for a clean close, then drop the TCP connection.
   */
  private async closeSocket(s: OBSWebSocket, graceMs = 1000): Promise<void> {
    const { clock } = this.opts;
    let timer: unknown = null;
    const late = new Promise<boolean>((resolve) => {
      timer = clock.setTimeout(() => resolve(true), graceMs);
    });
    const closed = s.disconnect().then(
      () => false,
      () => false,
    );
    const tooLate = await Promise.race([closed, late]);
    if (timer !== null) clock.clearTimeout(timer);
    if (tooLate) {
      // The library keeps its ws instance in a protected field; terminate() destroys the socket at once.
      (s as unknown as { socket?: { terminate(): void } }).socket?.terminate();
      await closed;
    }
  }

  private async fetchSnapshot(websocketVersion: string): Promise<Snapshot> {
    const t = this.opts.callTimeoutMs ?? 3000;
    const [version, list, studio] = await Promise.all([
      this.request<{ obsVersion: string }>('GetVersion', undefined, t),
      this.request<{ scenes: { sceneName: string; sceneIndex: number }[]; currentProgramSceneName: string; currentPreviewSceneName: string | null }>('GetSceneList', undefined, t),
      this.request<{ studioModeEnabled: boolean }>('GetStudioModeEnabled', undefined, t),
    ]);
    return {
      ...EMPTY,
      obsVersion: version.obsVersion,
      websocketVersion,
      scenes: toScenes(list.scenes),
      programScene: list.currentProgramSceneName,
      previewScene: studio.studioModeEnabled ? list.currentPreviewSceneName : null,
      studioMode: studio.studioModeEnabled,
    };
  }

  private wireEvents(socket: OBSWebSocket, epoch: number): void {
    const emitter = socket as unknown as { on(t: string, fn: (d: Record<string, unknown> | undefined) => void): void };
    const handle = (type: string) => (data: Record<string, unknown> | undefined) => {
      if (epoch !== this.epoch) return;
      this.applyEvent(type, data ?? {});
      this.opts.onObsEvent(type, data ?? {});
    };
    for (const type of [
      'CurrentProgramSceneChanged',
      'CurrentPreviewSceneChanged',
      'StudioModeStateChanged',
      'ExitStarted',
      ...SCENE_LIST_EVENTS,
    ]) {
      emitter.on(type, handle(type));
    }
  }

  private applyEvent(type: string, data: Record<string, unknown>): void {
    if (type === 'CurrentProgramSceneChanged' && typeof data['sceneName'] === 'string') {
      this.snapshot = { ...this.snapshot, programScene: data['sceneName'] };
      this.opts.onChange(this.view());
    } else if (type === 'CurrentPreviewSceneChanged' && typeof data['sceneName'] === 'string') {
      this.snapshot = { ...this.snapshot, previewScene: data['sceneName'] };
      this.opts.onChange(this.view());
    } else if (type === 'StudioModeStateChanged' && typeof data['studioModeEnabled'] === 'boolean') {
      this.snapshot = { ...this.snapshot, studioMode: data['studioModeEnabled'] };
      this.opts.onChange(this.view());
    } else if (SCENE_LIST_EVENTS.has(type)) {
      const epoch = this.epoch;
      this.call<{ scenes: { sceneName: string; sceneIndex: number }[] }>('GetSceneList').then(
        (list) => {
          if (epoch !== this.epoch) return;
          this.snapshot = { ...this.snapshot, scenes: toScenes(list.scenes) };
          this.opts.onChange(this.view());
        },
        (e: unknown) => this.opts.log.warn('scene list refresh failed', { connection: this.name, error: String(e) }),
      );
    }
  }
}

/** OBS lists scenes bottom-up (index 0 is the last in its UI); the console shows them as OBS's UI does. */
function toScenes(scenes: { sceneName: string; sceneIndex: number }[]): ObsScene[] {
  return [...scenes]
    .sort((a, b) => b.sceneIndex - a.sceneIndex)
    .map((s) => ({ name: s.sceneName, index: s.sceneIndex, items: [] }));
}
