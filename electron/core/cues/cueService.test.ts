import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/catalog.js';
import { ComplianceTermList, type CueActionResult, type CueView } from '../../../shared/contract/cues.js';
import type { PushedEvent } from '../../../shared/contract/index.js';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import { createAlertService, type AlertService } from '../alerts/alertService.js';
import { createCatalogService, type CatalogService } from '../catalog/catalogService.js';
import { createProductsRepo } from '../catalog/productsRepo.js';
import type { Clock } from '../clock.js';
import { createLogger, memorySink } from '../logger.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import { openTestStore } from '../store/testStore.js';
import type { CueObsPort } from './context.js';
import { createCueService, type CueService } from './cueService.js';
import { shippedComplianceTerms } from './handlers.js';

const T0 = 1_700_000_000_000;
const cny = (amount: number) => ({ amount, currency: 'CNY' });

/**
 * A stand-in for the cue service's OBS port (our own interface, not the OBS protocol): it records the calls the
 * service makes and can hold them open or fail them, to test ordering and failure handling. Against the real
 * OBS, tests/integration/cues.test.ts proves the same behaviour end to end.
 */
interface RecordingPort extends CueObsPort {
  calls: string[];
  fail: Map<string, AppError>;
  hold: boolean;
  release(): void;
}

function recordingPort(): RecordingPort {
  let held: (() => void)[] = [];
  const o: RecordingPort = {
    calls: [],
    fail: new Map(),
    hold: false,
    release() {
      const h = held;
      held = [];
      for (const r of h) r();
    },
    setScene: (scene) => run(`scene:${scene}`),
    setText: (input, text) => run(`text:${input}=${text}`),
    setSceneItemEnabled: (scene, source, enabled) => run(`item:${scene}/${source}=${enabled}`),
    sceneNames: () => ['Host', 'Product', 'Price Card'],
    inputNames: () => ['Host Title', 'Product Title', 'Price Text'],
  };
  const run = (call: string): Promise<void> => {
    o.calls.push(call);
    const err = [...o.fail].find(([k]) => call.startsWith(k))?.[1];
    const settle = (resolve: () => void, reject: (e: unknown) => void): void => {
      if (err) reject(err);
      else resolve();
    };
    return new Promise((resolve, reject) => {
      if (o.hold) held.push(() => settle(resolve, reject));
      else settle(resolve, reject);
    });
  };
  return o;
}

let db: Db;
let now: number;
let events: EventLog;
let catalog: CatalogService;
let alerts: AlertService;
let obs: RecordingPort;
let pushed: PushedEvent[];
let cues: CueService;
let actions: [string, readonly CueActionResult[]][];

const clock: Clock = { now: () => now, setTimeout: () => null, clearTimeout: () => undefined };

beforeEach(() => {
  ({ db, events } = openTestStore(clock, 7));
  now = T0;
  let n = 0;
  const newId = (): string => `id${String(++n).padStart(4, '0')}`;
  catalog = createCatalogService({ db, events, clock, newId, onChanged: () => undefined });
  pushed = [];
  alerts = createAlertService({ db, events, clock, newId, onChanged: (a) => pushed.push({ name: 'alerts.changed', payload: a }) });
  obs = recordingPort();
  actions = [];
  const products = createProductsRepo(db);
  cues = createCueService({
    db,
    events,
    clock,
    newId,
    log: createLogger('cues', memorySink()),
    catalog: { get: (id) => products.get(id), getBySku: (sku) => products.getBySku(sku) },
    obs,
    alerts,
    emit: (name, payload) => pushed.push({ name, payload } as PushedEvent),
    defaultTerms: shippedComplianceTerms(),
    onActions: (id, a) => actions.push([id, a]),
  });
});

afterEach(() => {
  db.close();
});

function product(sku: string, name: string, price: number, promo: number | null, stock: number): Product {
  return catalog.create({ sku, name, price: cny(price), promoPrice: promo === null ? null : cny(promo), stock, imageUrl: null, talkingPoints: [] });
}

function codeOf(fn: () => unknown): ErrorCode | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}
async function asyncCodeOf(p: Promise<unknown>): Promise<ErrorCode | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
}

const types = (): string[] => events.read().map((e) => e.type);
const pushedNames = (from = 0): string[] => pushed.slice(from).map((e) => e.name);

