/**
 * Training of the chat classifier: pure and deterministic for a given seed and example order, so the
 * script in scripts/classifier only does the file I/O and a test can prove reproducibility.
 *
 * Sentiment is a 3-way multinomial logistic regression over the hashed features (x = 1/√n per feature
 * occurrence), trained with AdaGrad; examples that only know positive/negative (the review corpus) are
 * trained as 3-way examples of their class. Each intent is a binary logistic regression trained only on
 * examples that carry intent labels. Weights are stored relative to the neutral class and quantised to
 * int8 with one scale per head.
 */
import { seededRng } from '../random.js';
import { encodeTable, toBase64 } from './codec.js';
import { createFeatureScratch, extractFeatures } from './features.js';
import { HEAD_COUNT, INTENTS, MODEL_FORMAT, MODEL_VERSION, STRIDE, type ModelJson } from './model.js';

export interface TrainingExample {
  readonly text: string;
  /** 0 negative, 1 neutral, 2 positive; -1 when the example has no sentiment label. */
  readonly sentiment: number;
  /** Bit i set = INTENTS[i] present; -1 when the example is not labelled for intents. */
  readonly intents: number;
  /** How much the example counts (the chat set is small next to the review corpus). */
  readonly weight: number;
  /**
   * Cross-validation group of an intent-labelled example (e.g. a hash of its template): examples of one
   * group are held out together when the intent thresholds are chosen. Defaults to 0.
   */
  readonly group?: number;
}

