import type {
  QueueField,
  QueueItem,
  QueueOverrides,
  Script,
  ScriptTemplateName,
  Segment,
  SegmentField,
  SegmentFields,
  SegmentPatch,
  Session,
  TemplateOptions,
} from '../../../shared/contract/cues.js';
import { keysBetween, placeAt, type Keyed } from '../../../shared/domain/cues/fractionalIndex.js';
import { concurrentSince, mergeWrite, type Registers } from '../../../shared/domain/cues/lww.js';
import { mergeQueueProduct, priceProblem } from '../../../shared/domain/cues/queueProduct.js';
import {
  describeImportErrors,
  exportScriptJson,
  exportScriptMarkdown,
  importScriptJson,
  importScriptMarkdown,
  normaliseSegment,
  type ImportError,
  type PortableSegment,
} from '../../../shared/domain/cues/scriptFormat.js';
import { buildTemplate } from '../../../shared/domain/cues/templates.js';
import { AppError } from '../../../shared/errors.js';
import type { NewEvent } from '../store/eventLog.js';
import type { CueContext } from './context.js';
import type { QueueRow, SessionRow } from './cueRepo.js';
import { overridesOf, segmentFieldsOf, toSegment } from './views.js';

export interface Placement {
  readonly before?: string | null | undefined;
  readonly after?: string | null | undefined;
}

export interface QueueUpdate {
  readonly patch: QueueOverrides;
  readonly reset: readonly QueueField[];
  readonly baseHlc?: string | undefined;
}

export type ScriptFormat = 'json' | 'markdown';

/** What changed, for the live view: the cue service refreshes the host view when it is on air. */
export interface Touched {
  readonly sessionId: string;
  readonly productIds?: readonly string[];
  readonly segmentIds?: readonly string[];
}

/** Where an item goes in `list` (which does not contain it): before / after another, or at the end. */
function indexFor(list: readonly Keyed[], p: Placement, what: string): number {
  const find = (id: string): number => {
    const i = list.findIndex((x) => x.id === id);
    if (i < 0) throw new AppError('NOT_FOUND', `${what} ${id} is not in this list`);
    return i;
  };
  if (p.before !== undefined) return p.before === null ? list.length : find(p.before);
  if (p.after !== undefined) return p.after === null ? 0 : find(p.after) + 1;
  return list.length;
}

const TITLE_MAX = 200;

