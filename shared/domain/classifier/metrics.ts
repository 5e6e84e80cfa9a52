/** Evaluation of a loaded model on labelled texts: the figures the training script and the benchmark report. */
import { classify, createScores, INTENTS, scoreInto, SENTIMENTS, type ChatModel, type Intent } from './model.js';

export interface SentimentFigures {
  readonly n: number;
  readonly accuracy: number;
  /** Mean F1 over the classes present in the gold labels. */
  readonly macroF1: number;
}

export interface IntentFigures {
  readonly n: number;
  /** Mean of the five per-intent F1 scores. */
  readonly macroF1: number;
  readonly perIntent: Readonly<Record<Intent, { precision: number; recall: number; f1: number; support: number }>>;
  /** Share of messages whose predicted intent set equals the gold set. */
  readonly exactMatch: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function f1(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Accuracy and macro-F1 from gold and predicted class indices. */
export function classFigures(gold: readonly number[], pred: readonly number[], classes: number): SentimentFigures {
  const tp = new Array<number>(classes).fill(0);
  const fp = new Array<number>(classes).fill(0);
  const fn = new Array<number>(classes).fill(0);
  let correct = 0;
  gold.forEach((g, i) => {
    const p = pred[i] ?? -1;
    if (p === g) {
      correct++;
      tp[g] = (tp[g] ?? 0) + 1;
    } else {
      fn[g] = (fn[g] ?? 0) + 1;
      if (p >= 0) fp[p] = (fp[p] ?? 0) + 1;
    }
  });
  let sum = 0;
  let present = 0;
  for (let c = 0; c < classes; c++) {
    if ((tp[c] ?? 0) + (fn[c] ?? 0) === 0) continue;
    present++;
    sum += f1(tp[c] ?? 0, fp[c] ?? 0, fn[c] ?? 0).f1;
  }
  return { n: gold.length, accuracy: round(gold.length > 0 ? correct / gold.length : 0), macroF1: round(present > 0 ? sum / present : 0) };
}

/** 3-way sentiment figures of the model on texts labelled 0 negative, 1 neutral, 2 positive. */
export function evaluateSentiment(model: ChatModel, items: readonly { text: string; sentiment: number }[]): SentimentFigures {
  const gold: number[] = [];
  const pred: number[] = [];
  for (const it of items) {
    gold.push(it.sentiment);
    pred.push(SENTIMENTS.indexOf(classify(model, it.text).sentiment));
  }
  return classFigures(gold, pred, 3);
}

/** 2-way figures for sets that only know negative/positive: the larger of the two logits wins. */
export function evaluatePolarity(model: ChatModel, items: readonly { text: string; sentiment: number }[]): SentimentFigures {
  const scores = createScores();
  const gold: number[] = [];
  const pred: number[] = [];
  for (const it of items) {
    scoreInto(model, it.text, scores);
    gold.push(it.sentiment === 2 ? 1 : 0);
    pred.push((scores[2] ?? 0) >= (scores[0] ?? 0) ? 1 : 0);
  }
  return classFigures(gold, pred, 2);
}

export function evaluateIntents(model: ChatModel, items: readonly { text: string; intents: readonly Intent[] }[]): IntentFigures {
  const tp = INTENTS.map(() => 0);
  const fp = INTENTS.map(() => 0);
  const fn = INTENTS.map(() => 0);
  let exact = 0;
  for (const it of items) {
    const got = classify(model, it.text).intents;
    let differences = 0;
    for (let k = 0; k < INTENTS.length; k++) {
      const intent = INTENTS[k] ?? 'purchase';
      const g = it.intents.includes(intent);
      const p = got.includes(intent);
      if (g && p) tp[k] = (tp[k] ?? 0) + 1;
      else if (p) fp[k] = (fp[k] ?? 0) + 1;
      else if (g) fn[k] = (fn[k] ?? 0) + 1;
      if (g !== p) differences++;
    }
    if (differences === 0) exact++;
  }
  const perIntent = {} as Record<Intent, { precision: number; recall: number; f1: number; support: number }>;
  let sum = 0;
  INTENTS.forEach((intent, k) => {
    const r = f1(tp[k] ?? 0, fp[k] ?? 0, fn[k] ?? 0);
    sum += r.f1;
    perIntent[intent] = { precision: round(r.precision), recall: round(r.recall), f1: round(r.f1), support: (tp[k] ?? 0) + (fn[k] ?? 0) };
  });
  return { n: items.length, macroF1: round(sum / INTENTS.length), perIntent, exactMatch: round(items.length > 0 ? exact / items.length : 0) };
}

