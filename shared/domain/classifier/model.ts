import { decodeTable, fromBase64 } from './codec.js';
import { createFeatureScratch, extractFeatures, type FeatureScratch } from './features.js';

/** Sentiment classes, in head order. */
export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** Intents, in head order. A message may have none or several. */
export const INTENTS = ['purchase', 'price_objection', 'question', 'complaint', 'praise'] as const;
export type Intent = (typeof INTENTS)[number];

/** What classify returns for one message. `confidence` is the probability of the chosen sentiment. */
export interface Classification {
  readonly sentiment: Sentiment;
  readonly intents: readonly Intent[];
  readonly confidence: number;
}

export const MODEL_FORMAT = 'showrunner-chat-classifier';
export const MODEL_VERSION = 1;
/** Heads in the weight table: positive − neutral, negative − neutral (neutral is the softmax reference), then the intents. */
export const HEAD_COUNT = 2 + INTENTS.length;
/** Row stride of the in-memory table: 8 keeps one row inside one cache line. */
export const STRIDE = 8;

/** The model file (resources/classifier/model.json). */
export interface ModelJson {
  readonly format: typeof MODEL_FORMAT;
  readonly version: number;
  /** The table has 2^bits rows; a feature hash's low bits pick the row. */
  readonly bits: number;
  /** Per head: weight = int8 × scale. */
  readonly scales: readonly number[];
  readonly bias: readonly number[];
  /** Per intent: logit above which it is reported. */
  readonly thresholds: readonly number[];
  /** Per intent, two weights on the sentiment logits (positive, negative): intents see the sentiment the review corpus taught. */
  readonly stack: readonly number[];
  /** encodeTable output, base64. */
  readonly weights: string;
  /** Free-form provenance: data sets, seed, figures. Not read by the classifier. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** A loaded model. Holds its own scratch buffers, so one instance must not be shared across threads (workers load their own). */
export interface ChatModel {
  readonly bits: number;
  readonly mask: number;
  readonly table: Int8Array;
  readonly scales: Float64Array;
  readonly bias: Float64Array;
  readonly thresholds: Float64Array;
  readonly stack: Float64Array;
  readonly meta: Readonly<Record<string, unknown>>;
  readonly scratch: FeatureScratch;
  /** classify's scores buffer (scoreInto writes it). */
  readonly scores: Float64Array;
  /** The 32 possible intent lists, frozen, indexed by bit set. */
  readonly intentSets: readonly (readonly Intent[])[];
}

function numberArray(value: unknown, length: number, name: string): Float64Array {
  if (!Array.isArray(value) || value.length !== length) throw new Error(`model: ${name} must be an array of ${length} numbers`);
  const out = new Float64Array(length);
  value.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`model: ${name}[${i}] is not a finite number`);
    out[i] = v;
  });
  return out;
}

/** Builds the 32 frozen intent lists once, so classify never allocates an array. */
function buildIntentSets(): (readonly Intent[])[] {
  const sets: (readonly Intent[])[] = [];
  for (let m = 0; m < 1 << INTENTS.length; m++) {
    sets.push(Object.freeze(INTENTS.filter((_, i) => (m & (1 << i)) !== 0)));
  }
  return sets;
}

/** Checks and decodes a parsed model file. Throws an Error naming what is wrong. */
export function loadModel(json: unknown): ChatModel {
  if (typeof json !== 'object' || json === null) throw new Error('model: not an object');
  const o = json as Record<string, unknown>;
  if (o.format !== MODEL_FORMAT) throw new Error(`model: format is not ${MODEL_FORMAT}`);
  if (o.version !== MODEL_VERSION) throw new Error(`model: unsupported version ${String(o.version)}`);
  const bits = o.bits;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 8 || bits > 24) throw new Error('model: bits must be an integer in 8..24');
  if (typeof o.weights !== 'string') throw new Error('model: weights must be a base64 string');
  const rows = 2 ** bits;
  const table = decodeTable(fromBase64(o.weights), rows, STRIDE, HEAD_COUNT);
  const meta = typeof o.meta === 'object' && o.meta !== null ? (o.meta as Record<string, unknown>) : {};
  return {
    bits,
    mask: rows - 1,
    table,
    scales: numberArray(o.scales, HEAD_COUNT, 'scales'),
    bias: numberArray(o.bias, HEAD_COUNT, 'bias'),
    thresholds: numberArray(o.thresholds, INTENTS.length, 'thresholds'),
    stack: numberArray(o.stack, INTENTS.length * 2, 'stack'),
    meta,
    scratch: createFeatureScratch(),
    scores: new Float64Array(STRIDE),
    intentSets: buildIntentSets(),
  };
}

