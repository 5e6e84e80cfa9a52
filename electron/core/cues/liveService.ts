import type { AdvanceResult, CueActionKind, CueActionResult, CueView, HostMessage, PinnedQuestion, Segment } from '../../../shared/contract/cues.js';
import { cueReducer, type CueAction, type CueRefusal, type CueState } from '../../../shared/domain/cues/cueState.js';
import { renderOverlay } from '../../../shared/domain/cues/overlay.js';
import { AppError, assertNever, toErrorBody, type ErrorCode } from '../../../shared/errors.js';
import type { NewEvent } from '../store/eventLog.js';
import type { CueContext } from './context.js';
import { toSession, type SessionRow } from './cueRepo.js';
import type { Touched } from './planService.js';
import { segmentFieldsOf, toSegment } from './views.js';

const MAX_PINS = 10;

function refusalCode(r: CueRefusal): ErrorCode {
  switch (r) {
    case 'UNKNOWN_SEGMENT':
      return 'NOT_FOUND';
    case 'NOT_LIVE':
    case 'ALREADY_LIVE':
    case 'ENDED':
    case 'EMPTY':
    case 'AT_END':
    case 'AT_START':
    case 'MOVED_ON':
      return 'CONFLICT';
    default:
      return assertNever(r, 'cue refusal');
  }
}

interface Committed {
  readonly session: SessionRow;
  readonly segment: Segment | null;
}

/**
 * Live execution: Start / Next / Previous / Go to / End, and producer → host messages.
 *
 * An advance is a transaction (SegmentStarted + ProductPresented events and the session's live position), then
 * the segment's OBS actions on "main": the scene switch is sent first (it is what the audience sees), then
 * `cues.advanced` is pushed — the host view never waits for OBS — then the overlay text and the scene item
 * toggles, all in flight together. A failed action is reported in the result and raised as an alert; the
 * advance stands.
 */