/** Sessions, their queue and their run-of-show. Every change: events + projection in one transaction. */
export function createPlanService(ctx: CueContext, touched: (t: Touched) => void) {
  const { deps, repo, views } = ctx;
  const { db, clock, newId, catalog, emit } = deps;

  const notEnded = (s: SessionRow): void => {
    if (s.status === 'ended') throw new AppError('CONFLICT', `the show "${s.title}" has ended`);
  };
  const queueItem = (id: string): QueueRow => {
    const r = repo.queueItem(id);
    if (!r) throw new AppError('NOT_FOUND', `queue item ${id} does not exist`);
    return r;
  };
  const segmentRow = (id: string) => {
    const r = repo.segment(id);
    if (!r || r.removed) throw new AppError('NOT_FOUND', `segment ${id} does not exist`);
    return r;
  };
  const keyed = (rows: readonly { id: string; position: string }[]): Keyed[] => rows.map((r) => ({ id: r.id, key: r.position }));
  /** The segment on air, which must not be removed. */
  const onAir = (sessionId: string): string | null => {
    const s = repo.session(sessionId);
    return s?.status === 'live' ? s.current_segment_id : null;
  };

  const queueChanged = (sessionId: string, changed: string[], reason: 'added' | 'removed' | 'moved' | 'updated' | 'imported' | 'catalog'): void => {
    emit('queue.changed', { sessionId, items: views.queue(sessionId), changed, reason });
  };
  const scriptChanged = (sessionId: string): Script => {
    const script = views.script(sessionId);
    emit('script.changed', script);
    return script;
  };

  // -------------------------------------------------------------------------------------------------- sessions

  const createSession = db.transaction((title: string, plannedStart: number | null): Session => {
    const session: Session = { id: newId(), title, plannedStart, status: 'planned', createdAt: clock.now(), startedAt: null, endedAt: null };
    const [hlc] = ctx.append([{ type: 'SessionCreated', sessionId: session.id, subject: `session:${session.id}`, payload: session }]);
    repo.insertSession(session, hlc ?? '');
    return session;
  });

  // -------------------------------------------------------------------------------------------------- queue

  const moved = (sessionId: string, id: string, position: string): NewEvent => ({
    type: 'QueueItemMoved',
    sessionId,
    subject: `queue:${id}`,
    payload: { itemId: id, sessionId, position },
  });
  const rekeyQueue = (rekeys: readonly Keyed[], hlcs: readonly string[]): void => {
    rekeys.forEach((r, i) => repo.setQueuePosition(r.id, r.key, hlcs[i] ?? ''));
  };

  const addToQueue = (s: SessionRow, productId: string, placement: Placement): string => {
    const product = catalog.get(productId);
    if (!product) throw new AppError('NOT_FOUND', `product ${productId} does not exist`);
    if (repo.queueItemOfProduct(s.id, productId)) throw new AppError('CONFLICT', `"${product.name}" is already in this show's queue`);
    const list = keyed(repo.queue(s.id));
    const { key, rekeys } = placeAt(list, indexFor(list, placement, 'queue item'));
    const id = newId();
    const [hlc, ...rest] = ctx.append([
      { type: 'QueueItemAdded', sessionId: s.id, subject: `queue:${id}`, payload: { itemId: id, sessionId: s.id, productId, position: key, product } },
      ...rekeys.map((r) => moved(s.id, r.id, r.key)),
    ]);
    repo.insertQueueItem({ id, sessionId: s.id, productId, position: key, snapshot: product, addedAt: clock.now() }, hlc ?? '');
    rekeyQueue(rekeys, rest);
    return id;
  };

  const addTx = db.transaction((sessionId: string, productId: string, placement: Placement): string => {
    const s = ctx.session(sessionId);
    notEnded(s);
    return addToQueue(s, productId, placement);
  });

  const removeTx = db.transaction((itemId: string): QueueRow => {
    const item = queueItem(itemId);
    notEnded(ctx.session(item.sessionId));
    const [hlc] = ctx.append([
      { type: 'QueueItemRemoved', sessionId: item.sessionId, subject: `queue:${itemId}`, payload: { itemId, sessionId: item.sessionId } },
    ]);
    repo.removeQueueItem(itemId, clock.now(), hlc ?? '');
    return item;
  });

  const moveTx = db.transaction((sessionId: string, itemId: string, placement: Placement): void => {
    const item = queueItem(itemId);
    if (item.sessionId !== sessionId) throw new AppError('NOT_FOUND', `queue item ${itemId} is not in session ${sessionId}`);
    notEnded(ctx.session(sessionId));
    if (placement.before === itemId || placement.after === itemId) throw new AppError('BAD_INPUT', 'an item cannot be placed next to itself');
    const list = keyed(repo.queue(sessionId).filter((r) => r.id !== itemId));
    const { key, rekeys } = placeAt(list, indexFor(list, placement, 'queue item'));
    const [hlc, ...rest] = ctx.append([moved(sessionId, itemId, key), ...rekeys.map((r) => moved(sessionId, r.id, r.key))]);
    repo.setQueuePosition(itemId, key, hlc ?? '');
    rekeyQueue(rekeys, rest);
  });

  const updateTx = db.transaction((itemId: string, u: QueueUpdate) => {
    const item = queueItem(itemId);
    notEnded(ctx.session(item.sessionId));
    const set = Object.fromEntries(Object.entries(u.patch).filter(([, v]) => v !== undefined)) as Partial<Record<QueueField, unknown>>;
    const reset = u.reset.filter((f) => set[f] === undefined);
    const fields = [...(Object.keys(set) as QueueField[]), ...reset];
    if (fields.length === 0) throw new AppError('BAD_INPUT', 'nothing to change: give a patch or fields to reset');
    // Check the prices as they will stand (other fields as they are now).
    const tentative = mergeWrite(item.fields, { hlc: '\uffff', set, reset }).registers;
    const merged = mergeQueueProduct(catalog.get(item.productId), item.snapshot, overridesOf(tentative));
    const problem = priceProblem(merged);
    if (problem) throw new AppError('BAD_INPUT', problem);
    if (set.price !== undefined && (set.price as { currency: string }).currency !== item.snapshot.price.currency) {
      throw new AppError('BAD_INPUT', `price must be in ${item.snapshot.price.currency}, the product's currency`);
    }
    const superseded =
      u.baseHlc === undefined
        ? []
        : concurrentSince(item.fields, fields, u.baseHlc).map(({ field, register }) => ({
            field,
            theirValue: register.set ? register.value : undefined,
            theirHlc: register.hlc,
          }));
    const [hlc] = ctx.append([
      {
        type: 'QueueItemUpdated',
        sessionId: item.sessionId,
        subject: `queue:${itemId}`,
        payload: { itemId, sessionId: item.sessionId, set, reset, baseHlc: u.baseHlc ?? null, superseded: superseded.map((s) => s.field) },
      },
    ]);
    // The event's HLC is the clock of every field it writes; a newer write already there is kept (never the case
    // for a local edit, whose HLC is the newest; the same code merges events that arrive from other machines).
    const merge = mergeWrite(item.fields, { hlc: hlc ?? '', set, reset });
    repo.setQueueFields(itemId, merge.registers);
    return { item, superseded };
  });

  // -------------------------------------------------------------------------------------------------- script

  const fullRegisters = (f: SegmentFields, hlc: string): Registers<SegmentField, unknown> =>
    mergeWrite<SegmentField, unknown>({}, { hlc, set: f }).registers;

  const checkProduct = (productId: string | null): void => {
    if (productId !== null && !catalog.get(productId)) throw new AppError('NOT_FOUND', `product ${productId} does not exist`);
  };

  /** Inserts segments at `index` of the session's script (inside a transaction). */
  const insertSegments = (sessionId: string, drafts: readonly SegmentFields[], index: number): string[] => {
    const list = keyed(repo.segments(sessionId));
    const lower = list[index - 1]?.key ?? null;
    const upper = list[index]?.key ?? null;
    // Neighbours sharing a key (concurrent inserts elsewhere) would leave no room: place one by one then.
    const keys =
      lower !== null && upper !== null && lower >= upper
        ? [placeAt(list, index).key]
        : keysBetween(lower, upper, drafts.length);
    const at = clock.now();
    const ids = drafts.map(() => newId());
    const fields = drafts.map((d) => normaliseSegment(d));
    const hlcs = ctx.append(
      fields.map((f, i) => ({
        type: 'SegmentAdded',
        sessionId,
        subject: `segment:${ids[i] ?? ''}`,
        payload: { segmentId: ids[i], sessionId, position: keys[i] ?? keys[0], fields: f },
      })),
    );
    fields.forEach((f, i) => {
      repo.insertSegment({ id: ids[i] ?? '', sessionId, position: keys[i] ?? keys[0] ?? '', fields: fullRegisters(f, hlcs[i] ?? ''), at }, hlcs[i] ?? '');
    });
    return ids;
  };

  const removeSegments = (sessionId: string, ids: readonly string[]): void => {
    const live = onAir(sessionId);
    if (live !== null && ids.includes(live)) throw new AppError('CONFLICT', 'the segment on air cannot be removed; move on first');
    const hlcs = ctx.append(ids.map((id) => ({ type: 'SegmentRemoved', sessionId, subject: `segment:${id}`, payload: { segmentId: id, sessionId } })));
    const at = clock.now();
    ids.forEach((id, i) => repo.removeSegment(id, at, hlcs[i] ?? ''));
  };

  const addSegmentTx = db.transaction((sessionId: string, draft: SegmentFields, after: string | null | undefined): string => {
    notEnded(ctx.session(sessionId));
    checkProduct(draft.productId);
    const list = keyed(repo.segments(sessionId));
    const index = after === undefined ? list.length : indexFor(list, { after }, 'segment');
    return insertSegments(sessionId, [draft], index)[0] ?? '';
  });

  const updateSegmentTx = db.transaction((segmentId: string, patch: SegmentPatch): string => {
    const row = segmentRow(segmentId);
    notEnded(ctx.session(row.sessionId));
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<SegmentFields>;
    if (set.productId !== undefined) checkProduct(set.productId);
    const current = segmentFieldsOf(row.fields);
    const normal = normaliseSegment({ ...current, ...set });
    for (const k of ['script', 'notes', 'overlayTemplate'] as const) if (set[k] !== undefined) set[k] = normal[k] as never;
    const [hlc] = ctx.append([{ type: 'SegmentUpdated', sessionId: row.sessionId, subject: `segment:${segmentId}`, payload: { segmentId, sessionId: row.sessionId, set } }]);
    repo.setSegmentFields(segmentId, mergeWrite(row.fields, { hlc: hlc ?? '', set }).registers, clock.now());
    return row.sessionId;
  });

  const moveSegmentTx = db.transaction((segmentId: string, placement: Placement): string => {
    const row = segmentRow(segmentId);
    notEnded(ctx.session(row.sessionId));
    if (placement.before === segmentId || placement.after === segmentId) throw new AppError('BAD_INPUT', 'a segment cannot be placed next to itself');
    const list = keyed(repo.segments(row.sessionId).filter((r) => r.id !== segmentId));
    const { key, rekeys } = placeAt(list, indexFor(list, placement, 'segment'));
    const moves = [{ id: segmentId, key }, ...rekeys];
    const hlcs = ctx.append(
      moves.map((m) => ({ type: 'SegmentMoved', sessionId: row.sessionId, subject: `segment:${m.id}`, payload: { segmentId: m.id, sessionId: row.sessionId, position: m.key } })),
    );
    const at = clock.now();
    moves.forEach((m, i) => repo.setSegmentPosition(m.id, m.key, hlcs[i] ?? '', at));
    return row.sessionId;
  });

  const duplicateTx = db.transaction((segmentId: string): string => {
    const row = segmentRow(segmentId);
    notEnded(ctx.session(row.sessionId));
    const f = segmentFieldsOf(row.fields);
    const suffix = ' (copy)';
    const title = f.title.length + suffix.length > TITLE_MAX ? `${f.title.slice(0, TITLE_MAX - suffix.length)}${suffix}` : `${f.title}${suffix}`;
    const list = keyed(repo.segments(row.sessionId));
    return insertSegments(row.sessionId, [{ ...f, title }], list.findIndex((x) => x.id === segmentId) + 1)[0] ?? '';
  });

  const replaceOrAppend = (sessionId: string, drafts: readonly SegmentFields[], mode: 'replace' | 'append'): void => {
    if (mode === 'replace') removeSegments(sessionId, repo.segments(sessionId).map((s) => s.id));
    insertSegments(sessionId, drafts, repo.segments(sessionId).length);
  };

  const templateTx = db.transaction((sessionId: string, name: ScriptTemplateName, mode: 'replace' | 'append', options: TemplateOptions): void => {
    notEnded(ctx.session(sessionId));
    const products = views.queue(sessionId).map((q) => ({ productId: q.productId, name: q.product.name }));
    const drafts = buildTemplate(name, products, options);
    replaceOrAppend(sessionId, drafts, mode);
    ctx.append([{ type: 'ScriptTemplateApplied', sessionId, payload: { sessionId, template: name, mode, segments: drafts.length } }]);
  });

  const importTx = db.transaction(
    (sessionId: string, format: ScriptFormat, segments: readonly { draft: SegmentFields }[], mode: 'replace' | 'append', addToQueueToo: boolean) => {
      const s = ctx.session(sessionId);
      notEnded(s);
      let added = 0;
      if (addToQueueToo) {
        const wanted = [...new Set(segments.map((x) => x.draft.productId).filter((p): p is string => p !== null))];
        for (const productId of wanted) {
          if (repo.queueItemOfProduct(sessionId, productId)) continue;
          addToQueue(s, productId, {});
          added++;
        }
      }
      replaceOrAppend(
        sessionId,
        segments.map((x) => x.draft),
        mode,
      );
      ctx.append([{ type: 'ScriptImported', sessionId, payload: { sessionId, format, mode, segments: segments.length, addedToQueue: added } }]);
      return added;
    },
  );

  const toPortable = (sessionId: string, s: Segment): PortableSegment => {
    let sku: string | null = null;
    if (s.productId !== null) sku = catalog.get(s.productId)?.sku ?? repo.queueItemOfProduct(sessionId, s.productId)?.snapshot.sku ?? null;
    return {
      title: s.title,
      plannedDurationSec: s.plannedDurationSec,
      productSku: sku,
      obsScene: s.obsScene,
      overlayTemplate: s.overlayTemplate,
      overlayTarget: s.overlayTarget,
      sceneItems: s.sceneItems,
      script: s.script,
      notes: s.notes,
    };
  };

  const fileBase = (title: string): string => {
    const base = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
    return base === '' ? 'run-of-show' : base.slice(0, 80);
  };

  return {
    createSession(title: string, plannedStart: number | null): Session {
      const s = createSession(title, plannedStart);
      emit('session.changed', s);
      return s;
    },

    queueList: (sessionId: string): QueueItem[] => {
      ctx.session(sessionId);
      return views.queue(sessionId);
    },
    queueAdd(sessionId: string, productId: string, placement: Placement): QueueItem {
      const id = addTx(sessionId, productId, placement);
      queueChanged(sessionId, [id], 'added');
      touched({ sessionId, productIds: [productId] });
      return views.queueItem(queueItem(id));
    },
    queueRemove(itemId: string): { itemId: string } {
      const item = removeTx(itemId);
      queueChanged(item.sessionId, [itemId], 'removed');
      touched({ sessionId: item.sessionId, productIds: [item.productId] });
      return { itemId };
    },
    queueMove(sessionId: string, itemId: string, placement: Placement): QueueItem {
      moveTx(sessionId, itemId, placement);
      queueChanged(sessionId, [itemId], 'moved');
      return views.queueItem(queueItem(itemId));
    },
    queueUpdate(itemId: string, u: QueueUpdate) {
      const { item, superseded } = updateTx(itemId, u);
      queueChanged(item.sessionId, [itemId], 'updated');
      touched({ sessionId: item.sessionId, productIds: [item.productId] });
      return { item: views.queueItem(queueItem(itemId)), superseded };
    },
    /** The catalog changed: sessions that queue these products see their queue again. */
    catalogChanged(productIds: readonly string[]): void {
      for (const sessionId of repo.sessionsQueuing(productIds)) {
        queueChanged(sessionId, [], 'catalog');
        touched({ sessionId, productIds });
      }
    },

    script: (sessionId: string): Script => {
      ctx.session(sessionId);
      return views.script(sessionId);
    },
    addSegment(sessionId: string, draft: SegmentFields, after: string | null | undefined): Segment {
      const id = addSegmentTx(sessionId, draft, after);
      scriptChanged(sessionId);
      touched({ sessionId, segmentIds: [id] });
      return toSegment(segmentRow(id));
    },
    updateSegment(segmentId: string, patch: SegmentPatch): Segment {
      const sessionId = updateSegmentTx(segmentId, patch);
      scriptChanged(sessionId);
      touched({ sessionId, segmentIds: [segmentId] });
      return toSegment(segmentRow(segmentId));
    },
    removeSegment(segmentId: string): { segmentId: string } {
      const sessionId = db.transaction(() => {
        const row = segmentRow(segmentId);
        notEnded(ctx.session(row.sessionId));
        removeSegments(row.sessionId, [segmentId]);
        return row.sessionId;
      })();
      scriptChanged(sessionId);
      touched({ sessionId, segmentIds: [segmentId] });
      return { segmentId };
    },
    moveSegment(segmentId: string, placement: Placement): Segment {
      const sessionId = moveSegmentTx(segmentId, placement);
      scriptChanged(sessionId);
      touched({ sessionId, segmentIds: [segmentId] });
      return toSegment(segmentRow(segmentId));
    },
    duplicateSegment(segmentId: string): Segment {
      const id = duplicateTx(segmentId);
      const row = segmentRow(id);
      scriptChanged(row.sessionId);
      touched({ sessionId: row.sessionId, segmentIds: [id] });
      return toSegment(row);
    },
    applyTemplate(sessionId: string, name: ScriptTemplateName, mode: 'replace' | 'append', options: TemplateOptions): Script {
      templateTx(sessionId, name, mode, options);
      touched({ sessionId });
      return scriptChanged(sessionId);
    },
    /** All or nothing: a file with any error imports nothing; the error names the lines. */
    importScript(sessionId: string, format: ScriptFormat, text: string, mode: 'replace' | 'append', addToQueueToo: boolean) {
      notEnded(ctx.session(sessionId));
      const parsed = format === 'json' ? importScriptJson(text) : importScriptMarkdown(text);
      const fail = (errors: readonly ImportError[]): never => {
        throw new AppError('BAD_INPUT', `the ${format === 'json' ? 'JSON' : 'Markdown'} script was not imported (nothing changed): ${describeImportErrors(errors)}`);
      };
      if (!parsed.ok) return fail(parsed.errors);
      // SKUs name products on every machine; resolve them all before writing anything.
      const unknown: ImportError[] = [];
      const drafts = parsed.segments.map(({ segment: s, productLine }) => {
        let productId: string | null = null;
        if (s.productSku !== null) {
          const p = catalog.getBySku(s.productSku);
          if (p) productId = p.id;
          else unknown.push({ line: productLine, column: null, message: `no product with SKU "${s.productSku}" in the catalog` });
        }
        const draft: SegmentFields = {
          title: s.title,
          plannedDurationSec: s.plannedDurationSec,
          productId,
          obsScene: s.obsScene,
          overlayTemplate: s.overlayTemplate,
          overlayTarget: s.overlayTarget,
          sceneItems: [...s.sceneItems],
          script: s.script,
          notes: s.notes,
        };
        return { draft };
      });
      if (unknown.length > 0) return fail(unknown);
      const addedToQueue = importTx(sessionId, format, drafts, mode, addToQueueToo);
      if (addedToQueue > 0) queueChanged(sessionId, [], 'imported');
      touched({ sessionId });
      return { script: scriptChanged(sessionId), imported: drafts.length, addedToQueue };
    },
    exportScript(sessionId: string, format: ScriptFormat): { text: string; fileName: string } {
      const s = ctx.session(sessionId);
      const segments = views.script(sessionId).segments.map((x) => toPortable(sessionId, x));
      const text = format === 'json' ? exportScriptJson(s.title, segments) : exportScriptMarkdown(s.title, segments);
      return { text, fileName: `${fileBase(s.title)}.run-of-show.${format === 'json' ? 'json' : 'md'}` };
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
