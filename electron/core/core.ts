import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/contract/app.js';
import { healthThresholdsOf } from '../../shared/domain/health.js';
import { uuidv7 } from '../../shared/domain/uuidv7.js';
import { createAlertService, type AlertService } from './alerts/alertService.js';
import { createAudienceService, findClassifierModel, type AudienceService } from './audience/audienceService.js';
import { audienceHandlers, studioModelHandlers } from './audience/handlers.js';
import { createStudioModel, findTrainer } from './audience/studioModel.js';
import { createCatalogService } from './catalog/catalogService.js';
import { systemClock, type Clock } from './clock.js';
import { createCues } from './cues/handlers.js';
import { createDispatch, type Dispatch, type HandlerTable } from './dispatch.js';
import { createEventBus, type EventListener } from './eventBus.js';
import { createLogger, type Logger } from './logger.js';
import { createMetricsCore, type MetricsCore } from './metrics/metricsCore.js';
import { ObsService } from './obs/obsService.js';
import { createRandomPool } from './randomPool.js';
import { createKeyFileSecretBox, type SecretBox } from './secrets.js';
import { loadMigrations, openDatabase, schemaVersion, type Db } from './store/db.js';
import { createEventLog, type EventLog } from './store/eventLog.js';

export interface CoreOptions {
  readonly dataDir: string;
  readonly migrationsDir: string;
  readonly host: AppInfo['host'];
  readonly version: string;
  readonly clock?: Clock;
  readonly log?: Logger;
  /** Defaults to a key file in the data dir (console host); the desktop passes Electron safeStorage. */
  readonly secrets?: SecretBox;
  readonly obsCallTimeoutMs?: number;
  /** Start the audience connectors that ran last time (rehearsal and ingest on a fresh data dir). Default true. */
  readonly audienceAutostart?: boolean;
}

/** The whole main-process core: plain Node, no Electron. Both transports talk to it through `dispatch`. */
export interface Core {
  readonly dispatch: Dispatch;
  subscribe(listener: EventListener): () => void;
  readonly db: Db;
  readonly events: EventLog;
  readonly obs: ObsService;
  readonly alerts: AlertService;
  readonly audience: AudienceService;
  readonly metrics: MetricsCore;
  readonly log: Logger;
  info(): AppInfo;
  close(): Promise<void>;
}

function studioSetting(db: Db, key: string, fallback: string): string {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? fallback;
}

function nodeIdOf(db: Db, clock: Clock): string {
  const existing = db.prepare("SELECT value FROM settings WHERE key = 'node_id'").get() as { value: string } | undefined;
  if (existing) return existing.value;
  const id = randomBytes(6).toString('hex');
  db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('node_id', ?, ?)").run(id, clock.now());
  return id;
}

