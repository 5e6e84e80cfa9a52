import OBSWebSocket, { EventSubscription, OBSWebSocketError } from 'obs-websocket-js';
import type { ObsConnectionView, ObsFailure, ObsStatus } from '../../../shared/contract/obs.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../../../shared/domain/backoff.js';
import { classifyObsClose, describeObsClose } from '../../../shared/domain/obsClose.js';
import {
  applyObsEvent,
  EMPTY_MIRROR,
  MIRROR_EVENTS,
  refetchKey,
  withInput,
  withSceneItems,
  withScenes,
  type ObsMirror,
  type RawScene,
  type Refetch,
} from '../../../shared/domain/obsMirror.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { fetchInput, fetchMirror, fetchPreviewScene, fetchSceneItems, fetchTransitions, type ObsRequest } from './mirrorFetch.js';
import { isObsStatus, ObsRequestError } from './obsRequestError.js';

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
  /** Every OBS event (from the event socket) of the current epoch, after the mirror applied it. */
  readonly onObsEvent: (type: string, data: Record<string, unknown>) => void;
  /** InputVolumeMeters as OBS sends them (about 20 per second): the caller throttles. */
  readonly onMeters?: (data: Record<string, unknown>) => void;
  /** An identified connection was lost (OBS closed, crashed or the network dropped); `message` says why. */
  readonly onDropped?: (message: string) => void;
}

/**
 * Events often come in bursts (a scene collection load, a source dragged in OBS): refetches they ask for wait this
 * long so that one request answers the whole burst.
 */
const REFETCH_DELAY_MS = 20;

/**
 * The event socket also takes the high-volume audio meters and input active states (capture inputs show whether
 * OBS uses them). Neither reaches the command socket, whose answers must not queue behind event frames.
 */
const EVENT_SUBSCRIPTIONS = EventSubscription.All | EventSubscription.InputVolumeMeters | EventSubscription.InputActiveStateChanged;

