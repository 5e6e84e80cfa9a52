import type { Product } from '../../../shared/contract/catalog.js';
import type {
  CueView,
  CueVia,
  QueueField,
  QueueItem,
  QueueOverrides,
  QueueProduct,
  Script,
  Segment,
  SegmentField,
  SegmentFields,
} from '../../../shared/contract/cues.js';
import { clocksOf, latestHlc, valuesOf, type Registers } from '../../../shared/domain/cues/lww.js';
import { placeholdersOf, renderOverlay } from '../../../shared/domain/cues/overlay.js';
import { mergeQueueProduct } from '../../../shared/domain/cues/queueProduct.js';
import { cueTiming, type TimingThresholds } from '../../../shared/domain/cues/timing.js';
import type { CueRepo, QueueRow, SegmentRow, SessionRow } from './cueRepo.js';
import { toSession } from './cueRepo.js';

/** Reads the catalog (live products only; null for unknown or deleted ones). */
export interface CatalogReader {
  get(id: string): Product | null;
  getBySku(sku: string): Product | null;
}

/** What the cue service knows of OBS "main" for warnings: null while OBS is not connected. */
export interface ObsNames {
  sceneNames(): string[] | null;
  inputNames(): string[] | null;
}

export const SEGMENT_DEFAULTS: SegmentFields = {
  title: '',
  plannedDurationSec: 0,
  productId: null,
  obsScene: null,
  overlayTemplate: null,
  overlayTarget: null,
  sceneItems: [],
  script: '',
  notes: '',
};

export function segmentFieldsOf(regs: Registers<SegmentField, unknown>): SegmentFields {
  return { ...SEGMENT_DEFAULTS, ...(valuesOf(regs) as Partial<SegmentFields>) };
}

export function toSegment(r: SegmentRow): Segment {
  const f = segmentFieldsOf(r.fields);
  return {
    id: r.id,
    sessionId: r.sessionId,
    position: r.position,
    ...f,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    hlc: latestHlc({ ...clocksOf(r.fields), position: r.positionHlc }),
  };
}

export function overridesOf(regs: Registers<QueueField, unknown>): QueueOverrides {
  return valuesOf(regs) as QueueOverrides;
}

export interface ViewDeps {
  readonly repo: CueRepo;
  readonly catalog: CatalogReader;
  readonly obsNames: ObsNames;
  readonly now: () => number;
  readonly thresholds?: TimingThresholds;
}

export type Views = ReturnType<typeof createViews>;