export function createLiveService(ctx: CueContext) {
  const { deps, repo, views } = ctx;
  const { db, clock, newId, emit, obs, alerts, log } = deps;
  /** What this core last put on the overlay, so that a live edit of the product updates it only when it changes. */
  let lastOverlay: { segmentId: string; target: string; text: string } | null = null;

  const stateOf = (s: SessionRow): CueState => ({
    status: s.status === 'planned' ? 'idle' : s.status,
    segmentIds: repo.segments(s.id).map((x) => x.id),
    currentId: s.current_segment_id,
    segmentStartedAt: s.segment_started_at,
    showStartedAt: s.started_at,
  });

  const addPin = (text: string, author: string | null, commentId: string | null): PinnedQuestion => {
    const pin = db.transaction((): PinnedQuestion => {
      if (repo.activePins().length >= MAX_PINS) throw new AppError('CONFLICT', `at most ${MAX_PINS} questions can be pinned; unpin one first`);
      const p: PinnedQuestion = { id: newId(), text, author, pinnedAt: clock.now() };
      const sessionId = repo.liveSession()?.id ?? null;
      ctx.append([
        commentId === null
          ? { type: 'HostQuestionPinned', sessionId, subject: 'host', payload: p }
          : { type: 'HostQuestionPinned', sessionId, subject: `comment:${commentId}`, payload: { ...p, commentId } },
      ]);
      repo.insertPin(p);
      return p;
    })();
    emit('host.pinsChanged', { pins: repo.activePins() });
    return pin;
  };
  const removePin = (pinId: string): void => {
    const at = clock.now();
    if (!repo.unpin(pinId, at)) throw new AppError('NOT_FOUND', `question ${pinId} is not pinned`);
    ctx.append([{ type: 'HostQuestionUnpinned', sessionId: repo.liveSession()?.id ?? null, subject: 'host', payload: { pinId, at } }]);
  };
  // The link comment → host pin lives in the log: HostQuestionPinned with the comment as subject (indexed).
  const activePinQuery = db
    .prepare(
      `SELECT p.id FROM event_log e JOIN host_pins p ON p.id = json_extract(e.payload, '$.id')
        WHERE e.subject = ? AND e.type = 'HostQuestionPinned' AND p.unpinned_at IS NULL ORDER BY e.seq DESC LIMIT 1`,
    )
    .pluck();
  const activePinOf = (commentId: string): string | undefined => activePinQuery.get(`comment:${commentId}`) as string | undefined;
  const commentOfPinQuery = db
    .prepare(`SELECT json_extract(payload, '$.commentId') FROM event_log WHERE type = 'HostQuestionPinned' AND json_extract(payload, '$.id') = ? LIMIT 1`)
    .pluck();

  const liveSession = (): SessionRow => {
    const s = repo.liveSession();
    if (!s) throw new AppError('CONFLICT', 'no show is live: start one with cues.start');
    return s;
  };

  const commit = db.transaction((sessionId: string | null, action: CueAction): Committed => {
    const session = sessionId === null ? liveSession() : ctx.session(sessionId);
    if (action.type === 'start') {
      const other = repo.liveSession();
      if (other && other.id !== session.id) throw new AppError('CONFLICT', `the show "${other.title}" is live; end it first`);
    }
    const outcome = cueReducer(stateOf(session), action);
    if (!outcome.ok) throw new AppError(refusalCode(outcome.refusal), outcome.message);
    const { state, via } = outcome;
    const at = action.at;
    const events: NewEvent[] = [];
    const sid = session.id;
    if (via === 'start') events.push({ type: 'ShowStarted', sessionId: sid, subject: `session:${sid}`, payload: { sessionId: sid, at } });
    let segment: Segment | null = null;
    let presentation: Parameters<typeof repo.present>[0] = null;
    if (via === 'end') {
      events.push({ type: 'ShowEnded', sessionId: sid, subject: `session:${sid}`, payload: { sessionId: sid, at, lastSegmentId: state.currentId } });
    } else {
      const row = repo.segment(state.currentId ?? '');
      if (!row) throw new AppError('NOT_FOUND', `segment ${state.currentId ?? ''} does not exist`);
      segment = toSegment(row);
      const index = state.segmentIds.indexOf(segment.id);
      events.push({
        type: 'SegmentStarted',
        sessionId: sid,
        subject: `segment:${segment.id}`,
        payload: {
          sessionId: sid,
          segmentId: segment.id,
          index,
          title: segment.title,
          plannedDurationSec: segment.plannedDurationSec,
          obsScene: segment.obsScene,
          productId: segment.productId,
          via,
          previousSegmentId: outcome.previousId,
          at,
        },
      });
      const { product, queueItemId } = views.productFor(sid, segment.productId);
      if (product) {
        events.push({
          type: 'ProductPresented',
          sessionId: sid,
          subject: `product:${product.productId}`,
          payload: {
            sessionId: sid,
            segmentId: segment.id,
            productId: product.productId,
            queueItemId,
            sku: product.sku,
            name: product.name,
            price: product.price,
            promoPrice: product.promoPrice,
            stock: product.stock,
            coupon: product.coupon,
            at,
          },
        });
      }
      presentation = { id: newId(), sessionId: sid, segmentId: segment.id, productId: product?.productId ?? null, queueItemId, via, startedAt: at };
    }
    const hlcs = ctx.append(events);
    repo.setLivePosition(sid, {
      status: state.status === 'idle' ? 'planned' : state.status,
      startedAt: state.showStartedAt,
      endedAt: via === 'end' ? at : null,
      currentSegmentId: state.currentId,
      segmentStartedAt: state.segmentStartedAt,
      via,
      hlc: hlcs.at(-1) ?? session.updated_hlc,
    });
    repo.present(presentation, sid, at);
    const after = repo.session(sid);
    if (!after) throw new AppError('INTERNAL', 'session vanished');
    return { session: after, segment };
  });

  /** Runs one OBS action; never rejects. */
  const act = async (kind: CueActionKind, target: string, run: () => Promise<void>): Promise<CueActionResult> => {
    const t0 = performance.now();
    try {
      await run();
      return { kind, target, ok: true, error: null, ms: Math.round((performance.now() - t0) * 10) / 10 };
    } catch (e) {
      const body = toErrorBody(e);
      return { kind, target, ok: false, error: { code: body.code, message: body.message }, ms: Math.round((performance.now() - t0) * 10) / 10 };
    }
  };

  const overlayAction = (segment: Segment, sessionId: string): Promise<CueActionResult> | null => {
    if (segment.overlayTemplate === null) return null;
    const target = segment.overlayTarget;
    if (target === null) {
      return Promise.resolve({ kind: 'overlay', target: '(none)', ok: false, error: { code: 'BAD_INPUT', message: 'the overlay has no target text source' }, ms: 0 });
    }
    const { product } = views.productFor(sessionId, segment.productId);
    const text = renderOverlay(segment.overlayTemplate, product).text;
    lastOverlay = { segmentId: segment.id, target, text };
    return act('overlay', target, () => obs.setText(target, text));
  };

  const report = (segment: Segment, actions: readonly CueActionResult[]): void => {
    const failed = actions.filter((a) => !a.ok);
    const subject = `segment:${segment.id}`;
    try {
      if (failed.length > 0) {
        alerts.raise({
          rule: 'cues.actionFailed',
          severity: 'warning',
          subject,
          message: `Segment "${segment.title}": ${failed.map((a) => `${a.kind} ${a.target}: ${a.error?.message ?? 'failed'}`).join('; ')}`,
        });
      } else alerts.clear('cues.actionFailed', subject);
      deps.events.enqueue({
        type: 'CueActionsPerformed',
        sessionId: segment.sessionId,
        subject,
        payload: { segmentId: segment.id, actions },
      });
    } catch (e) {
      log.error('could not record the cue actions', { segmentId: segment.id, error: String(e) });
    }
    if (failed.length > 0) log.warn('cue actions failed', { segmentId: segment.id, failed });
    deps.onActions?.(segment.id, actions);
  };

  const advance = async (sessionId: string | null, action: CueAction): Promise<AdvanceResult> => {
    const { session, segment } = commit(sessionId, action);
    if (!segment) {
      const cue = views.cue(session);
      emit('cues.advanced', cue);
      emit('session.changed', toSession(session));
      return { cue, actions: [] };
    }
    // The scene switch goes out first: it is what the audience sees, and the benchmark's clock.
    const scene = segment.obsScene;
    const pending: Promise<CueActionResult>[] = scene === null ? [] : [act('scene', scene, () => obs.setScene(scene))];
    const cue = views.cue(session);
    emit('cues.advanced', cue);
    if (action.type === 'start') emit('session.changed', toSession(session));
    const overlay = overlayAction(segment, session.id);
    if (overlay) pending.push(overlay);
    for (const t of segment.sceneItems) {
      pending.push(act('sceneItem', `${t.scene} / ${t.source}`, () => obs.setSceneItemEnabled(t.scene, t.source, t.enabled)));
    }
    const actions = await Promise.all(pending);
    report(segment, actions);
    return { cue, actions };
  };

  return {
    start: (sessionId: string, segmentId: string | undefined) =>
      advance(sessionId, segmentId === undefined ? { type: 'start', at: clock.now() } : { type: 'start', at: clock.now(), segmentId }),
    next: (from: string | undefined) => advance(null, from === undefined ? { type: 'next', at: clock.now() } : { type: 'next', at: clock.now(), from }),
    previous: (from: string | undefined) =>
      advance(null, from === undefined ? { type: 'previous', at: clock.now() } : { type: 'previous', at: clock.now(), from }),
    goto: (segmentId: string) => advance(null, { type: 'goto', at: clock.now(), segmentId }),
    async end(): Promise<CueView> {
      return (await advance(null, { type: 'end', at: clock.now() })).cue;
    },
    current: (): CueView => views.cue(repo.liveSession()),

    /**
     * Something the live view shows was edited (a price, the stock, the segment): push the view again, and put
     * the overlay text on OBS again when its rendering changed. Nothing happens for shows that are not on air.
     */
    touched(t: Touched): void {
      const s = repo.liveSession();
      if (s?.id !== t.sessionId || s.current_segment_id === null) return;
      const row = repo.segment(s.current_segment_id);
      if (!row) return;
      const f = segmentFieldsOf(row.fields);
      const relevant =
        (t.productIds === undefined && t.segmentIds === undefined) ||
        (t.segmentIds ?? []).length > 0 ||
        (f.productId !== null && (t.productIds ?? []).includes(f.productId));
      if (!relevant) return;
      const cue = views.cue(s);
      emit('cues.updated', cue);
      const segment = cue.segment;
      if (!segment || segment.overlayTemplate === null || segment.overlayTarget === null || cue.overlayText === null) return;
      const same = lastOverlay?.segmentId === segment.id && lastOverlay.target === segment.overlayTarget && lastOverlay.text === cue.overlayText;
      if (same) return;
      const overlay = overlayAction(segment, s.id);
      if (!overlay) return;
      void overlay.then((a) => {
        report(segment, [a]);
      });
    },

    message(text: string, from: string | null): HostMessage {
      const m = db.transaction((): HostMessage => {
        const msg: HostMessage = { id: newId(), sessionId: repo.liveSession()?.id ?? null, text, from, postedAt: clock.now() };
        ctx.append([{ type: 'HostMessagePosted', sessionId: msg.sessionId, subject: 'host', payload: msg }]);
        repo.insertMessage(msg);
        return msg;
      })();
      emit('host.messagePosted', m);
      return m;
    },
    pin(text: string, author: string | null): PinnedQuestion {
      return addPin(text, author, null);
    },
    unpin(pinId: string): { pins: PinnedQuestion[] } {
      db.transaction(() => {
        removePin(pinId);
      })();
      const pins = repo.activePins();
      emit('host.pinsChanged', { pins });
      return { pins };
    },
    /**
     * Puts an audience comment on the host view, linked to it (the HostQuestionPinned fact has the comment as
     * its subject). Idempotent: a comment that is already on the host view keeps its pin.
     */
    pinComment(commentId: string, text: string, author: string | null): PinnedQuestion {
      const active = activePinOf(commentId);
      const existing = active === undefined ? undefined : repo.activePins().find((p) => p.id === active);
      return existing ?? addPin(text, author, commentId);
    },
    /** Takes a comment's question off the host view; false when it was not there. */
    unpinComment(commentId: string): boolean {
      const pinId = activePinOf(commentId);
      if (pinId === undefined) return false;
      db.transaction(() => {
        removePin(pinId);
      })();
      emit('host.pinsChanged', { pins: repo.activePins() });
      return true;
    },
    /** The comment a host pin was made from; null for a pin typed by the producer. */
    commentOfPin(pinId: string): string | null {
      return (commentOfPinQuery.get(pinId) as string | null | undefined) ?? null;
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