export function createCore(opts: CoreOptions): Core {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger('core');
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase({ file: join(opts.dataDir, 'showrunner.db'), migrations: loadMigrations(opts.migrationsDir) });
  const startedAt = clock.now();
  const bus = createEventBus((e) => log.error('event listener threw', { error: String(e) }));
  // Pooled: the event log stamps an id on every chat message.
  const randomFill = createRandomPool();
  const events = createEventLog({ db, clock, random: randomFill, nodeId: nodeIdOf(db, clock), log: log.child('events') });
  const newId = (): string => uuidv7(clock.now(), randomFill);
  const secrets = opts.secrets ?? createKeyFileSecretBox(join(opts.dataDir, 'secret.key'));

  const catalog = createCatalogService({
    db,
    events,
    clock,
    newId,
    onChanged: (ids, reason) => bus.emit('catalog.changed', { ids, reason }),
  });
  const alerts = createAlertService({ db, events, clock, newId, onChanged: (a) => bus.emit('alerts.changed', a) });
  const obs = new ObsService({
    db,
    events,
    alerts,
    clock,
    log: log.child('obs'),
    secrets,
    random01: Math.random,
    onState: (state) => bus.emit('obs.stateChanged', state),
    onSceneChanged: (connection, scene) => bus.emit('obs.sceneChanged', { connection, scene }),
    onMeters: (meters) => bus.emit('obs.meters', meters),
    onHealth: (sample) => bus.emit('obs.health', sample),
    // Samples start once a connection is identified, after createCore has returned, so `metrics` exists by then.
    healthThresholds: () => healthThresholdsOf(metrics.metrics.rules().streamHealth),
    ...(opts.obsCallTimeoutMs === undefined ? {} : { callTimeoutMs: opts.obsCallTimeoutMs }),
  });

  const info = (): AppInfo => ({
    name: 'Showrunner',
    version: opts.version,
    mode: 'rehearsal',
    host: opts.host,
    schemaVersion: schemaVersion(db),
    startedAt,
  });

  // The studio's own chat model (retrained from its corrections) when it has one, else the shipped one.
  const studioModel = createStudioModel({
    db,
    clock,
    log: log.child('studio-model'),
    dataDir: opts.dataDir,
    shippedModel: findClassifierModel(opts.migrationsDir),
    trainer: findTrainer(opts.migrationsDir),
    emit: (name, payload) => bus.emit(name, payload),
    useModel: (file) => {
      audience.useClassifierModel(file);
    },
  });

  const audience = createAudienceService({
    db,
    events,
    clock,
    log: log.child('audience'),
    secrets,
    newId,
    dataDir: opts.dataDir,
    emit: (name, payload) => bus.emit(name, payload),
    classifierModel: studioModel.startModel,
    catalog: () => catalog.list().map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.promoPrice ?? p.price })),
    ...(opts.audienceAutostart === undefined ? {} : { autostart: opts.audienceAutostart }),
    // A pinned comment goes on the host view (cues' host pins), linked to the comment; unpin/answer takes it off.
    hostPins: {
      pin: (c) => {
        cues.live.pinComment(c.id, (c.text ?? '').slice(0, 500), c.displayName?.trim().slice(0, 100) || null);
      },
      unpin: (commentId) => {
        cues.live.unpinComment(commentId);
      },
    },
  });
  const cues = createCues({
    db,
    events,
    clock,
    newId,
    obs,
    alerts,
    bus,
    log: log.child('cues'),
    // Unpinned on the host view: the comment is unpinned in the chat too.
    onCommentPinRemoved: (commentId) => {
      try {
        audience.setPinned(commentId, false);
      } catch (e) {
        // The host pin is gone either way; a comment that cannot be unpinned is logged, not the host's error.
        log.warn('comment of a host pin could not be unpinned', { commentId, error: String(e) });
      }
    },
  });

  const metrics = createMetricsCore({ db, events, clock, log, secrets, newId, alerts, emit: (name, payload) => bus.emit(name, payload) });

  const handlers: HandlerTable = {
    'app.info': () => info(),
    'catalog.list': ({ query }) => catalog.list(query),
    'catalog.get': ({ id }) => catalog.get(id),
    'catalog.create': (input) => catalog.create(input),
    'catalog.update': ({ id, patch }) => catalog.update(id, patch),
    'catalog.delete': ({ id }) => {
      catalog.remove(id);
      return { id };
    },
    'catalog.importCsv': ({ text, currency }) =>
      catalog.importCsv(text, currency ?? studioSetting(db, 'currency', 'CNY')),
    'obs.getState': () => obs.state(),
    'obs.configure': ({ name, url, password, autoConnect }) => obs.configure(name, url, password, autoConnect),
    'obs.connect': ({ name }) => obs.connect(name),
    'obs.disconnect': ({ name }) => obs.disconnect(name),
    'obs.setScene': async ({ connection, scene }) => {
      await obs.setScene(connection, scene);
      return { connection, scene };
    },
    'obs.setPreviewScene': ({ connection, scene }) => obs.setPreviewScene(connection, scene),
    'obs.setStudioMode': ({ connection, enabled }) => obs.setStudioMode(connection, enabled),
    'obs.transition': ({ connection }) => obs.transition(connection),
    'obs.setSceneItemEnabled': ({ connection, scene, itemId, enabled }) => obs.setSceneItemEnabled(connection, scene, itemId, enabled),
    'obs.setText': ({ connection, input, text }) => obs.setText(connection, input, text),
    'obs.setInputMute': ({ connection, input, muted }) => obs.setInputMute(connection, input, muted),
    'obs.setInputVolume': ({ connection, input, volumeDb }) => obs.setInputVolume(connection, input, volumeDb),
    'obs.startStream': ({ connection }) => obs.startStream(connection),
    // The schema already demands confirm: true; the handler cannot be reached without it.
    'obs.stopStream': ({ connection }) => obs.stopStream(connection),
    'obs.startRecord': ({ connection }) => obs.startRecord(connection),
    'obs.stopRecord': ({ connection }) => obs.stopRecord(connection),
    'obs.screenshot': ({ connection, source, width }) => obs.screenshot(connection, source, width),
    'obs.listCaptureDevices': ({ connection }) => obs.listCaptureDevices(connection),
    'obs.addCaptureInput': ({ connection, scene, kind, inputName, device }) => obs.addCaptureInput(connection, { scene, kind, inputName, device }),
    'obs.health': ({ connection, limit }) => obs.health(connection, limit),
    'alerts.list': ({ limit }) => alerts.list(limit),
    'alerts.acknowledge': ({ id }) => alerts.acknowledge(id),
    ...audienceHandlers(audience),
    ...studioModelHandlers(studioModel),
    ...cues.handlers,
    ...metrics.handlers,
  };

  let closed = false;
  return {
    dispatch: createDispatch(handlers, log.child('dispatch')),
    subscribe: (l) => bus.subscribe(l),
    db,
    events,
    obs,
    alerts,
    audience,
    metrics,
    log,
    info,
    async close() {
      if (closed) return;
      closed = true;
      studioModel.close();
      await audience.close();
      metrics.close();
      await obs.close();
      events.close();
      db.close();
    },
  };
}
