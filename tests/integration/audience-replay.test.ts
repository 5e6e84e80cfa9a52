import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AudienceEvent, ConnectorStatus } from '../../shared/contract/audience.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';
import { waitUntil } from './support/waitFor.js';

/** What must survive a replay: everything but the connector, the ids and the times. */
function content(e: AudienceEvent): unknown {
  const { connectorId: _c, occurredAt: _o, receivedAt: _r, ...rest } = e;
  return e.kind === 'comment' ? { ...rest, sampled: undefined } : rest;
}

const T0 = 1_763_900_000_000;
const common = { platform: 'douyin', connectorId: 'ingest:abc', displayName: '小鹿', receivedAt: T0, simulated: false };

/** A hand-made session: uneven gaps from 0 to 4 s, every kind. */
function fixture(): AudienceEvent[] {
  const gaps = [0, 0, 40, 120, 300, 7, 500, 1_000, 33, 250, 800, 900];
  let at = T0;
  const user = 'a'.repeat(32);
  const kinds: AudienceEvent[] = [
    { kind: 'comment', ...common, userId: user, occurredAt: 0, text: '上链接', label: { sentiment: 'neutral', intents: ['purchase'], confidence: 0.9 }, sampled: true },
    { kind: 'like', ...common, userId: user, occurredAt: 0, count: 12 },
    { kind: 'viewer_count', ...common, userId: null, displayName: null, occurredAt: 0, viewers: 1_200 },
    { kind: 'enter', ...common, userId: user, occurredAt: 0 },
    { kind: 'comment', ...common, userId: user, occurredAt: 0, text: 'how much?', label: null, sampled: true },
    { kind: 'gift', ...common, userId: user, occurredAt: 0, gift: { name: '玫瑰', count: 2, value: { amount: 200, currency: 'CNY' } } },
    { kind: 'product_click', ...common, userId: user, occurredAt: 0, productId: null, sku: 'LIP-01' },
    {
      kind: 'order',
      ...common,
      userId: user,
      occurredAt: 0,
      orderId: 'o-1',
      productId: null,
      items: [{ sku: 'LIP-01', qty: 2, unitPrice: { amount: 12_900, currency: 'CNY' } }],
      amount: { amount: 25_800, currency: 'CNY' },
    },
    { kind: 'follow', ...common, userId: user, occurredAt: 0 },
    { kind: 'share', ...common, userId: user, occurredAt: 0 },
    { kind: 'comment', ...common, userId: user, occurredAt: 0, text: '电话13812345678 发货了吗', label: null, sampled: true },
    { kind: 'leave', ...common, userId: user, occurredAt: 0 },
  ];
  return kinds.map((e, i) => {
    at += gaps[i] ?? 0;
    return { ...e, occurredAt: at };
  });
}

