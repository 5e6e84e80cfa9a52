import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type {
  AudienceStats,
  CommentFilter,
  CommentLabel,
  CommentView,
  ConnectorStatus,
  IngestSource,
  PlatformConnectorConfig,
  PlatformConnectorConfigUpdate,
  PlatformConnectorView,
  RehearsalConfig,
} from '../../../shared/contract/audience.js';
import type { EventName, EventPayload } from '../../../shared/contract/index.js';
import type { RoomProduct } from '../../../shared/domain/audience/rehearsalRoom.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../../../shared/domain/backoff.js';
import { classify, loadModel, type ChatModel, type Intent, type Sentiment } from '../../../shared/domain/classifier/model.js';
import { redactPii } from '../../../shared/domain/redact.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import { createCommentsRepo, intentMask, intentsOf } from './commentsRepo.js';
import { createSupervisedConnector, FatalConnectorError, type Connector, type ConnectorLink } from './connectors/connector.js';
import {
  platformOpener,
  publicConfig,
  sealConfig,
  StoredPlatformConnector,
  unsealConfig,
  updateStored,
} from './connectors/platforms.js';
import { RecentMessageIds } from './connectors/platformLink.js';
import { createRehearsalDriver } from './connectors/rehearsal.js';
import { createReplayDriver, REPLAY_CONNECTOR_ID } from './connectors/replay.js';
import { createIngestSources, type IngestSources } from './ingestSources.js';
import { createIngestPipeline, type IngestPipeline, type StoredAudienceEvent } from './pipeline.js';
import { presentedProductFromLog } from './presentedProduct.js';
import { createPseudonymiser, loadOrCreatePseudonymKey } from './pseudonym.js';
import { createRecorder, type Recorder, type RecordingInfo } from './recorder.js';

export interface AudienceDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly log: Logger;
  readonly secrets: SecretBox;
  readonly newId: () => string;
  readonly dataDir: string;
  readonly emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void;
  /** The chat classifier's model file; null runs without labels (logged). */
  readonly classifierModel: string | null;
  /** The catalog, for the rehearsal room when nothing is presented. */
  readonly catalog: () => readonly RoomProduct[];
  /** The product being presented; null when none. Default: read from the show's ProductPresented facts. */
  readonly currentProduct?: () => RoomProduct | null;
  /** Start the connectors that were running last time (a fresh studio: rehearsal and ingest). Default true. */
  readonly autostart?: boolean;
  readonly random01?: () => number;
  /** Pipeline tuning, for tests and the benchmark. */
  readonly pipeline?: { capacity?: number; batchSize?: number; displayRatePerSec?: number };
  readonly ingestRate?: { ratePerSec: number; burst: number };
  /** The host view's pinned questions: a pinned comment is put there, unpinning or answering takes it off. */
  readonly hostPins?: { pin(comment: CommentView): void; unpin(commentId: string): void };
}

export interface AudienceSettings {
  readonly blockWords: string[];
  readonly retentionDays: number | null;
  readonly rehearsal: RehearsalConfig;
}

