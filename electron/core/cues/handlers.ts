import shippedTerms from '../../../resources/compliance/ad-law-terms.json' with { type: 'json' };
import { ComplianceTermList, SCRIPT_TEMPLATES, type cueCommands } from '../../../shared/contract/cues.js';
import { TEMPLATE_INFO } from '../../../shared/domain/cues/templates.js';
import { AppError } from '../../../shared/errors.js';
import type { AlertService } from '../alerts/alertService.js';
import { createProductsRepo } from '../catalog/productsRepo.js';
import type { Clock } from '../clock.js';
import type { Handler } from '../dispatch.js';
import type { EventBus } from '../eventBus.js';
import type { Logger } from '../logger.js';
import type { ObsService } from '../obs/obsService.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import type { CueObsPort } from './context.js';
import { toSession } from './cueRepo.js';
import { createCueService, type CueService } from './cueService.js';

export type CueCommandName = keyof typeof cueCommands;
/** The cue part of the core's handler table. */
export type CueHandlers = { readonly [K in CueCommandName]: Handler<K> };

export interface CueHandlerDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly newId: () => string;
  readonly log: Logger;
  readonly obs: Pick<ObsService, 'get' | 'setScene' | 'setText' | 'setSceneItemEnabled'>;
  readonly alerts: Pick<AlertService, 'raise' | 'clear'>;
  readonly bus: EventBus;
  /** The OBS connection segments act on (default "main"). */
  readonly obsConnection?: string;
  /** Told when a host pin made from an audience comment is taken off the host view (host.unpin). */
  readonly onCommentPinRemoved?: (commentId: string) => void;
}

/** The shipped advertising-law list; a broken file is a build defect, so it fails loudly at start. */
export function shippedComplianceTerms() {
  return ComplianceTermList.parse(shippedTerms.terms);
}

/** OBS "main" as the cue service sees it: the OBS service's own commands, scene items named by source. */
export function obsPortFor(obs: CueHandlerDeps['obs'], connection: string): CueObsPort {
  const view = () => {
    try {
      const v = obs.get(connection).view();
      return v.status === 'identified' ? v : null;
    } catch {
      return null;
    }
  };
  return {
    setScene: (scene) => obs.setScene(connection, scene),
    setText: async (input, text) => {
      await obs.setText(connection, input, text);
    },
    setSceneItemEnabled: async (scene, source, enabled) => {
      const item = obs
        .get(connection)
        .view()
        .scenes.find((s) => s.name === scene)
        ?.items.find((i) => i.sourceName === source);
      if (!item) throw new AppError('NOT_FOUND', `OBS "${connection}" has no source "${source}" in scene "${scene}"`);
      await obs.setSceneItemEnabled(connection, scene, item.id, enabled);
    },
    sceneNames: () => view()?.scenes.map((s) => s.name) ?? null,
    inputNames: () => view()?.inputs.map((i) => i.name) ?? null,
  };
}

/** Creates the cue service and returns its handlers (spread into the core's table). */
export function cueHandlers(deps: CueHandlerDeps): CueHandlers {
  return createCues(deps).handlers;
}

/** The cue service's handlers plus its live part (the audience side pins comments to the host view through it). */
export function createCues(deps: CueHandlerDeps): { handlers: CueHandlers; live: CueService['live'] } {
  const products = createProductsRepo(deps.db);
  const service: CueService = createCueService({
    db: deps.db,
    events: deps.events,
    clock: deps.clock,
    newId: deps.newId,
    log: deps.log,
    catalog: { get: (id) => products.get(id), getBySku: (sku) => products.getBySku(sku) },
    obs: obsPortFor(deps.obs, deps.obsConnection ?? 'main'),
    alerts: deps.alerts,
    emit: (name, payload) => {
      deps.bus.emit(name, payload);
    },
    defaultTerms: shippedComplianceTerms(),
  });
  // Queues show catalog values: a catalog edit reaches the queue views (and the host view when on air).
  deps.bus.subscribe((e) => {
    if (e.name === 'catalog.changed') service.plan.catalogChanged(e.payload.ids);
  });
  const { plan, live, compliance } = service;

  const handlers: CueHandlers = {
    'session.create': ({ title, plannedStart }) => plan.createSession(title, plannedStart),
    'session.list': () => service.sessions(500).map(toSession),
    'session.get': ({ sessionId }) => toSession(service.session(sessionId)),

    'queue.list': ({ sessionId }) => plan.queueList(sessionId),
    'queue.add': ({ sessionId, productId, before, after }) => plan.queueAdd(sessionId, productId, { before, after }),
    'queue.remove': ({ itemId }) => plan.queueRemove(itemId),
    'queue.move': ({ sessionId, itemId, before, after }) => plan.queueMove(sessionId, itemId, { before, after }),
    'queue.update': ({ itemId, patch, reset, baseHlc }) => plan.queueUpdate(itemId, { patch, reset, baseHlc }),

    'script.get': ({ sessionId }) => plan.script(sessionId),
    'script.addSegment': ({ sessionId, segment, after }) => plan.addSegment(sessionId, segment, after),
    'script.updateSegment': ({ segmentId, patch }) => plan.updateSegment(segmentId, patch),
    'script.removeSegment': ({ segmentId }) => plan.removeSegment(segmentId),
    'script.moveSegment': ({ segmentId, before, after }) => plan.moveSegment(segmentId, { before, after }),
    'script.duplicateSegment': ({ segmentId }) => plan.duplicateSegment(segmentId),
    'script.listTemplates': () => SCRIPT_TEMPLATES.map((name) => ({ name, ...TEMPLATE_INFO[name] })),
    'script.applyTemplate': ({ sessionId, template, mode, options }) => plan.applyTemplate(sessionId, template, mode, options),
    'script.importJson': ({ sessionId, text, mode, addToQueue }) => plan.importScript(sessionId, 'json', text, mode, addToQueue),
    'script.importMarkdown': ({ sessionId, text, mode, addToQueue }) => plan.importScript(sessionId, 'markdown', text, mode, addToQueue),
    'script.exportJson': ({ sessionId }) => plan.exportScript(sessionId, 'json'),
    'script.exportMarkdown': ({ sessionId }) => plan.exportScript(sessionId, 'markdown'),

    'cues.start': ({ sessionId, segmentId }) => live.start(sessionId, segmentId),
    'cues.next': ({ from }) => live.next(from),
    'cues.previous': ({ from }) => live.previous(from),
    'cues.goto': ({ segmentId }) => live.goto(segmentId),
    'cues.current': () => live.current(),
    'cues.end': () => live.end(),

    'host.message': ({ text, from }) => live.message(text, from ?? null),
    'host.pinQuestion': ({ text, author }) => live.pin(text, author ?? null),
    'host.unpin': ({ pinId }) => {
      const commentId = live.commentOfPin(pinId);
      const result = live.unpin(pinId);
      if (commentId !== null) deps.onCommentPinRemoved?.(commentId);
      return result;
    },

    'compliance.check': ({ sessionId }) => compliance.check(sessionId),
    'compliance.scanText': ({ text }) => ({ findings: compliance.scanText(text) }),
    'compliance.getWords': () => compliance.words(),
    'compliance.setWords': ({ terms }) => compliance.setWords(terms),
    'compliance.resetWords': () => compliance.resetWords(),
  };
  return { handlers, live };
}