export interface TrainOptions {
  readonly bits: number;
  readonly seed: number;
  readonly sentimentEpochs: number;
  readonly intentEpochs: number;
  /** AdaGrad base learning rates. */
  readonly sentimentRate: number;
  readonly intentRate: number;
  /** L2 penalty applied to the weights an example touches. */
  readonly sentimentL2: number;
  readonly intentL2: number;
  /** Folds (by example group) used to choose each intent's threshold for the best F1; 0 keeps threshold 0. */
  readonly thresholdFolds: number;
  /** Free-form provenance copied into the model file. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  bits: 18,
  seed: 20240501,
  sentimentEpochs: 6,
  intentEpochs: 25,
  sentimentRate: 0.1,
  intentRate: 0.5,
  sentimentL2: 1e-6,
  intentL2: 1e-5,
  thresholdFolds: 4,
};

function shuffled(count: number, rand: () => number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i] ?? 0;
    order[i] = order[j] ?? 0;
    order[j] = t;
  }
  return order;
}

interface FeatureMatrix {
  readonly offsets: Int32Array;
  readonly rows: Int32Array;
}

/** Hashes every example once: rows of feature indices, CSR style. */
function featurize(examples: readonly TrainingExample[], mask: number): FeatureMatrix {
  const scratch = createFeatureScratch();
  const offsets = new Int32Array(examples.length + 1);
  let total = 0;
  const chunks: Int32Array[] = [];
  examples.forEach((ex, i) => {
    const n = extractFeatures(ex.text, scratch);
    const row = new Int32Array(n);
    for (let k = 0; k < n; k++) row[k] = (scratch.feats[k] ?? 0) & mask;
    chunks.push(row);
    total += n;
    offsets[i + 1] = total;
  });
  const rows = new Int32Array(total);
  chunks.forEach((row, i) => rows.set(row, offsets[i] ?? 0));
  return { offsets, rows };
}

function trainSentiment(examples: readonly TrainingExample[], fm: FeatureMatrix, rowsCount: number, o: TrainOptions): { w: Float64Array; b: Float64Array } {
  const w = new Float64Array(rowsCount * 3);
  const g = new Float64Array(rowsCount * 3);
  const b = new Float64Array(3);
  const gb = new Float64Array(3);
  const labelled: number[] = [];
  examples.forEach((ex, i) => {
    if (ex.sentiment >= 0) labelled.push(i);
  });
  const rand = seededRng(o.seed);
  const eps = 1e-8;
  for (let epoch = 0; epoch < o.sentimentEpochs; epoch++) {
    const order = shuffled(labelled.length, rand);
    for (const k of order) {
      const idx = labelled[k] ?? 0;
      const ex = examples[idx];
      if (ex === undefined) continue;
      const start = fm.offsets[idx] ?? 0;
      const end = fm.offsets[idx + 1] ?? 0;
      const n = end - start;
      const x = n > 0 ? 1 / Math.sqrt(n) : 0;
      let z0 = b[0] ?? 0;
      let z1 = b[1] ?? 0;
      let z2 = b[2] ?? 0;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      for (let p = start; p < end; p++) {
        const r = (fm.rows[p] ?? 0) * 3;
        s0 += w[r] ?? 0;
        s1 += w[r + 1] ?? 0;
        s2 += w[r + 2] ?? 0;
      }
      z0 += s0 * x;
      z1 += s1 * x;
      z2 += s2 * x;
      const m = Math.max(z0, z1, z2);
      const e0 = Math.exp(z0 - m);
      const e1 = Math.exp(z1 - m);
      const e2 = Math.exp(z2 - m);
      const sum = e0 + e1 + e2;
      const y = ex.sentiment;
      const d0 = (e0 / sum - (y === 0 ? 1 : 0)) * ex.weight;
      const d1 = (e1 / sum - (y === 1 ? 1 : 0)) * ex.weight;
      const d2 = (e2 / sum - (y === 2 ? 1 : 0)) * ex.weight;
      const ds = [d0, d1, d2];
      for (let c = 0; c < 3; c++) {
        const d = ds[c] ?? 0;
        const gbc = (gb[c] ?? 0) + d * d;
        gb[c] = gbc;
        b[c] = (b[c] ?? 0) - (o.sentimentRate * d) / Math.sqrt(gbc + eps);
      }
      for (let p = start; p < end; p++) {
        const r = (fm.rows[p] ?? 0) * 3;
        for (let c = 0; c < 3; c++) {
          const wi = w[r + c] ?? 0;
          const grad = (ds[c] ?? 0) * x + o.sentimentL2 * wi;
          const gi = (g[r + c] ?? 0) + grad * grad;
          g[r + c] = gi;
          w[r + c] = wi - (o.sentimentRate * grad) / Math.sqrt(gi + eps);
        }
      }
    }
  }
  return { w, b };
}

/**
 * Binary logistic regressions, one per intent, over the hashed features plus two dense inputs per example:
 * the (quantised) sentiment logits, so "negative and not about price" can mean complaint for words the chat
 * set never had but the review corpus did.
 */
function trainIntents(
  examples: readonly TrainingExample[],
  fm: FeatureMatrix,
  rowsCount: number,
  senti: Float64Array,
  o: TrainOptions,
  include: (index: number) => boolean = () => true,
): { w: Float64Array; b: Float64Array; u: Float64Array } {
  const heads = INTENTS.length;
  const w = new Float64Array(rowsCount * heads);
  const g = new Float64Array(rowsCount * heads);
  const b = new Float64Array(heads);
  const gb = new Float64Array(heads);
  const u = new Float64Array(heads * 2);
  const gu = new Float64Array(heads * 2);
  const labelled: number[] = [];
  examples.forEach((ex, i) => {
    if (ex.intents >= 0 && include(i)) labelled.push(i);
  });
  const rand = seededRng(o.seed ^ 0x5f3759df);
  const eps = 1e-8;
  const ds = new Float64Array(heads);
  for (let epoch = 0; epoch < o.intentEpochs; epoch++) {
    const order = shuffled(labelled.length, rand);
    for (const k of order) {
      const idx = labelled[k] ?? 0;
      const ex = examples[idx];
      if (ex === undefined) continue;
      const start = fm.offsets[idx] ?? 0;
      const end = fm.offsets[idx + 1] ?? 0;
      const n = end - start;
      const x = n > 0 ? 1 / Math.sqrt(n) : 0;
      const sp = senti[idx * 2] ?? 0;
      const sn = senti[idx * 2 + 1] ?? 0;
      for (let h = 0; h < heads; h++) {
        let s = 0;
        for (let p = start; p < end; p++) s += w[(fm.rows[p] ?? 0) * heads + h] ?? 0;
        const z = (b[h] ?? 0) + s * x + (u[h * 2] ?? 0) * sp + (u[h * 2 + 1] ?? 0) * sn;
        const prob = 1 / (1 + Math.exp(-z));
        const y = (ex.intents >> h) & 1;
        ds[h] = (prob - y) * ex.weight;
      }
      for (let h = 0; h < heads; h++) {
        const d = ds[h] ?? 0;
        const gbh = (gb[h] ?? 0) + d * d;
        gb[h] = gbh;
        b[h] = (b[h] ?? 0) - (o.intentRate * d) / Math.sqrt(gbh + eps);
        for (let q = 0; q < 2; q++) {
          const gq = d * (q === 0 ? sp : sn);
          const acc = (gu[h * 2 + q] ?? 0) + gq * gq;
          gu[h * 2 + q] = acc;
          u[h * 2 + q] = (u[h * 2 + q] ?? 0) - (o.intentRate * gq) / Math.sqrt(acc + eps);
        }
      }
      for (let p = start; p < end; p++) {
        const r = (fm.rows[p] ?? 0) * heads;
        for (let h = 0; h < heads; h++) {
          const wi = w[r + h] ?? 0;
          const grad = (ds[h] ?? 0) * x + o.intentL2 * wi;
          const gi = (g[r + h] ?? 0) + grad * grad;
          g[r + h] = gi;
          w[r + h] = wi - (o.intentRate * grad) / Math.sqrt(gi + eps);
        }
      }
    }
  }
  return { w, b, u };
}

/**
 * Per intent, the logit threshold with the best F1 over out-of-fold predictions: intents are trained K times,
 * each time without one fold of example groups (templates), and scored on that fold.
 */
function chooseThresholds(examples: readonly TrainingExample[], fm: FeatureMatrix, rowsCount: number, senti: Float64Array, o: TrainOptions): number[] {
  const heads = INTENTS.length;
  const k = o.thresholdFolds;
  if (k < 2) return INTENTS.map(() => 0);
  const fold = (i: number): number => ((examples[i]?.group ?? 0) >>> 0) % k;
  const scores: number[][] = INTENTS.map(() => []);
  const gold: number[][] = INTENTS.map(() => []);
  for (let f = 0; f < k; f++) {
    const part = trainIntents(examples, fm, rowsCount, senti, o, (i) => fold(i) !== f);
    examples.forEach((ex, i) => {
      if (ex.intents < 0 || fold(i) !== f) return;
      const start = fm.offsets[i] ?? 0;
      const end = fm.offsets[i + 1] ?? 0;
      const x = end > start ? 1 / Math.sqrt(end - start) : 0;
      for (let h = 0; h < heads; h++) {
        let sum = 0;
        for (let p = start; p < end; p++) sum += part.w[(fm.rows[p] ?? 0) * heads + h] ?? 0;
        const z = (part.b[h] ?? 0) + sum * x + (part.u[h * 2] ?? 0) * (senti[i * 2] ?? 0) + (part.u[h * 2 + 1] ?? 0) * (senti[i * 2 + 1] ?? 0);
        scores[h]?.push(z);
        gold[h]?.push((ex.intents >> h) & 1);
      }
    });
  }
  return INTENTS.map((_, h) => {
    const z = scores[h] ?? [];
    const y = gold[h] ?? [];
    let best = 0;
    let bestF1 = -1;
    // Candidates from -3 to +2 in steps of 0.05; a tie keeps the one nearest 0.
    for (let step = -60; step <= 40; step++) {
      const t = step * 0.05;
      let tp = 0;
      let fp = 0;
      let fn = 0;
      z.forEach((v, i) => {
        const p = v > t;
        const g = y[i] === 1;
        if (p && g) tp++;
        else if (p) fp++;
        else if (g) fn++;
      });
      const f1 = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
      if (f1 > bestF1 + 1e-12 || (Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(t) < Math.abs(best))) {
        bestF1 = f1;
        best = t;
      }
    }
    return Math.round(best * 100) / 100;
  });
}

/** Scale so that the largest |w| maps to 127; round to nearest. Zero heads get scale 1. */
function quantiseColumn(src: Float64Array, stride: number, col: number, rows: number, dst: Int8Array, dstCol: number): number {
  let max = 0;
  for (let r = 0; r < rows; r++) {
    const v = Math.abs(src[r * stride + col] ?? 0);
    if (v > max) max = v;
  }
  const scale = max > 0 ? max / 127 : 1;
  for (let r = 0; r < rows; r++) {
    const q = Math.round((src[r * stride + col] ?? 0) / scale);
    dst[r * STRIDE + dstCol] = q > 127 ? 127 : q < -127 ? -127 : q;
  }
  return scale;
}

/** Trains both parts and returns the model file contents. Deterministic for the same inputs. */
export function trainModel(examples: readonly TrainingExample[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): ModelJson {
  const rows = 2 ** options.bits;
  const fm = featurize(examples, rows - 1);
  const sent = trainSentiment(examples, fm, rows, options);

  // Neutral becomes the reference class: head 0 = positive − neutral, head 1 = negative − neutral.
  const rel = new Float64Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    const neu = sent.w[r * 3 + 1] ?? 0;
    rel[r * 2] = (sent.w[r * 3 + 2] ?? 0) - neu;
    rel[r * 2 + 1] = (sent.w[r * 3] ?? 0) - neu;
  }
  const table = new Int8Array(rows * STRIDE);
  const scales: number[] = [];
  scales.push(quantiseColumn(rel, 2, 0, rows, table, 0));
  scales.push(quantiseColumn(rel, 2, 1, rows, table, 1));
  const neuBias = sent.b[1] ?? 0;
  const sentBias = [(sent.b[2] ?? 0) - neuBias, (sent.b[0] ?? 0) - neuBias];

  // The sentiment logits every intent-labelled example gets at inference (quantised weights, as shipped).
  const senti = new Float64Array(examples.length * 2);
  examples.forEach((ex, i) => {
    if (ex.intents < 0) return;
    const start = fm.offsets[i] ?? 0;
    const end = fm.offsets[i + 1] ?? 0;
    let a0 = 0;
    let a1 = 0;
    for (let p = start; p < end; p++) {
      const r = (fm.rows[p] ?? 0) * STRIDE;
      a0 += table[r] ?? 0;
      a1 += table[r + 1] ?? 0;
    }
    const inv = end > start ? 1 / Math.sqrt(end - start) : 0;
    senti[i * 2] = (sentBias[0] ?? 0) + (scales[0] ?? 0) * a0 * inv;
    senti[i * 2 + 1] = (sentBias[1] ?? 0) + (scales[1] ?? 0) * a1 * inv;
  });
  const thresholds = chooseThresholds(examples, fm, rows, senti, options);
  const intents = trainIntents(examples, fm, rows, senti, options);
  for (let h = 0; h < INTENTS.length; h++) scales.push(quantiseColumn(intents.w, INTENTS.length, h, rows, table, 2 + h));
  const bias = [...sentBias, ...Array.from(intents.b)];
  const model: ModelJson = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    bits: options.bits,
    scales,
    bias,
    thresholds,
    stack: Array.from(intents.u),
    weights: toBase64(encodeTable(table, rows, STRIDE, HEAD_COUNT)),
    ...(options.meta === undefined ? {} : { meta: options.meta }),
  };
  return model;
}