/** The audience side of the core: connectors, the ingest pipeline, stored comments and their moderation. */
export interface AudienceService {
  readonly pipeline: IngestPipeline;
  readonly ingest: IngestSources;
  listConnectors(): ConnectorStatus[];
  startConnector(id: string): Promise<ConnectorStatus>;
  stopConnector(id: string): Promise<ConnectorStatus>;
  configureRehearsal(patch: Partial<RehearsalConfig>): RehearsalConfig;
  startReplay(file: string, speed: number): Promise<ConnectorStatus>;
  controlReplay(c: { paused?: boolean | undefined; speed?: number | undefined }): ConnectorStatus;
  listRecordings(): RecordingInfo[];
  startRecording(name?: string): { file: string };
  stopRecording(): Promise<{ file: string; events: number }>;
  createSource(name: string, platform: string): { source: IngestSource; token: string };
  listSources(): IngestSource[];
  revokeSource(id: string): IngestSource;
  comments(q: { filter: CommentFilter; search?: string | undefined; beforeId?: string | undefined; limit: number; includeBlocked: boolean }): {
    comments: CommentView[];
    more: boolean;
  };
  setPinned(commentId: string, pinned: boolean): CommentView;
  markAnswered(commentId: string): CommentView;
  blockWords(words: readonly string[]): { words: string[]; blocked: number };
  settings(): AudienceSettings;
  correctLabel(commentId: string, sentiment: Sentiment, intents: readonly Intent[]): CommentView;
  exportCorrections(): { file: string; count: number };
  setRetention(days: number | null): { days: number | null; purged: number };
  /** Applies the retention setting now; returns how many comments lost their text. */
  purge(): number;
  /** Labels new comments with this model file from now on; throws (keeping the old model) when it cannot be read. */
  useClassifierModel(file: string): void;
  stats(): AudienceStats;
  /** TikTok / Twitch / YouTube connectors (docs/connectors.md): stored with sealed secrets, started on request. */
  addPlatformConnector(label: string, config: PlatformConnectorConfig): ConnectorStatus;
  updatePlatformConnector(id: string, patch: { label?: string | undefined; config?: PlatformConnectorConfigUpdate | undefined }): Promise<ConnectorStatus>;
  removePlatformConnector(id: string): Promise<{ id: string }>;
  platformConnectors(): PlatformConnectorView[];
  close(): Promise<void>;
}

const SETTING = {
  blockWords: 'audience.block_words',
  retention: 'audience.retention_days',
  rehearsal: 'audience.rehearsal',
  running: (id: string) => `audience.connector.${id}.running`,
  platform: (id: string) => `audience.platform.${id}`,
  platformPrefix: 'audience.platform.',
} as const;
/** Platforms are remote services with quotas: retry from 0.5–1 s up to once a minute. */
const PLATFORM_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };
const DEFAULT_REHEARSAL: RehearsalConfig = { rate: 20, seed: 1, surges: true };
const DAY_MS = 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** How often the connectors' recent message ids are saved (and at close). */
const SEEN_SAVE_EVERY_MS = 5_000;
const STATS_EVERY_MS = 1_000;
const INGEST_CONNECTOR_ID = 'ingest';

/** Where the classifier's model is, in the source tree and in a build (next to the migrations). */
export function findClassifierModel(migrationsDir: string): string | null {
  const candidates = [
    resolve(migrationsDir, '../resources/classifier/model.json'),
    resolve(migrationsDir, '../../../../resources/classifier/model.json'),
    resolve(migrationsDir, '../../../resources/classifier/model.json'),
  ];
  return candidates.find((p) => existsSync(p)) ?? null;
}

