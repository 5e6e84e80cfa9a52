import { fork } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RetrainProgress, RetrainResult, StudioModelStatus } from '../../../shared/contract/audience.js';
import type { EventName, EventPayload } from '../../../shared/contract/index.js';
import type { Sentiment } from '../../../shared/domain/classifier/model.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import { intentsOf } from './commentsRepo.js';
import type { Correction } from '../../../shared/domain/classifier/labelledData.js';
import { TrainerMessage, type TrainJob } from './studioModelTraining.js';

const SETTING = 'audience.studio_model';
const TRAIN_TIMEOUT_MS = 10 * 60_000;

/** Where the trainer and the shipped chat set are: in the source tree (run with tsx) and in a build. */
export interface TrainerLocation {
  readonly script: string;
  /** Node options for the child (tsx for the TypeScript source). */
  readonly execArgv: readonly string[];
  readonly cwd: string;
  readonly chatSet: string;
}

export function findTrainer(migrationsDir: string): TrainerLocation | null {
  const built = resolve(migrationsDir, '../studio-model-worker.mjs');
  const source = resolve(migrationsDir, '../../audience/studioModelWorker.ts');
  const chatSet = [
    resolve(migrationsDir, '../resources/datasets/chat/chat.jsonl'),
    resolve(migrationsDir, '../../../../resources/datasets/chat/chat.jsonl'),
    resolve(migrationsDir, '../../../resources/datasets/chat/chat.jsonl'),
  ].find((p) => existsSync(p));
  if (chatSet === undefined) return null;
  if (existsSync(built)) return { script: built, execArgv: [], cwd: resolve(migrationsDir, '..'), chatSet };
  if (existsSync(source)) return { script: source, execArgv: ['--import', 'tsx'], cwd: resolve(migrationsDir, '../../../..'), chatSet };
  return null;
}

/** The studio's own model file in the data dir (the shipped one in resources/ is never written). */
export const studioModelFile = (dataDir: string): string => join(dataDir, 'classifier', 'model.json');

export interface StudioModelDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly log: Logger;
  readonly dataDir: string;
  /** The shipped model (null when none was found). */
  readonly shippedModel: string | null;
  readonly trainer: TrainerLocation | null;
  readonly emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void;
  /** Loads a model file into the audience pipeline; throws when it cannot be read. */
  readonly useModel: (file: string) => void;
}

export interface StudioModel {
  /** The model file the audience service should start with: the studio's when it has one. */
  readonly startModel: string | null;
  status(): StudioModelStatus;
  retrain(): Promise<RetrainResult>;
  close(): void;
}

interface Trained {
  readonly trainedAt: number;
  readonly corrections: number;
}

