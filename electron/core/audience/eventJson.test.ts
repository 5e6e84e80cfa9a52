import { describe, expect, it } from 'vitest';
import type { AudienceEvent, CommentLabel } from '../../../shared/contract/audience.js';
import { intBetween, pick, seededRng, type Rng } from '../../../shared/domain/random.js';
import { createPayloadEncoder, fillShape, type Cell, type PayloadEncoder, type TextFragment } from './eventJson.js';

// Strings that make JSON.stringify escape: quotes, backslashes, control characters, line separators, lone
// surrogates, emoji and CJK.
const AWKWARD = ['plain', '引号"和\\反斜杠', 'tab\there\nnew line', '\u0000\u0001\u001f', '\u2028\u2029', '\ud800 lone', 'x\udc00', '😍🔥', '上链接', ''];

function str(rng: Rng): string {
  return `${pick(rng, AWKWARD)}${pick(rng, AWKWARD)}`;
}

function label(rng: Rng): CommentLabel | null {
  if (rng() < 0.2) return null;
  return { sentiment: pick(rng, ['negative', 'neutral', 'positive'] as const), intents: rng() < 0.5 ? [] : ['question', 'purchase'], confidence: intBetween(rng, 0, 1000) / 1000 };
}

/** An event built the way the pipeline builds it: keys in the contract's order. */
function event(rng: Rng): AudienceEvent {
  const platform = pick(rng, ['douyin', 'tiktok', 'webhook']);
  const connectorId = pick(rng, ['ingest:a', 'rehearsal', `ingest:${AWKWARD[1] ?? ''}`]);
  const userId = rng() < 0.2 ? null : 'a'.repeat(32);
  const displayName = rng() < 0.3 ? null : str(rng);
  const occurredAt = intBetween(rng, 0, 2_000_000_000_000);
  const receivedAt = intBetween(rng, 0, 2_000_000_000_000);
  const simulated = rng() < 0.5;
  const common = { platform, connectorId, userId, displayName, occurredAt, receivedAt, simulated };
  switch (intBetween(rng, 0, 7)) {
    case 0:
      return { kind: 'comment', ...common, text: str(rng), label: label(rng), sampled: rng() < 0.5 };
    case 1:
      return { kind: 'like', ...common, count: intBetween(rng, 1, 1_000_000) };
    case 2:
      return { kind: 'gift', ...common, gift: { name: str(rng) || 'rose', count: 3, value: { amount: 100, currency: 'CNY' } } };
    case 3:
      return { kind: pick(rng, ['follow', 'share', 'enter', 'leave'] as const), ...common };
    case 4:
      return { kind: 'viewer_count', ...common, viewers: intBetween(rng, 0, 1_000_000_000) };
    case 5:
      return { kind: 'product_click', ...common, productId: rng() < 0.5 ? null : 'p1', sku: rng() < 0.5 ? null : str(rng) };
    default:
      return {
        kind: 'order',
        ...common,
        orderId: `o-${str(rng)}`,
        productId: rng() < 0.5 ? null : 'p1',
        items: [{ sku: 'LIP-01', qty: 2, unitPrice: { amount: 12_900, currency: 'CNY' } }],
        amount: { amount: 25_800, currency: 'CNY' },
      };
  }
}

/** The writer thread's side, as its source does it: definitions into maps, then fillShape. */
function writerSide() {
  const shapes = new Map<number, [string[], string]>();
  const texts = new Map<number, string>();
  return {
    define(d: Cell[]) {
      for (let k = 0; k < d.length; ) {
        if (d[k] === 'S') {
          shapes.set(d[k + 1] as number, [(d[k + 2] as string).split('\u0000'), d[k + 3] as string]);
          k += 4;
        } else {
          texts.set(d[k + 1] as number, d[k + 2] as string);
          k += 3;
        }
      }
    },
    fill(cells: Cell[]): string {
      const shape = shapes.get(cells[0] as number);
      if (!shape) throw new Error(`shape ${String(cells[0])} is not defined`);
      expect(cells.length).toBe(1 + shape[1].length);
      return fillShape(shape[0], shape[1], cells, 1, texts);
    },
  };
}

function roundTrip(encoder: PayloadEncoder, writer: ReturnType<typeof writerSide>, e: AudienceEvent, fragment: TextFragment): string {
  const cells: Cell[] = [];
  encoder.encode(e, fragment, cells);
  writer.define(encoder.takeDefs());
  return writer.fill(cells);
}

describe('payload encoder (shapes and fragments for the writer thread)', () => {
  it('fills in exactly what JSON.stringify writes, for every kind and awkward strings', () => {
    const rng = seededRng(7);
    const encoder = createPayloadEncoder();
    const writer = writerSide();
    // Comments share their text's fragment, as the pipeline's cached verdicts do.
    const fragments = new Map<string, TextFragment>();
    const shapeKeys = new Set<string>();
    let shapeDefs = 0;
    let fragmentDefs = 0;
    for (let i = 0; i < 5_000; i++) {
      const e = event(rng);
      let fragment: TextFragment = { text: '', label: null, ref: -1, gen: -1 };
      if (e.kind === 'comment') {
        const key = JSON.stringify([e.text, e.label]);
        fragment = fragments.get(key) ?? { text: e.text, label: e.label, ref: -1, gen: -1 };
        fragments.set(key, fragment);
      }
      shapeKeys.add(JSON.stringify([e.kind, e.platform, e.connectorId, e.simulated]));
      const cells: Cell[] = [];
      encoder.encode(e, fragment, cells);
      const defs = encoder.takeDefs();
      shapeDefs += defs.filter((d) => d === 'S').length;
      fragmentDefs += defs.filter((d) => d === 'F').length;
      writer.define(defs);
      expect(writer.fill(cells)).toBe(JSON.stringify(e));
    }
    // Each shape and each fragment was defined once, not per event.
    expect(shapeDefs).toBe(shapeKeys.size);
    expect(fragmentDefs).toBe(fragments.size);
  });

  it('writes null for a number JSON cannot hold, as JSON.stringify does', () => {
    const e: AudienceEvent = { kind: 'like', platform: 'x', connectorId: 'c', userId: null, displayName: null, occurredAt: Number.NaN, receivedAt: 1, simulated: false, count: 1 };
    expect(roundTrip(createPayloadEncoder(), writerSide(), e, { text: '', label: null, ref: -1, gen: -1 })).toBe(JSON.stringify(e));
  });

  it('defines a fragment again after forget(), and a missing one is an error, never a wrong payload', () => {
    const encoder = createPayloadEncoder();
    const c: AudienceEvent = {
      kind: 'comment',
      platform: 'douyin',
      connectorId: 'rehearsal',
      userId: null,
      displayName: '小王',
      occurredAt: 1,
      receivedAt: 2,
      simulated: true,
      text: 'how much?',
      label: null,
      sampled: true,
    };
    const fragment: TextFragment = { text: 'how much?', label: null, ref: -1, gen: -1 };
    expect(roundTrip(encoder, writerSide(), c, fragment)).toBe(JSON.stringify(c));
    // A writer that lost the definitions (a fresh one here) cannot fill the comment in…
    const cells: Cell[] = [];
    encoder.encode(c, fragment, cells);
    expect(() => writerSide().fill(cells)).toThrow('is not defined');
    // …and after forget() everything is defined again.
    encoder.forget();
    expect(roundTrip(encoder, writerSide(), c, fragment)).toBe(JSON.stringify(c));
  });
});