/**
 * Raw scores of `text` into `out` (length ≥ 8): [0..2] sentiment logits (negative, neutral = 0, positive),
 * [3..7] intent logits. Returns the number of features the text had.
 */
export function scoreInto(model: ChatModel, text: string, out: Float64Array): number {
  const n = extractFeatures(text, model.scratch);
  const feats = model.scratch.feats;
  const w = model.table;
  const mask = model.mask;
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  let a3 = 0;
  let a4 = 0;
  let a5 = 0;
  let a6 = 0;
  for (let i = 0; i < n; i++) {
    const r = ((feats[i] ?? 0) & mask) << 3;
    a0 += w[r] ?? 0;
    a1 += w[r + 1] ?? 0;
    a2 += w[r + 2] ?? 0;
    a3 += w[r + 3] ?? 0;
    a4 += w[r + 4] ?? 0;
    a5 += w[r + 5] ?? 0;
    a6 += w[r + 6] ?? 0;
  }
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  const s = model.scales;
  const b = model.bias;
  const u = model.stack;
  const pos = (b[0] ?? 0) + (s[0] ?? 0) * a0 * inv;
  const neg = (b[1] ?? 0) + (s[1] ?? 0) * a1 * inv;
  out[0] = neg;
  out[1] = 0;
  out[2] = pos;
  out[3] = (b[2] ?? 0) + (s[2] ?? 0) * a2 * inv + (u[0] ?? 0) * pos + (u[1] ?? 0) * neg;
  out[4] = (b[3] ?? 0) + (s[3] ?? 0) * a3 * inv + (u[2] ?? 0) * pos + (u[3] ?? 0) * neg;
  out[5] = (b[4] ?? 0) + (s[4] ?? 0) * a4 * inv + (u[4] ?? 0) * pos + (u[5] ?? 0) * neg;
  out[6] = (b[5] ?? 0) + (s[5] ?? 0) * a5 * inv + (u[6] ?? 0) * pos + (u[7] ?? 0) * neg;
  out[7] = (b[6] ?? 0) + (s[6] ?? 0) * a6 * inv + (u[8] ?? 0) * pos + (u[9] ?? 0) * neg;
  return n;
}

/** Creates the scores buffer scoreInto writes. */
export function createScores(): Float64Array {
  return new Float64Array(STRIDE);
}

/**
 * Sentiment and intents of one chat message. Never throws; an empty message is neutral with no intents.
 * The returned intents array is frozen and shared between calls.
 */
export function classify(model: ChatModel, text: string): Classification {
  const o = model.scores;
  scoreInto(model, text, o);
  const th = model.thresholds;
  const neg = o[0] ?? 0;
  const pos = o[2] ?? 0;
  let set = 0;
  if ((o[3] ?? 0) > (th[0] ?? 0)) set |= 1;
  if ((o[4] ?? 0) > (th[1] ?? 0)) set |= 2;
  if ((o[5] ?? 0) > (th[2] ?? 0)) set |= 4;
  if ((o[6] ?? 0) > (th[3] ?? 0)) set |= 8;
  if ((o[7] ?? 0) > (th[4] ?? 0)) set |= 16;
  // softmax over (neg, 0, pos), computed relative to the largest logit
  let sentiment: Sentiment;
  let confidence: number;
  if (pos >= neg && pos >= 0) {
    sentiment = 'positive';
    confidence = 1 / (1 + Math.exp(-pos) + Math.exp(neg - pos));
  } else if (neg > pos && neg >= 0) {
    sentiment = 'negative';
    confidence = 1 / (1 + Math.exp(-neg) + Math.exp(pos - neg));
  } else {
    sentiment = 'neutral';
    confidence = 1 / (1 + Math.exp(pos) + Math.exp(neg));
  }
  return { sentiment, intents: model.intentSets[set] ?? [], confidence };
}