export function createViews({ repo, catalog, obsNames, now, thresholds }: ViewDeps) {
  const queueItem = (r: QueueRow): QueueItem => {
    const overrides = overridesOf(r.fields);
    const clocks: Record<string, string> = { ...(clocksOf(r.fields) as Record<string, string>), position: r.positionHlc };
    return {
      id: r.id,
      sessionId: r.sessionId,
      productId: r.productId,
      position: r.position,
      product: mergeQueueProduct(catalog.get(r.productId), r.snapshot, overrides),
      overrides,
      fieldHlc: clocks,
      hlc: latestHlc(clocks),
      addedAt: r.addedAt,
    };
  };

  /** The product of a segment as this session sells it: its queue item's merge, else the catalog's values. */
  const productFor = (sessionId: string, productId: string | null): { product: QueueProduct | null; queueItemId: string | null } => {
    if (productId === null) return { product: null, queueItemId: null };
    const item = repo.queueItemOfProduct(sessionId, productId);
    if (item) return { product: mergeQueueProduct(catalog.get(productId), item.snapshot, overridesOf(item.fields)), queueItemId: item.id };
    const p = catalog.get(productId);
    return { product: p ? mergeQueueProduct(p, p, {}) : null, queueItemId: null };
  };

  const script = (sessionId: string): Script => {
    const segments = repo.segments(sessionId).map(toSegment);
    const scenes = obsNames.sceneNames();
    const inputs = obsNames.inputNames();
    const warnings: Script['warnings'] = [];
    const warn = (segmentId: string, message: string): void => {
      warnings.push({ segmentId, message });
    };
    for (const s of segments) {
      if (s.overlayTemplate !== null) {
        const { known, unknown } = placeholdersOf(s.overlayTemplate);
        if (unknown.length > 0) warn(s.id, `overlay has unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `{${u}}`).join(' ')}`);
        if (s.overlayTarget === null) warn(s.id, 'overlay text has no target text source');
        if (known.length > 0 && s.productId === null) warn(s.id, `overlay uses {${known[0] ?? ''}} but the segment has no product`);
      }
      if (s.productId !== null && !repo.queueItemOfProduct(sessionId, s.productId)) {
        warn(s.id, catalog.get(s.productId) ? 'product is not in the queue (catalog values are shown)' : 'product no longer exists in the catalog');
      }
      if (scenes && s.obsScene !== null && !scenes.includes(s.obsScene)) warn(s.id, `OBS has no scene "${s.obsScene}"`);
      if (inputs && s.overlayTarget !== null && !inputs.includes(s.overlayTarget)) warn(s.id, `OBS has no text source "${s.overlayTarget}"`);
      for (const t of s.sceneItems) if (scenes && !scenes.includes(t.scene)) warn(s.id, `OBS has no scene "${t.scene}" (for ${t.source})`);
    }
    return { sessionId, segments, totalPlannedSec: segments.reduce((n, s) => n + s.plannedDurationSec, 0), warnings };
  };

  const idle = (at: number): CueView => ({
    status: 'idle',
    session: null,
    segmentIndex: null,
    segmentCount: 0,
    segment: null,
    nextSegment: null,
    product: null,
    overlayText: null,
    startedAt: null,
    elapsedMs: 0,
    plannedMs: 0,
    remainingMs: null,
    overrun: false,
    timingLevel: 'ok',
    showStartedAt: null,
    showElapsedMs: 0,
    showPlannedMs: 0,
    showProjectedMs: 0,
    showOverrunMs: 0,
    via: null,
    serverTime: at,
    messages: repo.recentMessages(null, 20),
    pins: repo.activePins(),
  });

  /** What the host view shows for a session that is live (or has just ended). */
  const cue = (session: SessionRow | null): CueView => {
    const at = now();
    if (!session || session.status === 'planned') return idle(at);
    const segments = repo.segments(session.id);
    const index = segments.findIndex((s) => s.id === session.current_segment_id);
    const currentRow = index >= 0 ? segments[index] : session.current_segment_id ? repo.segment(session.current_segment_id) : null;
    const segment = currentRow ? toSegment(currentRow) : null;
    const next = index >= 0 ? segments[index + 1] : undefined;
    const { product } = productFor(session.id, segment?.productId ?? null);
    const clockAt = session.status === 'ended' ? (session.ended_at ?? at) : at;
    const timing = cueTiming({
      now: clockAt,
      plannedSec: segments.map((s) => segmentFieldsOf(s.fields).plannedDurationSec),
      currentIndex: index >= 0 ? index : null,
      segmentStartedAt: session.status === 'live' ? session.segment_started_at : null,
      showStartedAt: session.started_at,
      ...(thresholds ? { thresholds } : {}),
    });
    const nextFields = next ? segmentFieldsOf(next.fields) : null;
    return {
      status: session.status === 'live' ? 'live' : 'ended',
      session: toSession(session),
      segmentIndex: index >= 0 ? index : null,
      segmentCount: segments.length,
      segment,
      nextSegment: next && nextFields ? { id: next.id, title: nextFields.title, plannedDurationSec: nextFields.plannedDurationSec } : null,
      product,
      overlayText: segment?.overlayTemplate ? renderOverlay(segment.overlayTemplate, product).text : null,
      startedAt: session.status === 'live' ? session.segment_started_at : null,
      elapsedMs: timing.elapsedMs,
      plannedMs: timing.plannedMs,
      remainingMs: timing.remainingMs,
      overrun: timing.overrun,
      timingLevel: timing.level,
      showStartedAt: session.started_at,
      showElapsedMs: timing.showElapsedMs,
      showPlannedMs: timing.showPlannedMs,
      showProjectedMs: timing.showProjectedMs,
      showOverrunMs: timing.showOverrunMs,
      via: session.last_via satisfies CueVia | null,
      serverTime: at,
      messages: repo.recentMessages(session.id, 20),
      pins: repo.activePins(),
    };
  };

  return { queueItem, productFor, script, cue, queue: (sessionId: string): QueueItem[] => repo.queue(sessionId).map(queueItem) };
}
