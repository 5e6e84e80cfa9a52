import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OBSWebSocket, { EventSubscription } from 'obs-websocket-js';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Product } from '../../shared/contract/catalog.js';
import type { AdvanceResult, ComplianceReport, CueView, QueueItem, Script, Session } from '../../shared/contract/cues.js';
import type { CallContext } from '../../electron/core/dispatch.js';
import type { Result } from '../../shared/errors.js';
import { FIXTURE_START_SCENE } from '../fixtures/obs/obsFixture.js';
import { openCore, type CoreHarness } from './support/coreHarness.js';

const obs = inject('obs');
const FIXTURES = join(import.meta.dirname, '../fixtures/cues');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const cny = (amount: number) => ({ amount, currency: 'CNY' });

function value<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

describe('product cues against a real OBS', () => {
  let h: CoreHarness;
  // An independent client: what OBS reports is checked over OBS's own socket, not the core's.
  const observer = new OBSWebSocket();
  const call = <T>(command: string, input: unknown): Promise<T> => h.dispatch(command, input).then((r) => value(r as Result<T>, command));
  const programScene = async (): Promise<string> => (await observer.call('GetCurrentProgramScene')).currentProgramSceneName;
  const textOf = async (input: string): Promise<unknown> => (await observer.call('GetInputSettings', { inputName: input })).inputSettings['text'];
  const logoShown = async (scene: string): Promise<boolean> => {
    const { sceneItemId } = await observer.call('GetSceneItemId', { sceneName: scene, sourceName: 'Logo' });
    return (await observer.call('GetSceneItemEnabled', { sceneName: scene, sceneItemId })).sceneItemEnabled;
  };
  /** OBS applies a text change a moment after answering; poll its own answer briefly. */
  const eventuallyText = async (input: string, want: string): Promise<void> => {
    const until = Date.now() + 3000;
    let last: unknown;
    while (Date.now() < until) {
      last = await textOf(input);
      if (last === want) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(last).toBe(want);
  };

  let products: Record<'cup' | 'mug' | 'pot', Product>;
  let session: Session;
  let script: Script;

  beforeAll(async () => {
    await observer.connect(obs.url, obs.password, { rpcVersion: 1, eventSubscriptions: EventSubscription.None });
    await observer.call('SetCurrentProgramScene', { sceneName: FIXTURE_START_SCENE });
    h = openCore();
    await call('obs.configure', { name: 'main', url: obs.url, password: obs.password, autoConnect: true });
    await h.waitForObs((c) => c.status === 'identified' && c.scenes.length > 0, 'to be identified');
    products = {
      cup: await call<Product>('catalog.create', { sku: 'CUP-316', name: '保温杯 316', price: cny(12900), promoPrice: cny(9900), stock: 120 }),
      mug: await call<Product>('catalog.create', { sku: 'MUG-02', name: '马克杯', price: cny(5900), stock: 40 }),
      pot: await call<Product>('catalog.create', { sku: 'POT-03', name: '茶壶', price: cny(19900), promoPrice: cny(15900), stock: 8 }),
    };
    session = await call<Session>('session.create', { title: '春季新品专场' });
  });

  afterAll(async () => {
    // Files share one OBS: leave it as the fixture started.
    await observer.call('SetCurrentProgramScene', { sceneName: FIXTURE_START_SCENE });
    await observer.call('SetInputSettings', { inputName: 'Price Text', inputSettings: { text: '¥129.00' } });
    for (const scene of ['Price Card', 'Product']) {
      const { sceneItemId } = await observer.call('GetSceneItemId', { sceneName: scene, sourceName: 'Logo' });
      await observer.call('SetSceneItemEnabled', { sceneName: scene, sceneItemId, sceneItemEnabled: true });
    }
    await h.close();
    await observer.disconnect();
  });

  test('a session with 3 products and a zh Markdown script linked to OBS scenes', async () => {
    for (const p of [products.cup, products.mug, products.pot]) await call('queue.add', { sessionId: session.id, productId: p.id });
    const r = await call<{ script: Script; imported: number; addedToQueue: number }>('script.importMarkdown', {
      sessionId: session.id,
      text: fixture('show-zh.md'),
    });
    expect(r).toMatchObject({ imported: 4, addedToQueue: 0 });
    script = r.script;
    expect(script.segments.map((s) => [s.title, s.obsScene, s.overlayTarget])).toEqual([
      ['开场', 'Host', null],
      ['保温杯 316', 'Price Card', 'Price Text'],
      ['马克杯', 'Product', 'Price Text'],
      ['茶壶', 'Price Card', 'Price Text'],
    ]);
    // The script is checked against the scenes and sources OBS has: no warnings.
    expect(script.warnings).toEqual([]);
    await call('queue.update', { itemId: (await call<QueueItem[]>('queue.list', { sessionId: session.id }))[2]?.id, patch: { coupon: '满199减30' } });
  });

  test('cues.start and cues.next switch OBS and fill "Price Text" from the template', async () => {
    const started = await call<AdvanceResult>('cues.start', { sessionId: session.id });
    expect(started.cue).toMatchObject({ status: 'live', segmentIndex: 0, segment: { title: '开场' } });
    expect(started.actions).toMatchObject([{ kind: 'scene', target: 'Host', ok: true }]);
    expect(await programScene()).toBe('Host');

    const mark = h.pushed.length;
    const next = await call<AdvanceResult>('cues.next', { from: script.segments[0]?.id });
    expect(next.actions.map((a) => [a.kind, a.target, a.ok, a.error?.message ?? null])).toEqual([
      ['scene', 'Price Card', true, null],
      ['overlay', 'Price Text', true, null],
      ['sceneItem', 'Price Card / Logo', true, null],
    ]);
    expect(next.cue).toMatchObject({ segmentIndex: 1, overlayText: '保温杯 316  ¥99  仅剩 120 件', product: { sku: 'CUP-316', promoPrice: cny(9900) } });
    expect(await programScene()).toBe('Price Card');
    await eventuallyText('Price Text', '保温杯 316  ¥99  仅剩 120 件');
    expect(await logoShown('Price Card')).toBe(false);
    // The host view got the new segment before OBS reported the scene change (it never waits for OBS).
    const sceneChanged = await h.waitForPushed((e) => e.name === 'obs.sceneChanged' && e.payload.scene === 'Price Card', 'obs.sceneChanged', mark);
    const advancedAt = h.pushed.findIndex((e, i) => i >= mark && e.name === 'cues.advanced');
    expect(advancedAt).toBeGreaterThanOrEqual(mark);
    expect(advancedAt).toBeLessThan(h.pushed.indexOf(sceneChanged));
  });

  test('next, previous and goto; a live stock edit reaches the overlay', async () => {
    await call('cues.next', {});
    expect(await programScene()).toBe('Product');
    await eventuallyText('Price Text', '马克杯  ¥59');
    expect(await logoShown('Price Card')).toBe(true);

    const back = await call<AdvanceResult>('cues.previous', {});
    expect(back.cue.segment?.title).toBe('保温杯 316');
    expect(await programScene()).toBe('Price Card');
    await eventuallyText('Price Text', '保温杯 316  ¥99  仅剩 120 件');

    const pot = script.segments[3]?.id;
    const jumped = await call<AdvanceResult>('cues.goto', { segmentId: pot });
    expect(jumped.cue).toMatchObject({ segmentIndex: 3, nextSegment: null, product: { sku: 'POT-03', coupon: '满199减30' } });
    await eventuallyText('Price Text', '茶壶  ¥159  仅剩 8 件  满199减30');

    // A staff member sells down the stock while the product is on air: overlay and host view follow.
    const items = await call<QueueItem[]>('queue.list', { sessionId: session.id });
    const mark = h.pushed.length;
    await call('queue.update', { itemId: items[2]?.id, patch: { stock: 3 } });
    await eventuallyText('Price Text', '茶壶  ¥159  仅剩 3 件  满199减30');
    const updated = await h.waitForPushed((e) => e.name === 'cues.updated', 'cues.updated', mark);
    expect((updated.payload as CueView).product?.stock).toBe(3);

    const current = await call<CueView>('cues.current', {});
    expect(current).toMatchObject({ status: 'live', segmentIndex: 3, overlayText: '茶壶  ¥159  仅剩 3 件  满199减30' });
    expect(current.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(current.showPlannedMs).toBe((2 + 5 + 3 + 4) * 60_000);

    const atEnd = await h.dispatch('cues.next', {});
    expect(atEnd).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  test('every advance is in the log: SegmentStarted and ProductPresented', async () => {
    // Five advances, then the live stock edit's overlay refresh: its result is recorded when OBS answers the
    // SetInputSettings, which can be after an independent client already reads the new text.
    const performed = (): number => {
      h.core.events.flush();
      return h.core.events.read({ type: 'CueActionsPerformed' }).length;
    };
    await expect.poll(performed, { timeout: 5_000 }).toBe(6);
    const started = h.core.events.read({ type: 'SegmentStarted' }).map((e) => e.payload as { title: string; via: string });
    expect(started.map((p) => [p.title, p.via])).toEqual([
      ['开场', 'start'],
      ['保温杯 316', 'next'],
      ['马克杯', 'next'],
      ['保温杯 316', 'previous'],
      ['茶壶', 'goto'],
    ]);
    const presented = h.core.events.read({ type: 'ProductPresented' }).map((e) => e.payload as { sku: string; stock: number });
    expect(presented.map((p) => [p.sku, p.stock])).toEqual([
      ['CUP-316', 120],
      ['MUG-02', 40],
      ['CUP-316', 120],
      ['POT-03', 8],
    ]);
    expect(h.core.events.read({ type: 'SegmentStarted' }).every((e) => e.sessionId === session.id)).toBe(true);
    const actions = h.core.events.read({ type: 'CueActionsPerformed' }).map((e) => (e.payload as { actions: { kind: string; target: string }[] }).actions);
    expect(actions.map((a) => a.map((x) => x.kind))).toEqual([
      ['scene'],
      ['scene', 'overlay', 'sceneItem'],
      ['scene', 'overlay', 'sceneItem'],
      ['scene', 'overlay', 'sceneItem'],
      ['scene', 'overlay'],
      ['overlay'],
    ]);
  });

  test('compliance finds the terms in the zh script and in an en script', async () => {
    const zh = await call<ComplianceReport>('compliance.check', { sessionId: session.id });
    const zhTerms = zh.findings.map((f) => f.term);
    for (const t of ['最好', '国家级', '全网最低价', '100%', '第一']) expect(zhTerms).toContain(t);
    // "第一次" is an allowed phrase: the only 第一 found is 销量第一.
    expect(zh.findings.filter((f) => f.term === '第一').map((f) => f.excerpt)).toEqual(['陶瓷马克杯，销量第一。']);
    const scripts = new Map(script.segments.map((s) => [s.id, s.script]));
    for (const f of zh.findings.filter((x) => x.where === 'segment.script')) {
      expect(scripts.get(f.id)?.slice(f.index, f.index + f.length)).toBe(f.matched);
    }

    const en = await call<Session>('session.create', { title: 'Spring launch (en)' });
    await call('script.importJson', { sessionId: en.id, text: fixture('show-en.json') });
    const report = await call<ComplianceReport>('compliance.check', { sessionId: en.id });
    expect(report.findings.map((f) => [f.where, f.term, f.matched])).toEqual([
      ['segment.script', 'best ever', 'best ever'],
      ['segment.script', '#1', '#1'],
      ['segment.script', 'guaranteed', 'guaranteed'],
      ['segment.script', 'lowest price', 'Lowest price'],
      ['segment.script', 'miracle', 'miracle'],
      ['segment.notes', 'cure', 'cure'],
    ]);
    expect(report.summary.total).toBe(6);
  });

  test('malformed JSON and Markdown scripts: a clear error with line numbers, nothing imported', async () => {
    const target = await call<Session>('session.create', { title: 'Import target' });
    await call('script.addSegment', { sessionId: target.id, segment: { title: 'Existing', plannedDurationSec: 60 } });
    const before = await call<Script>('script.get', { sessionId: target.id });
    // Other parts of the core (OBS, the simulated audience) log events meanwhile: count the cue facts only.
    const cueFacts = (): number => {
      h.core.events.flush();
      return ['SegmentAdded', 'SegmentRemoved', 'QueueItemAdded', 'ScriptImported'].reduce((n, type) => n + h.core.events.read({ type }).length, 0);
    };
    const factsBefore = cueFacts();

    const json = await h.dispatch('script.importJson', { sessionId: target.id, text: fixture('malformed.json') });
    expect(json.ok).toBe(false);
    if (!json.ok) {
      expect(json.error.code).toBe('BAD_INPUT');
      expect(json.error.message).toMatch(/^the JSON script was not imported \(nothing changed\): /);
      expect(json.error.message).toMatch(/line 6, column \d+: segments\[1\]\.durationSec: /);
      expect(json.error.message).toMatch(/line 7, column \d+: segments\[2\]: unknown field "scnee"/);
    }
    const md = await h.dispatch('script.importMarkdown', { sessionId: target.id, text: fixture('malformed.md') });
    expect(md).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!md.ok) {
      expect(md.error.message).toContain('line 10: "five minutes" is not a duration');
      expect(md.error.message).toContain('line 15: unknown field "colour"');
    }
    expect(await call<Script>('script.get', { sessionId: target.id })).toEqual(before);
    expect(await call<QueueItem[]>('queue.list', { sessionId: target.id })).toEqual([]);
    expect(cueFacts()).toBe(factsBefore);
  });

  test('two staff reordering the same queue at once end with the same order', async () => {
    const shared = await call<Session>('session.create', { title: 'Staff queue' });
    const made: Product[] = [];
    for (let i = 0; i < 8; i++) made.push(await call<Product>('catalog.create', { sku: `Q-${i}`, name: `Item ${i}`, price: cny(1000 + i) }));
    for (const p of made) await call('queue.add', { sessionId: shared.id, productId: p.id });
    const ids = (await call<QueueItem[]>('queue.list', { sessionId: shared.id })).map((q) => q.id);

    // The staff UIs keep their view from the pushed queue.changed events.
    let pushedOrder: string[] = [];
    const off = h.core.subscribe((e) => {
      if (e.name === 'queue.changed' && e.payload.sessionId === shared.id) pushedOrder = e.payload.items.map((q) => q.id);
    });
    const staffA: CallContext = { transport: 'ws', peer: 'staff-a' };
    const staffB: CallContext = { transport: 'ws', peer: 'staff-b' };
    const at = (k: number): string => ids[k] ?? '';
    const moves = [
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(7), before: at(0) }, staffA),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(0), after: at(7) }, staffB),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(3), before: at(1) }, staffA),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(1), before: at(3) }, staffB),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(5), before: null }, staffA),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(6), after: null }, staffB),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(2), after: at(6) }, staffA),
      h.core.dispatch('queue.move', { sessionId: shared.id, itemId: at(4), after: at(6) }, staffB),
    ];
    const results = await Promise.all(moves);
    expect(results.every((r) => r.ok)).toBe(true);
    off();
    const seenByA = (await h.core.dispatch('queue.list', { sessionId: shared.id }, staffA)) as Result<QueueItem[]>;
    const seenByB = (await h.core.dispatch('queue.list', { sessionId: shared.id }, staffB)) as Result<QueueItem[]>;
    const a = value(seenByA, 'queue.list');
    const b = value(seenByB, 'queue.list');
    expect(a.map((q) => q.id)).toEqual(b.map((q) => q.id));
    expect(pushedOrder).toEqual(a.map((q) => q.id));
    expect(new Set(a.map((q) => q.id)).size).toBe(8);
    const keys = a.map((q) => q.position);
    expect(new Set(keys).size).toBe(8);
    expect([...keys].sort()).toEqual(keys);
    expect(h.core.events.read({ type: 'QueueItemMoved' }).length).toBeGreaterThanOrEqual(8);
  });

  test('two staff editing different fields of the same item at once keep both edits', async () => {
    const items = await call<QueueItem[]>('queue.list', { sessionId: session.id });
    const cup = items[0];
    if (!cup) throw new Error('no cup in the queue');
    const [fromA, fromB] = await Promise.all([
      h.core.dispatch('queue.update', { itemId: cup.id, patch: { promoPrice: cny(8900) }, baseHlc: cup.hlc }, { transport: 'ws', peer: 'staff-a' }),
      h.core.dispatch('queue.update', { itemId: cup.id, patch: { stock: 77 }, baseHlc: cup.hlc }, { transport: 'ws', peer: 'staff-b' }),
    ]);
    expect(value(fromA as Result<{ superseded: unknown[] }>, 'edit A').superseded).toEqual([]);
    expect(value(fromB as Result<{ superseded: unknown[] }>, 'edit B').superseded).toEqual([]);
    const after = (await call<QueueItem[]>('queue.list', { sessionId: session.id }))[0];
    expect(after?.product).toMatchObject({ promoPrice: cny(8900), stock: 77, price: cny(12900) });
    expect(after?.overrides).toEqual({ promoPrice: cny(8900), stock: 77 });
    // A third edit of the same field from the same stale view is applied, and says which edit it replaced.
    const late = await call<{ superseded: { field: string }[] }>('queue.update', { itemId: cup.id, patch: { promoPrice: cny(7900) }, baseHlc: cup.hlc });
    expect(late.superseded.map((s) => s.field)).toEqual(['promoPrice']);
  });

  test('cues.end ends the show; the log says so', async () => {
    const ended = await call<CueView>('cues.end', {});
    expect(ended).toMatchObject({ status: 'ended', session: { id: session.id, status: 'ended' } });
    expect(await call<CueView>('cues.current', {})).toMatchObject({ status: 'idle', session: null });
    h.core.events.flush();
    expect(h.core.events.read({ type: 'ShowEnded' }).map((e) => e.sessionId)).toEqual([session.id]);
  });
});