function showWithThree() {
  const s = cues.plan.createSession('春季新品专场', null);
  const cup = product('CUP-01', '保温杯', 12900, 9900, 120);
  const mug = product('MUG-02', '马克杯', 5900, null, 40);
  const pot = product('POT-03', '茶壶', 19900, 15900, 8);
  const items = [cup, mug, pot].map((p) => cues.plan.queueAdd(s.id, p.id, {}));
  const seg = (title: string, productId: string | null, scene: string, overlay: string | null) =>
    cues.plan.addSegment(
      s.id,
      {
        title,
        plannedDurationSec: 60,
        productId,
        obsScene: scene,
        overlayTemplate: overlay,
        overlayTarget: overlay === null ? null : 'Price Text',
        sceneItems: [],
        script: `${title} script`,
        notes: '',
      },
      undefined,
    );
  const segments = [
    seg('开场', null, 'Host', null),
    seg('保温杯', cup.id, 'Price Card', '{name}  ¥{promo_price}  仅剩 {stock} 件'),
    seg('马克杯', mug.id, 'Product', '{name}  ¥{promo_price}'),
    seg('茶壶', pot.id, 'Price Card', '{name}  ¥{promo_price}  仅剩 {stock} 件'),
  ];
  return { s, cup, mug, pot, items, segments };
}

describe('sessions and queue', () => {
  it('creates a session and queues products in order, each change an event with its projection', () => {
    const { s, items, cup } = showWithThree();
    expect(cues.sessions(10).map((x) => x.id)).toEqual([s.id]);
    const list = cues.plan.queueList(s.id);
    expect(list.map((i) => i.product.sku)).toEqual(['CUP-01', 'MUG-02', 'POT-03']);
    expect(list.map((i) => i.position)).toEqual([...list.map((i) => i.position)].sort());
    expect(list[0]?.product).toMatchObject({ name: '保温杯', price: cny(12900), promoPrice: cny(9900), stock: 120, overridden: [] });
    expect(types().filter((t) => t.startsWith('Session') || t.startsWith('Queue'))).toEqual(['SessionCreated', 'QueueItemAdded', 'QueueItemAdded', 'QueueItemAdded']);
    expect(codeOf(() => cues.plan.queueAdd(s.id, cup.id, {}))).toBe('CONFLICT');
    expect(codeOf(() => cues.plan.queueAdd(s.id, 'nope', {}))).toBe('NOT_FOUND');
    expect(codeOf(() => cues.plan.queueAdd('nope', cup.id, {}))).toBe('NOT_FOUND');
    expect(items).toHaveLength(3);
  });

  it('moves before / after / to either end and removes', () => {
    const { s, items } = showWithThree();
    const [a, b, c] = items.map((i) => i.id) as [string, string, string];
    const order = (): string[] => cues.plan.queueList(s.id).map((i) => i.id);
    cues.plan.queueMove(s.id, c, { before: a });
    expect(order()).toEqual([c, a, b]);
    cues.plan.queueMove(s.id, c, { after: b });
    expect(order()).toEqual([a, b, c]);
    cues.plan.queueMove(s.id, a, { before: null });
    expect(order()).toEqual([b, c, a]);
    cues.plan.queueMove(s.id, a, { after: null });
    expect(order()).toEqual([a, b, c]);
    expect(codeOf(() => cues.plan.queueMove(s.id, a, { after: a }))).toBe('BAD_INPUT');
    expect(codeOf(() => cues.plan.queueMove(s.id, a, { after: 'nope' }))).toBe('NOT_FOUND');
    const mark = pushed.length;
    cues.plan.queueRemove(b);
    expect(order()).toEqual([a, c]);
    const changed = pushed.slice(mark).find((e) => e.name === 'queue.changed');
    expect(changed?.payload).toMatchObject({ sessionId: s.id, changed: [b], reason: 'removed' });
    expect(types().filter((t) => t === 'QueueItemMoved')).toHaveLength(4);
    expect(types()).toContain('QueueItemRemoved');
  });

  it('keeps both edits when two staff change different fields of the same item', () => {
    const { items } = showWithThree();
    const item = items[0]!;
    const base = item.hlc;
    now += 10;
    const fromA = cues.plan.queueUpdate(item.id, { patch: { promoPrice: cny(8900) }, reset: [], baseHlc: base });
    now += 1;
    const fromB = cues.plan.queueUpdate(item.id, { patch: { stock: 37 }, reset: [], baseHlc: base });
    expect(fromA.superseded).toEqual([]);
    expect(fromB.superseded).toEqual([]);
    expect(fromB.item.product).toMatchObject({ promoPrice: cny(8900), stock: 37, overridden: ['promoPrice', 'stock'] });
    expect(Object.keys(fromB.item.fieldHlc).sort()).toEqual(['position', 'promoPrice', 'stock']);
    // A third edit of the promo price from the same stale view wins (last writer) but says whose edit it replaced.
    now += 1;
    const fromC = cues.plan.queueUpdate(item.id, { patch: { promoPrice: cny(7900) }, reset: [], baseHlc: base });
    expect(fromC.superseded).toEqual([{ field: 'promoPrice', theirValue: cny(8900), theirHlc: fromA.item.fieldHlc['promoPrice'] }]);
    expect(fromC.item.product.promoPrice).toEqual(cny(7900));
    // Reset goes back to the catalog.
    const reset = cues.plan.queueUpdate(item.id, { patch: {}, reset: ['promoPrice'] });
    expect(reset.item.product.promoPrice).toEqual(cny(9900));
    expect(reset.item.overrides).toEqual({ stock: 37 });
  });

  it('refuses price overrides that cannot stand', () => {
    const { items } = showWithThree();
    const id = items[0]!.id;
    expect(codeOf(() => cues.plan.queueUpdate(id, { patch: { promoPrice: cny(20000) }, reset: [] }))).toBe('BAD_INPUT');
    expect(codeOf(() => cues.plan.queueUpdate(id, { patch: { price: { amount: 100, currency: 'USD' } }, reset: [] }))).toBe('BAD_INPUT');
    expect(codeOf(() => cues.plan.queueUpdate(id, { patch: {}, reset: [] }))).toBe('BAD_INPUT');
    expect(cues.plan.queueList(items[0]!.sessionId)[0]?.overrides).toEqual({});
  });

  it('shows catalog edits in the queue unless overridden', () => {
    const { s, cup, items } = showWithThree();
    cues.plan.queueUpdate(items[0]!.id, { patch: { stock: 5 }, reset: [] });
    catalog.update(cup.id, { name: '保温杯 Pro', stock: 999 });
    const mark = pushed.length;
    cues.plan.catalogChanged([cup.id]);
    expect(cues.plan.queueList(s.id)[0]?.product).toMatchObject({ name: '保温杯 Pro', stock: 5 });
    expect(pushedNames(mark)).toEqual(['queue.changed']);
    catalog.remove(cup.id);
    expect(cues.plan.queueList(s.id)[0]?.product).toMatchObject({ name: '保温杯', deleted: true, stock: 5 });
  });
});

