import { describe, expect, it } from 'vitest';
import type { AudienceEvent, CommentLabel } from '../../../shared/contract/audience.js';
import { intBetween, pick, seededRng, type Rng } from '../../../shared/domain/random.js';
import { audienceEventJson, commentTextJson } from './eventJson.js';

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
  const connectorId = `ingest:${str(rng)}`;
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

describe('audienceEventJson', () => {
  it('writes exactly what JSON.stringify writes, for every kind and awkward strings', () => {
    const rng = seededRng(7);
    for (let i = 0; i < 5_000; i++) {
      const e = event(rng);
      expect(audienceEventJson(e, null)).toBe(JSON.stringify(e));
      if (e.kind === 'comment') expect(audienceEventJson(e, commentTextJson(e.text, e.label))).toBe(JSON.stringify(e));
    }
  });

  it('writes null for a number JSON cannot hold, as JSON.stringify does', () => {
    const e: AudienceEvent = { kind: 'like', platform: 'x', connectorId: 'c', userId: null, displayName: null, occurredAt: Number.NaN, receivedAt: 1, simulated: false, count: 1 };
    expect(audienceEventJson(e, null)).toBe(JSON.stringify(e));
  });
});