function loadClassifier(file: string | null, log: Logger): ChatModel | null {
  if (file === null) {
    log.warn('no chat classifier model found: comments are stored without sentiment and intents');
    return null;
  }
  try {
    return loadModel(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (e) {
    log.error('chat classifier model could not be loaded: comments are stored without labels', { file, error: String(e) });
    return null;
  }
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');

export function createAudienceService(deps: AudienceDeps): AudienceService {
  const { db, events, clock, log, newId, emit } = deps;
  const random01 = deps.random01 ?? Math.random;
  const getSetting = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const putSetting = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const setting = (key: string): string | null => (getSetting.get(key) as string | undefined) ?? null;
  const put = (key: string, value: string): void => {
    putSetting.run(key, value, clock.now());
  };
  const json = <T>(key: string, fallback: T): T => {
    const v = setting(key);
    if (v === null) return fallback;
    try {
      return JSON.parse(v) as T;
    } catch {
      return fallback;
    }
  };

  // Replaced when the studio retrains its model (audience.retrainModel): new comments get the new labels.
  let model = loadClassifier(deps.classifierModel, log);
  const label = (text: string): CommentLabel | null => {
    if (!model) return null;
    const c = classify(model, text);
    return { sentiment: c.sentiment, intents: [...c.intents], confidence: Math.round(c.confidence * 1000) / 1000 };
  };
  let blockList: string[] = json<string[]>(SETTING.blockWords, []);
  let lowered = blockList.map((w) => w.toLowerCase());
  const isBlocked = (text: string): boolean => {
    if (lowered.length === 0) return false;
    const t = text.toLowerCase();
    return lowered.some((w) => t.includes(w));
  };
  let rehearsalConfig: RehearsalConfig = { ...DEFAULT_REHEARSAL, ...json<Partial<RehearsalConfig>>(SETTING.rehearsal, {}) };

  const repo = createCommentsRepo(db);
  const recorder: Recorder = createRecorder(join(deps.dataDir, 'recordings'), clock, log.child('recorder'));
  const connectors = new Map<string, Connector>();

  const onStored = (batch: readonly StoredAudienceEvent[]): void => {
    const counts = new Map<string, number>();
    for (const s of batch) {
      const id = s.event.connectorId.startsWith('ingest:') ? INGEST_CONNECTOR_ID : s.event.connectorId;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const now = clock.now();
    for (const [id, n] of counts) connectors.get(id)?.noteEvents(n, now);
    recorder.write(batch);
  };

  const pipeline = createIngestPipeline({
    db,
    events,
    clock,
    log: log.child('pipeline'),
    redact: (text) => redactPii(text).text,
    classify: label,
    pseudonymise: createPseudonymiser(loadOrCreatePseudonymKey(db, deps.secrets, clock)),
    isBlocked,
    onStored,
    onComments: (batch) => emit('audience.comments', batch),
    ...deps.pipeline,
  });

  const connectorsChanged = (): void => emit('audience.connectorsChanged', { connectors: [...connectors.values()].map((c) => c.status()) });
  const supervise = (
    id: string,
    kind: ConnectorStatus['kind'],
    label: string,
    simulated: boolean,
    open: () => Promise<ConnectorLink>,
    details?: () => Pick<ConnectorStatus, 'rehearsal' | 'replay'>,
    backoff: BackoffPolicy = DEFAULT_BACKOFF,
  ): Connector => {
    const c = createSupervisedConnector({
      id,
      kind,
      label,
      simulated,
      clock,
      log: log.child(`connector.${id}`),
      events,
      backoff,
      random01,
      open,
      onStatus: connectorsChanged,
      details: () => {
        const d = details?.();
        return { ...(d?.rehearsal ? { rehearsal: d.rehearsal } : {}), ...(d?.replay ? { replay: d.replay } : {}) };
      },
    });
    connectors.set(id, c);
    return c;
  };

  const rehearsal = createRehearsalDriver({
    clock,
    pipeline,
    config: () => rehearsalConfig,
    currentProduct: deps.currentProduct ?? presentedProductFromLog(db, clock),
    catalog: deps.catalog,
  });
  supervise('rehearsal', 'rehearsal', 'Rehearsal room (simulated) / 彩排直播间（模拟）', true, () => rehearsal.open(), () => ({
    rehearsal: rehearsalConfig,
    replay: null,
  }));
  const replay = createReplayDriver({ clock, log: log.child('replay'), pipeline });
  supervise(REPLAY_CONNECTOR_ID, 'replay', 'Replay / 回放', false, () => replay.open(), () => ({ rehearsal: null, replay: replay.progress() }));
  const ingestConnector = supervise(INGEST_CONNECTOR_ID, 'ingest', 'Webhook / WebSocket ingest / 通用接入', false, () =>
    // Passive: the console host receives; the link only marks "accepting".
    Promise.resolve({ ended: new Promise<Error | null>(() => undefined), close: () => Promise.resolve() }),
  );
  const ingest = createIngestSources({
    db,
    events,
    clock,
    log: log.child('ingest'),
    newId,
    pipeline,
    running: () => ingestConnector.status().state === 'running',
    ...(deps.ingestRate ? { ratePerSec: deps.ingestRate.ratePerSec, burst: deps.ingestRate.burst } : {}),
  });

  // Platform connectors: settings in the settings table (secrets sealed by the secret box), one supervised
  // connector each. Secrets are unsealed only when a link opens and never logged or returned.
  const platformRecords = new Map<string, StoredPlatformConnector>();
  const deleteSetting = db.prepare('DELETE FROM settings WHERE key = ?');

  // The platform message ids each connector delivered last, kept across its reconnects in memory and across app
  // restarts in connector_seen (saved every few seconds and at close): the recent messages a platform repeats on
  // a new connection or first poll are stored once.
  const seenLoad = db.prepare('SELECT ids FROM connector_seen WHERE connector_id = ?').pluck();
  const seenSave = db.prepare(
    'INSERT INTO connector_seen (connector_id, ids, updated_at) VALUES (?, ?, ?) ON CONFLICT (connector_id) DO UPDATE SET ids = excluded.ids, updated_at = excluded.updated_at',
  );
  const seenDelete = db.prepare('DELETE FROM connector_seen WHERE connector_id = ?');
  const seenBy = new Map<string, RecentMessageIds>();
  const seenFor = (id: string): RecentMessageIds => {
    let seen = seenBy.get(id);
    if (!seen) {
      let initial: string[] = [];
      const stored = seenLoad.get(id) as string | undefined;
      if (stored !== undefined) {
        try {
          const parsed = z.array(z.string()).safeParse(JSON.parse(stored));
          if (parsed.success) initial = parsed.data;
          else throw new Error(parsed.error.issues[0]?.message ?? 'not a list of ids');
        } catch (e) {
          log.warn('the stored message ids of a connector could not be read; starting without them', { connector: id, error: String(e) });
        }
      }
      seen = new RecentMessageIds(initial);
      seenBy.set(id, seen);
    }
    return seen;
  };
  const saveSeen = (): void => {
    for (const [id, seen] of seenBy) {
      const ids = seen.takeChanges();
      if (ids !== null) seenSave.run(id, JSON.stringify(ids), clock.now());
    }
  };
  let seenTimer: unknown = null;
  const seenTick = (): void => {
    seenTimer = null;
    if (closed) return;
    try {
      saveSeen();
    } catch (e) {
      log.error('the connectors’ message ids could not be saved; trying again', { error: String(e) });
    }
    seenTimer = clock.setTimeout(seenTick, SEEN_SAVE_EVERY_MS);
  };
  seenTimer = clock.setTimeout(seenTick, SEEN_SAVE_EVERY_MS);
  const registerPlatform = (rec: StoredPlatformConnector): Connector => {
    const kind = (rec.config['kind'] ?? 'unknown') as PlatformConnectorConfig['kind'];
    const opener = platformOpener(kind);
    const clog = log.child(`connector.${rec.id}`);
    return supervise(
      rec.id,
      kind,
      rec.label,
      false,
      () => {
        const current = platformRecords.get(rec.id) ?? rec;
        let config: PlatformConnectorConfig;
        try {
          config = unsealConfig(current, deps.secrets);
        } catch (e) {
          return Promise.reject(new FatalConnectorError(`the connector’s settings cannot be read: ${e instanceof Error ? e.message : String(e)}`));
        }
        return opener(config, { pipeline, source: { connectorId: rec.id, platform: kind, simulated: false }, clock, log: clog, seen: seenFor(rec.id) });
      },
      undefined,
      PLATFORM_BACKOFF,
    );
  };
  const savePlatform = (rec: StoredPlatformConnector): void => {
    put(SETTING.platform(rec.id), JSON.stringify(rec));
    platformRecords.set(rec.id, rec);
  };
  for (const row of db.prepare('SELECT key, value FROM settings WHERE key LIKE ? ORDER BY rowid').all(`${SETTING.platformPrefix}%`) as {
    key: string;
    value: string;
  }[]) {
    try {
      const rec = StoredPlatformConnector.parse(JSON.parse(row.value));
      if (!['tiktok', 'twitch', 'youtube'].includes(String(rec.config['kind']))) throw new Error(`unknown platform ${String(rec.config['kind'])}`);
      platformRecords.set(rec.id, rec);
      registerPlatform(rec);
    } catch (e) {
      log.error('a stored platform connector could not be read; skipped', { key: row.key, error: e instanceof Error ? e.message : String(e) });
    }
  }
  const platformOrThrow = (id: string): StoredPlatformConnector => {
    const rec = platformRecords.get(id);
    if (!rec) throw new AppError('NOT_FOUND', `no platform connector "${id}"`);
    return rec;
  };

  const connector = (id: string): Connector => {
    const c = connectors.get(id);
    if (!c) throw new AppError('NOT_FOUND', `no connector "${id}" (known: ${[...connectors.keys()].join(', ')})`);
    return c;
  };

  const commentOrThrow = (id: string): CommentView => {
    const c = repo.get(id);
    if (!c) throw new AppError('NOT_FOUND', `comment ${id} does not exist`);
    return c;
  };

  const flagTx = db.transaction((commentId: string, type: string, flag: 'pinned' | 'answered', value: boolean): CommentView => {
    const before = commentOrThrow(commentId);
    if (before[flag] === value) return before;
    events.appendNow([{ type, subject: `comment:${commentId}`, payload: { commentId, at: clock.now() } }]);
    repo.setFlag(commentId, flag, value);
    return { ...before, [flag]: value };
  });

  const correctTx = db.transaction((commentId: string, sentiment: Sentiment, intents: readonly Intent[]): CommentView => {
    const before = commentOrThrow(commentId);
    if (before.text === null) throw new AppError('CONFLICT', 'this comment’s text was purged by the retention setting; it cannot be relabelled');
    const at = clock.now();
    const [eventId] = events.appendNow([
      {
        type: 'LabelCorrected',
        subject: `comment:${commentId}`,
        payload: { commentId, text: before.text, sentiment, intents, previous: { sentiment: before.sentiment, intents: before.intents }, at },
      },
    ]);
    db.prepare(
      'INSERT INTO label_corrections (id, comment_id, text, sentiment, intents, previous_sentiment, previous_intents, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(eventId ?? newId(), commentId, before.text, sentiment, intentMask(intents), before.sentiment, intentMask(before.intents), at);
    repo.setLabel(commentId, sentiment, intentMask(intents));
    return { ...before, sentiment, intents: intentsOf(intentMask(intents)), corrected: true };
  });

  const retentionDays = (): number | null => {
    const v = setting(SETTING.retention);
    return v === null ? null : Number(v);
  };

  // Retention deletes comment text (and display names) from the CommentReceived payloads in the log, the only
  // copy of a comment: the one case where old log rows change, because the studio's legal duty outranks the
  // append-only rule. A CommentsPurged event records what was done, so synced copies purge too; counts, labels
  // and pseudonyms stay, so the show's metrics do not change.
  const purgeTx = db.transaction((before: number): number => {
    const at = clock.now();
    const comments = repo.purgeBefore(before);
    if (comments > 0) {
      events.appendNow([{ type: 'CommentsPurged', payload: { before, comments, events: comments, retentionDays: retentionDays(), at } }]);
    }
    return comments;
  });
  const purge = (): number => {
    const days = retentionDays();
    if (days === null) return 0;
    const before = clock.now() - days * DAY_MS;
    pipeline.drain();
    const n = purgeTx(before);
    const files = recorder.purgeBefore(before);
    if (n > 0 || files > 0) log.info('retention purge', { comments: n, recordings: files, days });
    return n;
  };

  const stats = (): AudienceStats => {
    const now = clock.now();
    const simulated = [...connectors.values()].some((c) => c.status().simulated && c.status().state === 'running');
    return { ...pipeline.aggregates(now), pipeline: pipeline.counters(), simulated, recording: recorder.current() };
  };

  let statsTimer: unknown = null;
  let purgeTimer: unknown = null;
  let closed = false;
  const statsTick = (): void => {
    statsTimer = null;
    if (closed) return;
    emit('audience.stats', stats());
    statsTimer = clock.setTimeout(statsTick, STATS_EVERY_MS);
  };
  const purgeTick = (): void => {
    purgeTimer = null;
    if (closed) return;
    try {
      purge();
    } catch (e) {
      log.error('retention purge failed', { error: String(e) });
    }
    purgeTimer = clock.setTimeout(purgeTick, PURGE_EVERY_MS);
  };
  statsTimer = clock.setTimeout(statsTick, STATS_EVERY_MS);
  purgeTimer = clock.setTimeout(purgeTick, 0);

  const remember = (id: string, running: boolean): void => {
    if (id === REPLAY_CONNECTOR_ID) return;
    put(SETTING.running(id), running ? '1' : '0');
  };
  if (deps.autostart ?? true) {
    for (const id of ['rehearsal', INGEST_CONNECTOR_ID]) {
      if ((setting(SETTING.running(id)) ?? '1') === '1') void connector(id).start();
    }
    for (const id of platformRecords.keys()) {
      if (setting(SETTING.running(id)) === '1') void connector(id).start();
    }
  }

  return {
    pipeline,
    ingest,
    listConnectors: () => [...connectors.values()].map((c) => c.status()),
    async startConnector(id) {
      const c = connector(id);
      if (id === REPLAY_CONNECTOR_ID && !replay.configured()) throw new AppError('BAD_INPUT', 'choose a recording first: audience.startReplay {file, speed}');
      remember(id, true);
      return c.start();
    },
    async stopConnector(id) {
      const c = connector(id);
      remember(id, false);
      return c.stop();
    },
    configureRehearsal(patch) {
      rehearsalConfig = { ...rehearsalConfig, ...patch };
      put(SETTING.rehearsal, JSON.stringify(rehearsalConfig));
      rehearsal.reconfigure(rehearsalConfig);
      connectorsChanged();
      return rehearsalConfig;
    },
    async startReplay(file, speed) {
      const path = recorder.path(file);
      if (!existsSync(path)) throw new AppError('NOT_FOUND', `no recording named ${file} in ${join(deps.dataDir, 'recordings')}`);
      const c = connector(REPLAY_CONNECTOR_ID);
      await c.stop();
      replay.configure(path, file, speed);
      return c.start();
    },
    controlReplay(ctl) {
      if (!replay.configured()) throw new AppError('CONFLICT', 'no replay is loaded');
      replay.control(ctl);
      const status = connector(REPLAY_CONNECTOR_ID).status();
      connectorsChanged();
      return status;
    },
    listRecordings: () => recorder.list(),
    startRecording: (name) => recorder.start(name),
    async stopRecording() {
      pipeline.drain();
      return recorder.stop();
    },
    createSource: (name, platform) => ingest.create(name, platform),
    listSources: () => ingest.list(),
    revokeSource: (id) => ingest.revoke(id),
    comments(q) {
      // What was accepted is queryable at once: store the queue first.
      pipeline.drain();
      let beforeSeq: number | undefined;
      if (q.beforeId !== undefined) {
        const seq = repo.seqOf(q.beforeId);
        if (seq === null) throw new AppError('NOT_FOUND', `comment ${q.beforeId} does not exist`);
        beforeSeq = seq;
      }
      return repo.list({ filter: q.filter, search: q.search, beforeSeq, limit: q.limit, includeBlocked: q.includeBlocked });
    },
    setPinned(commentId, pinned) {
      pipeline.drain();
      // One transaction: a host view that refuses the pin (ten already) leaves the comment unpinned.
      const view = db.transaction((): CommentView => {
        const v = flagTx(commentId, pinned ? 'CommentPinned' : 'CommentUnpinned', 'pinned', pinned);
        if (pinned && v.text !== null) deps.hostPins?.pin(v);
        else if (!pinned) deps.hostPins?.unpin(commentId);
        return v;
      })();
      emit('audience.commentChanged', view);
      return view;
    },
    markAnswered(commentId) {
      pipeline.drain();
      // An answered question leaves the host view and the pinned list.
      const view = db.transaction((): CommentView => {
        const answered = flagTx(commentId, 'CommentAnswered', 'answered', true);
        const v = answered.pinned ? flagTx(commentId, 'CommentUnpinned', 'pinned', false) : answered;
        deps.hostPins?.unpin(commentId);
        return v;
      })();
      emit('audience.commentChanged', view);
      return view;
    },
    blockWords(words) {
      const unique = [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))];
      pipeline.drain();
      const blocked = db.transaction(() => {
        put(SETTING.blockWords, JSON.stringify(unique));
        events.appendNow([{ type: 'BlockWordsChanged', payload: { words: unique, at: clock.now() } }]);
        return repo.applyBlockWords(unique);
      })();
      blockList = unique;
      lowered = unique.map((w) => w.toLowerCase());
      pipeline.blockWordsChanged();
      return { words: unique, blocked };
    },
    settings: () => ({ blockWords: [...blockList], retentionDays: retentionDays(), rehearsal: rehearsalConfig }),
    correctLabel(commentId, sentiment, intents) {
      pipeline.drain();
      const view = correctTx(commentId, sentiment, intents);
      emit('audience.commentChanged', view);
      return view;
    },
    exportCorrections() {
      // The latest label per comment, oldest first: the JSONL the training script reads (--corrections FILE).
      const rows = db
        .prepare(
          `SELECT text, sentiment, intents FROM label_corrections
            WHERE rowid IN (SELECT max(rowid) FROM label_corrections GROUP BY comment_id) ORDER BY corrected_at, rowid`,
        )
        .all() as { text: string; sentiment: Sentiment; intents: number }[];
      const dir = join(deps.dataDir, 'exports');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, `label-corrections-${stamp(clock.now())}.jsonl`);
      const body = rows.map((r) => JSON.stringify({ text: r.text, sentiment: r.sentiment, intents: intentsOf(r.intents) })).join('\n');
      writeFileSync(file, rows.length > 0 ? `${body}\n` : '', { mode: 0o600 });
      return { file, count: rows.length };
    },
    setRetention(days) {
      db.transaction(() => {
        if (days === null) db.prepare('DELETE FROM settings WHERE key = ?').run(SETTING.retention);
        else put(SETTING.retention, String(days));
        events.appendNow([{ type: 'RetentionSet', payload: { days, at: clock.now() } }]);
      })();
      return { days, purged: purge() };
    },
    purge,
    useClassifierModel(file) {
      model = loadModel(JSON.parse(readFileSync(file, 'utf8')) as unknown);
      pipeline.classifierChanged();
      log.info('chat classifier model loaded', { file });
    },
    stats,
    addPlatformConnector(label, config) {
      const id = `${config.kind}-${newId()}`.slice(0, 80);
      const rec: StoredPlatformConnector = { id, label, createdAt: clock.now(), ...sealConfig(config, deps.secrets) };
      db.transaction(() => {
        savePlatform(rec);
        put(SETTING.running(id), '0');
      })();
      const c = registerPlatform(rec);
      log.info('platform connector added', { connector: id, kind: config.kind });
      connectorsChanged();
      return c.status();
    },
    async updatePlatformConnector(id, patch) {
      const before = platformOrThrow(id);
      const next: StoredPlatformConnector = {
        ...before,
        ...(patch.label === undefined ? {} : { label: patch.label }),
        ...(patch.config === undefined ? {} : updateStored(before, patch.config, deps.secrets)),
      };
      const old = connector(id);
      const state = old.status().state;
      const wasRunning = state === 'running' || state === 'starting' || state === 'reconnecting';
      await old.stop();
      savePlatform(next);
      const c = registerPlatform(next);
      log.info('platform connector updated', { connector: id });
      connectorsChanged();
      return wasRunning ? c.start() : c.status();
    },
    async removePlatformConnector(id) {
      platformOrThrow(id);
      await connector(id).stop();
      connectors.delete(id);
      platformRecords.delete(id);
      db.transaction(() => {
        deleteSetting.run(SETTING.platform(id));
        deleteSetting.run(SETTING.running(id));
        seenDelete.run(id);
      })();
      seenBy.delete(id);
      log.info('platform connector removed', { connector: id });
      connectorsChanged();
      return { id };
    },
    platformConnectors: () =>
      [...platformRecords.values()].map((rec) => ({ id: rec.id, label: rec.label, config: publicConfig(rec), status: connector(rec.id).status() })),
    async close() {
      if (closed) return;
      closed = true;
      if (statsTimer !== null) clock.clearTimeout(statsTimer);
      if (purgeTimer !== null) clock.clearTimeout(purgeTimer);
      if (seenTimer !== null) clock.clearTimeout(seenTimer);
      for (const c of connectors.values()) await c.stop();
      saveSeen();
      pipeline.close();
      await recorder.close();
    },
  };
}