describe('run-of-show script', () => {
  it('adds, edits, moves, duplicates and removes segments', () => {
    const { s, segments } = showWithThree();
    const ids = (): string[] => cues.plan.script(s.id).segments.map((x) => x.id);
    const [open, cup, mug, pot] = segments.map((x) => x.id) as [string, string, string, string];
    expect(ids()).toEqual([open, cup, mug, pot]);
    const first = cues.plan.addSegment(s.id, { ...segments[0]!, title: 'Pre-roll' }, null);
    expect(ids()[0]).toBe(first.id);
    cues.plan.moveSegment(first.id, { after: pot });
    expect(ids().at(-1)).toBe(first.id);
    const updated = cues.plan.updateSegment(cup, { script: '\n\n  line one\r\nline two\n\n', overlayTemplate: '' });
    expect(updated).toMatchObject({ script: '  line one\nline two', overlayTemplate: null, title: '保温杯' });
    const copy = cues.plan.duplicateSegment(cup);
    expect(ids().slice(0, 3)).toEqual([open, cup, copy.id]);
    expect(copy).toMatchObject({ title: '保温杯 (copy)', script: '  line one\nline two' });
    cues.plan.removeSegment(copy.id);
    expect(ids()).not.toContain(copy.id);
    expect(codeOf(() => cues.plan.updateSegment(copy.id, { title: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(() => cues.plan.updateSegment(cup, { productId: 'nope' }))).toBe('NOT_FOUND');
    expect(types().filter((t) => t.startsWith('Segment'))).toEqual([
      'SegmentAdded',
      'SegmentAdded',
      'SegmentAdded',
      'SegmentAdded',
      'SegmentAdded',
      'SegmentMoved',
      'SegmentUpdated',
      'SegmentAdded',
      'SegmentRemoved',
    ]);
  });

  it('warns about overlays that will not work', () => {
    const s = cues.plan.createSession('Show', null);
    const seg = cues.plan.addSegment(
      s.id,
      { title: 'A', plannedDurationSec: 60, productId: null, obsScene: 'Nope', overlayTemplate: '{name} {pirce}', overlayTarget: null, sceneItems: [], script: '', notes: '' },
      undefined,
    );
    expect(cues.plan.script(s.id).warnings.map((w) => [w.segmentId, w.message])).toEqual([
      [seg.id, 'overlay has unknown placeholder {pirce}'],
      [seg.id, 'overlay text has no target text source'],
      [seg.id, 'overlay uses {name} but the segment has no product'],
      [seg.id, 'OBS has no scene "Nope"'],
    ]);
  });

  it('imports all or nothing, names the lines, and exports what it imports', () => {
    const { s } = showWithThree();
    const before = cues.plan.script(s.id);
    const eventsBefore = events.count();
    const bad = '## A\n- duration: 5m\n- product: CUP-01\n\n## B\n- duration: 5x\n';
    expect(() => cues.plan.importScript(s.id, 'markdown', bad, 'replace', true)).toThrow(/line 6: "5x" is not a duration/);
    const unknownSku = '## A\n- duration: 5m\n- product: CUP-01\n\n## B\n- duration: 1m\n- product: NOPE-9\n';
    expect(() => cues.plan.importScript(s.id, 'markdown', unknownSku, 'replace', true)).toThrow(/line 7: no product with SKU "NOPE-9"/);
    expect(() => cues.plan.importScript(s.id, 'json', '{"format": "showrunner.script", "version": 1, "segments": [}', 'replace', true)).toThrow(
      /JSON script was not imported \(nothing changed\): line 1, column 60: expected a value/,
    );
    expect(cues.plan.script(s.id)).toEqual(before);
    expect(events.count()).toBe(eventsBefore);

    const md = cues.plan.exportScript(s.id, 'markdown');
    expect(md.fileName).toBe('春季新品专场.run-of-show.md');
    const json = cues.plan.exportScript(s.id, 'json');
    const other = cues.plan.createSession('Copy', null);
    const r = cues.plan.importScript(other.id, 'markdown', md.text, 'replace', true);
    expect(r).toMatchObject({ imported: 4, addedToQueue: 3 });
    expect(cues.plan.exportScript(other.id, 'json').text).toBe(json.text.replace('"title": "春季新品专场"', '"title": "Copy"'));
    // Replace swaps the segments; append adds after them.
    cues.plan.importScript(other.id, 'json', json.text, 'append', true);
    expect(cues.plan.script(other.id).segments).toHaveLength(8);
    cues.plan.importScript(other.id, 'json', json.text, 'replace', false);
    expect(cues.plan.script(other.id).segments.map((x) => x.title)).toEqual(['开场', '保温杯', '马克杯', '茶壶']);
    expect(types()).toContain('ScriptImported');
  });

  it('builds a rundown from the queue', () => {
    const { s } = showWithThree();
    const script = cues.plan.applyTemplate(s.id, 'rundown', 'replace', {
      hostScene: 'Host',
      productScene: 'Product',
      priceScene: 'Price Card',
      titleTarget: 'Product Title',
      priceTarget: 'Price Text',
    });
    expect(script.segments).toHaveLength(8);
    expect(script.warnings).toEqual([]);
  });
});

describe('live execution', () => {
  it('start → next → previous → goto → end: events, OBS actions, pushed views', async () => {
    const { s, segments, cup } = showWithThree();
    const started = await cues.live.start(s.id, undefined);
    expect(started.cue).toMatchObject({ status: 'live', segmentIndex: 0, segmentCount: 4, via: 'start', nextSegment: { title: '保温杯' } });
    expect(started.actions.map((a) => [a.kind, a.target, a.ok])).toEqual([['scene', 'Host', true]]);

    now += 65_000;
    const current = cues.live.current();
    expect(current).toMatchObject({ elapsedMs: 65_000, plannedMs: 60_000, overrun: true, timingLevel: 'overrun', remainingMs: -5_000, showElapsedMs: 65_000, showPlannedMs: 240_000 });

    obs.calls = [];
    const next = await cues.live.next(segments[0]!.id);
    expect(obs.calls).toEqual(['scene:Price Card', 'text:Price Text=保温杯  ¥99  仅剩 120 件']);
    expect(next.cue).toMatchObject({ segmentIndex: 1, overlayText: '保温杯  ¥99  仅剩 120 件', product: { productId: cup.id, stock: 120 }, elapsedMs: 0 });
    expect(await asyncCodeOf(cues.live.next(segments[0]!.id))).toBe('CONFLICT');

    await cues.live.previous(undefined);
    expect(cues.live.current().segmentIndex).toBe(0);
    await cues.live.goto(segments[3]!.id);
    expect(await asyncCodeOf(cues.live.next(undefined))).toBe('CONFLICT');
    expect(await asyncCodeOf(cues.live.goto('nope'))).toBe('NOT_FOUND');
    expect(codeOf(() => cues.plan.removeSegment(segments[3]!.id))).toBe('CONFLICT');

    const ended = await cues.live.end();
    expect(ended).toMatchObject({ status: 'ended', via: 'end' });
    expect(cues.live.current().status).toBe('idle');
    expect(await asyncCodeOf(cues.live.next(undefined))).toBe('CONFLICT');
    expect(codeOf(() => cues.plan.queueAdd(s.id, cup.id, {}))).toBe('CONFLICT');

    expect(types().filter((t) => ['ShowStarted', 'SegmentStarted', 'ProductPresented', 'ShowEnded'].includes(t))).toEqual([
      'ShowStarted',
      'SegmentStarted',
      'SegmentStarted',
      'ProductPresented',
      'SegmentStarted',
      'SegmentStarted',
      'ProductPresented',
      'ShowEnded',
    ]);
    const presented = events.read({ type: 'ProductPresented' })[0];
    expect(presented?.payload).toMatchObject({ productId: cup.id, sku: 'CUP-01', price: cny(12900), promoPrice: cny(9900), stock: 120 });
    const rows = db.prepare('SELECT segment_id, via, started_at, ended_at FROM cue_presentations ORDER BY started_at, rowid').all() as { ended_at: number | null }[];
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.ended_at !== null)).toBe(true);
    expect(pushedNames().filter((n) => n === 'cues.advanced')).toHaveLength(5);
  });

  it('pushes cues.advanced before the OBS actions complete, and sends the scene switch first', async () => {
    const { s } = showWithThree();
    await cues.live.start(s.id, undefined);
    obs.hold = true;
    obs.calls = [];
    const mark = pushed.length;
    let done = false;
    const p = cues.live.next(undefined).then((r) => {
      done = true;
      return r;
    });
    // OBS has not answered yet, but the host view already has the new segment.
    const advanced = pushed.slice(mark).find((e): e is Extract<PushedEvent, { name: 'cues.advanced' }> => e.name === 'cues.advanced');
    expect(advanced?.payload.segment?.title).toBe('保温杯');
    expect(obs.calls[0]).toBe('scene:Price Card');
    expect(done).toBe(false);
    obs.release();
    const r = await p;
    expect(r.actions.every((a) => a.ok)).toBe(true);
  });

  it('reports a failed action and raises an alert without undoing the advance', async () => {
    const { s, segments } = showWithThree();
    cues.plan.updateSegment(segments[1]!.id, { sceneItems: [{ scene: 'Price Card', source: 'Logo', enabled: false }] });
    await cues.live.start(s.id, undefined);
    obs.fail.set('text:', new AppError('OBS_REQUEST_FAILED', 'no such input'));
    const r = await cues.live.next(undefined);
    expect(r.actions.map((a) => [a.kind, a.ok, a.error?.code ?? null])).toEqual([
      ['scene', true, null],
      ['overlay', false, 'OBS_REQUEST_FAILED'],
      ['sceneItem', true, null],
    ]);
    expect(cues.live.current().segment?.id).toBe(segments[1]!.id);
    expect(alerts.active().map((a) => [a.rule, a.subject])).toEqual([['cues.actionFailed', `segment:${segments[1]!.id}`]]);
    expect(alerts.active()[0]?.message).toContain('overlay Price Text: no such input');
    // Back on the same segment with OBS fixed: the alert clears.
    obs.fail.clear();
    await cues.live.goto(segments[1]!.id);
    expect(alerts.active()).toEqual([]);
    events.flush();
    expect(events.read({ type: 'CueActionsPerformed' })).toHaveLength(3);
    expect(actions).toHaveLength(3);
  });

  it('updates the host view and the overlay when the product on air is edited', async () => {
    const { s, items } = showWithThree();
    await cues.live.start(s.id, undefined);
    await cues.live.next(undefined);
    obs.calls = [];
    const mark = pushed.length;
    cues.plan.queueUpdate(items[0]!.id, { patch: { stock: 99 }, reset: [] });
    await Promise.resolve();
    expect(obs.calls).toEqual(['text:Price Text=保温杯  ¥99  仅剩 99 件']);
    const updated = pushed.slice(mark).find((e) => e.name === 'cues.updated');
    expect((updated?.payload as CueView).product?.stock).toBe(99);
    // Another product's edit leaves the air alone.
    obs.calls = [];
    const mark2 = pushed.length;
    cues.plan.queueUpdate(items[1]!.id, { patch: { stock: 1 }, reset: [] });
    expect(obs.calls).toEqual([]);
    expect(pushedNames(mark2)).toEqual(['queue.changed']);
  });

  it('allows one live show at a time and refuses an empty script', async () => {
    const { s } = showWithThree();
    const other = cues.plan.createSession('Other', null);
    expect(await asyncCodeOf(cues.live.start(other.id, undefined))).toBe('CONFLICT');
    await cues.live.start(s.id, undefined);
    expect(await asyncCodeOf(cues.live.start(other.id, undefined))).toBe('CONFLICT');
    expect(await asyncCodeOf(cues.live.start(s.id, undefined))).toBe('CONFLICT');
  });
});

describe('host messages and pins', () => {
  it('posts messages to the live show and keeps at most ten pins', async () => {
    const { s } = showWithThree();
    await cues.live.start(s.id, undefined);
    const m = cues.live.message('30 秒后上链接', 'producer');
    expect(m).toMatchObject({ sessionId: s.id, text: '30 秒后上链接', from: 'producer' });
    expect(cues.live.current().messages.map((x) => x.text)).toEqual(['30 秒后上链接']);
    const pins = Array.from({ length: 10 }, (_, i) => cues.live.pin(`Q${i}`, null));
    expect(codeOf(() => cues.live.pin('Q10', null))).toBe('CONFLICT');
    expect(cues.live.unpin(pins[0]!.id).pins).toHaveLength(9);
    expect(codeOf(() => cues.live.unpin(pins[0]!.id))).toBe('NOT_FOUND');
    expect(types().filter((t) => t.startsWith('Host'))).toEqual(['HostMessagePosted', ...Array<string>(10).fill('HostQuestionPinned'), 'HostQuestionUnpinned']);
    expect(pushedNames().filter((n) => n === 'host.pinsChanged')).toHaveLength(11);
  });
});

describe('compliance', () => {
  it('ships a valid list', () => {
    const terms = shippedComplianceTerms();
    expect(terms.length).toBeGreaterThan(100);
    expect(ComplianceTermList.safeParse(terms).success).toBe(true);
    for (const t of ['最好', '第一', '国家级', '最低价', '绝对', '100%', 'best ever', 'guaranteed', '#1', 'number one', 'lowest price', "world's best", 'miracle', 'cure']) {
      expect(terms.some((x) => x.term === t), t).toBe(true);
    }
  });

  it('checks segments and queued products, with the studio list when set', () => {
    const { s, items, segments } = showWithThree();
    cues.plan.updateSegment(segments[1]!.id, { script: '这是全网最低价，绝对划算！' });
    cues.plan.queueUpdate(items[1]!.id, { patch: { talkingPoints: ['The best ever mug', 'dishwasher safe'] }, reset: [] });
    const report = cues.compliance.check(s.id);
    expect(report.findings.map((f) => [f.where, f.term, f.matched])).toEqual([
      ['segment.script', '全网最低价', '全网最低价'],
      ['segment.script', '绝对', '绝对'],
      ['product.talkingPoints', 'best ever', 'best ever'],
    ]);
    expect(report.summary).toMatchObject({ total: 3, banned: 3 });

    const custom = cues.compliance.setWords([{ term: '划算', lang: 'zh', category: 'price', severity: 'review', reason: 'studio rule', allow: [] }]);
    expect(custom).toMatchObject({ source: 'studio', updatedAt: T0 });
    expect(cues.compliance.check(s.id).findings.map((f) => f.term)).toEqual(['划算']);
    expect(cues.compliance.scanText('很划算').map((f) => f.index)).toEqual([1]);
    expect(cues.compliance.resetWords().source).toBe('default');
    expect(cues.compliance.check(s.id).findings).toHaveLength(3);
    expect(types().filter((t) => t === 'ComplianceWordsChanged')).toHaveLength(2);
  });
});