export function createStudioModel(deps: StudioModelDeps): StudioModel {
  const { db, clock, log } = deps;
  const file = studioModelFile(deps.dataDir);
  const readTrained = (): Trained | null => {
    const v = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as string | undefined;
    if (v === undefined) return null;
    try {
      return JSON.parse(v) as Trained;
    } catch {
      return null;
    }
  };
  const corrections = (): Correction[] =>
    (
      db
        .prepare(
          `SELECT text, sentiment, intents FROM label_corrections
            WHERE rowid IN (SELECT max(rowid) FROM label_corrections GROUP BY comment_id) ORDER BY corrected_at, rowid`,
        )
        .all() as { text: string; sentiment: Sentiment; intents: number }[]
    ).map((r) => ({ text: r.text, sentiment: r.sentiment, intents: intentsOf(r.intents) }));
  const correctionCount = (): number =>
    db.prepare('SELECT count(DISTINCT comment_id) FROM label_corrections').pluck().get() as number;

  const hasStudio = existsSync(file) && readTrained() !== null;
  let current: string | null = hasStudio ? file : deps.shippedModel;
  let training: Promise<RetrainResult> | null = null;
  let child: ReturnType<typeof fork> | null = null;

  const progress = (stage: RetrainProgress['stage'], message: string | null = null): void => {
    deps.emit('audience.retrainProgress', { stage, message, at: clock.now() });
  };

  const status = (): StudioModelStatus => {
    const t = current === file ? readTrained() : null;
    return {
      source: current === null ? 'none' : current === file ? 'studio' : 'shipped',
      file: current,
      trainedAt: t?.trainedAt ?? null,
      trainedCorrections: t?.corrections ?? null,
      corrections: correctionCount(),
      training: training !== null,
    };
  };

  const runTrainer = (trainer: TrainerLocation, job: TrainJob): Promise<Extract<TrainerMessage, { type: 'done' }>> =>
    new Promise((resolvePromise, reject) => {
      const c = fork(trainer.script, [], { execArgv: [...trainer.execArgv], cwd: trainer.cwd, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
      child = c;
      let stderr = '';
      let settled = false;
      const settle = (f: () => void): void => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(timer);
        child = null;
        f();
      };
      const timer = clock.setTimeout(() => {
        c.kill();
        settle(() => {
          reject(new AppError('INTERNAL', `training took longer than ${TRAIN_TIMEOUT_MS / 60_000} minutes and was stopped`));
        });
      }, TRAIN_TIMEOUT_MS);
      c.stderr?.on('data', (d: Buffer) => {
        stderr = (stderr + d.toString('utf8')).slice(-2000);
      });
      c.on('message', (raw: unknown) => {
        const m = TrainerMessage.safeParse(raw);
        if (!m.success) return;
        if (m.data.type === 'progress') progress(m.data.stage);
        else if (m.data.type === 'done') {
          const done = m.data;
          settle(() => {
            resolvePromise(done);
          });
        } else {
          const message = m.data.message;
          settle(() => {
            reject(new AppError('INTERNAL', `training failed: ${message}`));
          });
        }
      });
      c.on('error', (e) => {
        settle(() => {
          reject(new AppError('INTERNAL', `the trainer could not run: ${e.message}`));
        });
      });
      c.on('exit', (code, signal) => {
        settle(() => {
          reject(new AppError('INTERNAL', `the trainer stopped (${signal ?? `exit ${String(code)}`}) ${stderr.trim().split('\n').at(-1) ?? ''}`.trim()));
        });
      });
      c.send(job);
    });

  const retrain = async (): Promise<RetrainResult> => {
    const trainer = deps.trainer;
    if (trainer === null) throw new AppError('INTERNAL', 'the chat set or the trainer is missing from this installation: cannot retrain');
    const fixes = corrections();
    const trainedAt = clock.now();
    progress('started', `${fixes.length} corrections`);
    mkdirSync(join(deps.dataDir, 'classifier'), { recursive: true, mode: 0o700 });
    try {
      const done = await runTrainer(trainer, {
        chatSet: trainer.chatSet,
        out: file,
        corrections: fixes.map((c) => ({ text: c.text, sentiment: c.sentiment, intents: [...c.intents] })),
        meta: { studio: true, corrections: fixes.length, trainedAt, data: 'resources/datasets/chat (train split) + studio corrections' },
      });
      deps.useModel(file);
      current = file;
      db.prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      ).run(SETTING, JSON.stringify({ trainedAt, corrections: fixes.length } satisfies Trained), clock.now());
      log.info('studio chat model trained', { corrections: fixes.length, examples: done.examples, trainMs: done.trainMs });
      progress('finished', `${fixes.length} corrections, ${done.trainMs} ms`);
      return {
        file,
        corrections: fixes.length,
        examples: done.examples,
        trainMs: done.trainMs,
        heldout: { sentimentAccuracy: done.sentimentAccuracy, intentMacroF1: done.intentMacroF1 },
        status: { ...status(), training: false },
      };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log.error('studio chat model training failed', { error: message });
      progress('failed', message);
      throw e;
    }
  };

  return {
    startModel: current,
    status,
    retrain() {
      if (training !== null) throw new AppError('CONFLICT', 'the model is being retrained already');
      const p = retrain().finally(() => {
        training = null;
      });
      training = p;
      return p;
    },
    close() {
      child?.kill();
    },
  };
}
