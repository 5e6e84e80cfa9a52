import type { ComplianceTerm, CueActionResult } from '../../../shared/contract/cues.js';
import type { EventName, EventPayload } from '../../../shared/contract/index.js';
import type { TimingThresholds } from '../../../shared/domain/cues/timing.js';
import { AppError } from '../../../shared/errors.js';
import type { AlertService } from '../alerts/alertService.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import type { EventLog, NewEvent } from '../store/eventLog.js';
import { createCueRepo, type CueRepo, type SessionRow } from './cueRepo.js';
import { createViews, type CatalogReader, type ObsNames, type Views } from './views.js';

/** The OBS actions of a segment, on the studio's main OBS. Each rejects with an AppError when OBS refuses. */
export interface CueObsPort extends ObsNames {
  setScene(scene: string): Promise<void>;
  setText(input: string, text: string): Promise<void>;
  /** Shows or hides a source placed in a scene. */
  setSceneItemEnabled(scene: string, source: string, enabled: boolean): Promise<void>;
}

export type Emit = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Everything the cue service needs, passed in. */
export interface CueServiceDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly log: Logger;
  readonly catalog: CatalogReader;
  readonly obs: CueObsPort;
  readonly alerts: Pick<AlertService, 'raise' | 'clear'>;
  readonly emit: Emit;
  /** The shipped compliance list (resources/compliance/ad-law-terms.json). */
  readonly defaultTerms: readonly ComplianceTerm[];
  readonly thresholds?: TimingThresholds;
  /** Told about every finished set of OBS actions (tests, diagnostics). */
  readonly onActions?: (segmentId: string, actions: readonly CueActionResult[]) => void;
}

/** What the parts of the cue service share. */
export interface CueContext {
  readonly deps: CueServiceDeps;
  readonly repo: CueRepo;
  readonly views: Views;
  /** Appends events inside the caller's transaction; returns the HLC of each. */
  append(events: readonly NewEvent[]): string[];
  session(id: string): SessionRow;
}

export function createCueContext(deps: CueServiceDeps): CueContext {
  const repo = createCueRepo(deps.db);
  const views = createViews({
    repo,
    catalog: deps.catalog,
    obsNames: deps.obs,
    now: () => deps.clock.now(),
    ...(deps.thresholds ? { thresholds: deps.thresholds } : {}),
  });
  return {
    deps,
    repo,
    views,
    append: (events) => deps.events.appendNow(events).map((id) => repo.hlcOf(id)),
    session(id) {
      const s = repo.session(id);
      if (!s) throw new AppError('NOT_FOUND', `session ${id} does not exist`);
      return s;
    },
  };
}