interface Pending {
  readonly epoch: number;
  readonly reject: (e: AppError) => void;
}

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
  private snapshot: ObsMirror = EMPTY_MIRROR;
  private readonly pending = new Set<Pending>();
  private refetchTimer: unknown = null;
  private readonly refetchQueue = new Map<string, Refetch>();
  private readonly refetchRunning = new Set<string>();
  /** The epoch in which OBS announced it is quitting (ExitStarted), if any. */
  private exitingEpoch = -1;

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
   * OBS_NOT_CONNECTED when the socket closes first, and with an ObsRequestError when OBS refuses (NOT_FOUND,
   * CONFLICT, … or OBS_REQUEST_FAILED by OBS's status).
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
          entry.reject(new ObsRequestError(requestType, code, text));
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
          events.connect(this.target.url, password, { rpcVersion: 1, eventSubscriptions: EVENT_SUBSCRIPTIONS }),
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

  private onClosed(epoch: number, closeCode: number, reason: string): void {
    if (epoch !== this.epoch) return; // also during the snapshot: the sockets are installed from then on
    this.epoch++; // everything still in flight belongs to the old epoch now
    const wasIdentified = this.status === 'identified';
    // After ExitStarted, OBS is quitting however the socket ends (OBS 29 sometimes dies during its shutdown and the
    // close frame never comes): say so, and retry as after a network drop.
    const code = this.exitingEpoch === epoch ? 1001 : closeCode;
    const message = describeObsClose(code, reason);
    void this.teardown().then(() => {
      this.snapshot = { ...this.snapshot, programScene: null, previewScene: null };
      if (this.wanted) this.afterFailure(code, reason);
      else this.set('disconnected', null, null);
      if (wasIdentified) this.opts.onDropped?.(message);
    });
    this.rejectPending(message);
  }

  private rejectPending(message: string): void {
    for (const p of [...this.pending]) p.reject(new AppError('OBS_NOT_CONNECTED', `OBS connection closed: ${message}`));
  }

  private async teardown(): Promise<void> {
    this.cancelRefetches();
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

  private async fetchSnapshot(websocketVersion: string): Promise<ObsMirror> {
    return fetchMirror(this.requester(), websocketVersion, () => this.opts.clock.now());
  }

  /** request() with the call timeout, for the mirror's fetches (usable during the snapshot, before 'identified'). */
  private requester(): ObsRequest {
    const t = this.opts.callTimeoutMs ?? 3000;
    return <T>(type: string, data?: Record<string, unknown>) => this.request<T>(type, data, t);
  }

  private wireEvents(socket: OBSWebSocket, epoch: number): void {
    const emitter = socket as unknown as { on(t: string, fn: (d: Record<string, unknown> | undefined) => void): void };
    const handle = (type: string) => (data: Record<string, unknown> | undefined) => {
      if (epoch !== this.epoch) return;
      if (type === 'ExitStarted') this.exitingEpoch = epoch;
      this.applyEvent(type, data ?? {});
      this.opts.onObsEvent(type, data ?? {});
    };
    for (const type of MIRROR_EVENTS) emitter.on(type, handle(type));
    emitter.on('InputVolumeMeters', (data) => {
      if (epoch === this.epoch && data) this.opts.onMeters?.(data);
    });
  }

  private applyEvent(type: string, data: Record<string, unknown>): void {
    const { mirror, refetch } = applyObsEvent(this.snapshot, type, data, this.opts.clock.now());
    if (mirror !== this.snapshot) {
      this.snapshot = mirror;
      this.opts.onChange(this.view());
    }
    if (refetch.length > 0) this.scheduleRefetch(refetch);
  }

  /** Queues refetches; one timer per burst; a key already running runs once more after it (its answer may predate the event). */
  private scheduleRefetch(list: readonly Refetch[]): void {
    for (const r of list) this.refetchQueue.set(refetchKey(r), r);
    if (this.refetchTimer === null) {
      this.refetchTimer = this.opts.clock.setTimeout(() => {
        this.refetchTimer = null;
        this.runRefetches();
      }, REFETCH_DELAY_MS);
    }
  }

  private cancelRefetches(): void {
    if (this.refetchTimer !== null) this.opts.clock.clearTimeout(this.refetchTimer);
    this.refetchTimer = null;
    this.refetchQueue.clear();
    this.refetchRunning.clear();
  }

  private runRefetches(): void {
    const epoch = this.epoch;
    // A full refetch answers every other one.
    const all = this.refetchQueue.get('all');
    const batch = all ? [all] : [...this.refetchQueue.values()];
    if (all) this.refetchQueue.clear();
    for (const r of batch) {
      const key = refetchKey(r);
      if (this.refetchRunning.has(key)) continue; // stays queued for after the running one
      this.refetchQueue.delete(key);
      this.refetchRunning.add(key);
      this.refetch(r, epoch)
        .catch((e: unknown) => {
          if (epoch === this.epoch) this.opts.log.warn('mirror refresh failed', { connection: this.name, what: key, error: String(e) });
        })
        .finally(() => {
          if (epoch !== this.epoch) return;
          this.refetchRunning.delete(key);
          if (this.refetchQueue.has(key)) this.scheduleRefetch([]);
        });
    }
  }

  private async refetch(r: Refetch, epoch: number): Promise<void> {
    const request = this.requester();
    const apply = (f: (m: ObsMirror) => ObsMirror): void => {
      if (epoch !== this.epoch) return;
      const next = f(this.snapshot);
      if (next === this.snapshot) return;
      this.snapshot = next;
      this.opts.onChange(this.view());
    };
    switch (r.kind) {
      case 'sceneList': {
        const list = await request<{ scenes: RawScene[] }>('GetSceneList');
        const known = new Set(this.snapshot.scenes.map((s) => s.name));
        apply((m) => withScenes(m, list.scenes));
        const fresh = list.scenes.filter((s) => !known.has(s.sceneName));
        if (fresh.length > 0 && epoch === this.epoch) this.scheduleRefetch(fresh.map((s) => ({ kind: 'sceneItems', scene: s.sceneName })));
        return;
      }
      case 'sceneItems': {
        try {
          const items = await fetchSceneItems(request, r.scene);
          apply((m) => withSceneItems(m, r.scene, items));
        } catch (e) {
          if (!isObsStatus(e, 600)) throw e; // the scene is gone: its removal event updates the list
        }
        return;
      }
      case 'input': {
        const input = await fetchInput(request, r.name, r.inputKind);
        apply((m) => withInput(m, r.name, input));
        return;
      }
      case 'transitions': {
        const transitions = await fetchTransitions(request);
        apply((m) => ({ ...m, transitions }));
        return;
      }
      case 'preview': {
        const preview = await fetchPreviewScene(request);
        apply((m) => (m.studioMode && m.previewScene !== preview ? { ...m, previewScene: preview } : m));
        return;
      }
      case 'all': {
        const mirror = await fetchMirror(request, this.snapshot.websocketVersion ?? '', () => this.opts.clock.now());
        apply(() => mirror);
        return;
      }
    }
  }
}