describe('replay and record', () => {
  let h: AudienceHarness;
  beforeEach(() => {
    h = openAudienceCore();
  });
  afterEach(async () => {
    await h.close();
  });

  const replayed = async (file: string, speed: number, count: number, skipped = 0): Promise<AudienceEvent[]> => {
    const status = await h.call<ConnectorStatus>('audience.startReplay', { file, speed });
    expect(status.state).toBe('running');
    await waitUntil(() => h.core.audience.listConnectors().find((c) => c.id === 'replay')?.state === 'stopped', {
      timeoutMs: 20_000,
      what: 'the replay to finish',
    });
    const done = h.core.audience.listConnectors().find((c) => c.id === 'replay');
    expect(done?.replay).toMatchObject({ finished: true, played: count, skipped });
    return h.stored('replay').map((s) => s.event);
  };

  it('plays a recorded file at 10× with the same events in order and the timing divided by ten', async () => {
    const events = fixture();
    mkdirSync(join(h.dataDir, 'recordings'), { recursive: true });
    // A line that is not an event is skipped and counted, never fatal.
    const lines = events.map((e) => JSON.stringify(e));
    lines.splice(3, 0, 'not json', '{"kind":"comment","text":"no fields"}');
    writeFileSync(join(h.dataDir, 'recordings', 'fixture.jsonl'), `${lines.join('\n')}\n`);
    const t0 = Date.now();
    const out = await replayed('fixture.jsonl', 10, events.length, 2);
    const wall = Date.now() - t0;
    // Replayed comments are redacted again, and labelled where the recording had no label.
    const expected = events.map((e) => (e.kind === 'comment' && e.text.includes('138') ? { ...e, text: '电话[phone] 发货了吗' } : e));
    const unlabelled = (e: AudienceEvent): unknown => (e.kind === 'comment' ? { ...(content(e) as object), label: undefined } : content(e));
    expect(out.map(unlabelled)).toEqual(expected.map(unlabelled));
    out.forEach((e, i) => {
      const before = events[i];
      if (e.kind !== 'comment' || before?.kind !== 'comment') return;
      if (before.label) expect(e.label).toEqual(before.label);
      else expect(e.label?.sentiment).toBeDefined();
    });
    const gaps = (xs: readonly AudienceEvent[]): number[] => xs.slice(1).map((e, i) => e.occurredAt - (xs[i]?.occurredAt ?? 0));
    const scaled = gaps(events).map((g) => g / 10);
    gaps(out).forEach((g, i) => expect(Math.abs(g - (scaled[i] ?? 0)), `gap ${i}`).toBeLessThanOrEqual(1));
    // 3.85 s of recording at 10× plays in about 0.4 s (plus ticks and start-up).
    expect(wall).toBeGreaterThanOrEqual(380);
    expect(wall).toBeLessThan(5_000);
    expect(out.every((e) => e.connectorId === 'replay')).toBe(true);
  });

  it('records a live session to JSONL and replays it: the same events, in order', async () => {
    await h.call('audience.configureRehearsal', { rate: 300, seed: 3, surges: false });
    const { file } = await h.call<{ file: string }>('audience.startRecording', { name: 'round-trip' });
    expect(file).toBe('round-trip.jsonl');
    await h.call('audience.startConnector', { id: 'rehearsal' });
    await waitUntil(() => h.core.audience.pipeline.counters().stored >= 400, { timeoutMs: 20_000, what: '400 rehearsal events' });
    await h.call('audience.stopConnector', { id: 'rehearsal' });
    const recorded = await h.call<{ file: string; events: number }>('audience.stopRecording');
    const live = h.stored('rehearsal').map((s) => s.event);
    expect(recorded.events).toBe(live.length);
    const lines = readFileSync(join(h.dataDir, 'recordings', file), 'utf8').trim().split('\n');
    expect(lines.length).toBe(live.length);
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(live);

    const again = await h.dispatch('audience.startRecording', { name: 'round-trip' });
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    const recordings = await h.call<{ file: string }[]>('audience.listRecordings');
    expect(recordings.map((r) => r.file)).toContain('round-trip.jsonl');
    const out = await replayed(file, 50, live.length);
    expect(out.map(content)).toEqual(live.map(content));
    expect(out.every((e) => e.simulated)).toBe(true);
    const span = (xs: readonly AudienceEvent[]): number => (xs.at(-1)?.occurredAt ?? 0) - (xs[0]?.occurredAt ?? 0);
    expect(Math.abs(span(out) - span(live) / 50)).toBeLessThanOrEqual(2);
  });

  it('pauses and resumes', async () => {
    mkdirSync(join(h.dataDir, 'recordings'), { recursive: true });
    const events = fixture();
    writeFileSync(join(h.dataDir, 'recordings', 'p.jsonl'), events.map((e) => JSON.stringify(e)).join('\n'));
    await h.call('audience.startReplay', { file: 'p.jsonl', speed: 1 });
    await waitUntil(() => h.stored('replay').length >= 4, { timeoutMs: 5_000, what: 'the first events' });
    const paused = await h.call<ConnectorStatus>('audience.controlReplay', { paused: true });
    expect(paused.replay?.paused).toBe(true);
    const n = h.stored('replay').length;
    await new Promise((r) => setTimeout(r, 600));
    expect(h.stored('replay').length).toBe(n);
    await h.call('audience.controlReplay', { paused: false, speed: 50 });
    await waitUntil(() => h.stored('replay').length === events.length, { timeoutMs: 10_000, what: 'the rest after resuming' });
  });

  it('refuses files outside the recordings folder and missing recordings', async () => {
    expect((await h.dispatch('audience.startReplay', { file: '../showrunner.db', speed: 1 })).ok).toBe(false);
    const missing = await h.dispatch('audience.startReplay', { file: 'nope.jsonl', speed: 1 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    expect((await h.dispatch('audience.startReplay', { file: 'x.jsonl', speed: 51 })).ok).toBe(false);
  });
});
