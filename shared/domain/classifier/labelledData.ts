/**
 * Labelled chat lines as the classifier's trainers read them — the training script (scripts/classifier) and a
 * studio's local retraining (electron/core/audience/studioModelTraining.ts) — so both hash, mask, weigh and refuse
 * bad lines the same way.
 */
import { z } from 'zod';
import { INTENTS, SENTIMENTS, type Intent, type Sentiment } from './model.js';
import type { TrainingExample } from './train.js';

/** 32-bit FNV-1a over UTF-16 code units; the split key of every set and the grouping hash of templates. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Intents as a bit mask in INTENTS order (unknown names are ignored). */
export function intentMask(intents: readonly string[]): number {
  let m = 0;
  for (const it of intents) {
    const i = (INTENTS as readonly string[]).indexOf(it);
    if (i >= 0) m |= 1 << i;
  }
  return m;
}

export function sentimentIndex(s: string): number {
  return (SENTIMENTS as readonly string[]).indexOf(s);
}

const INTENTS_MESSAGE = `intents must be an array of ${INTENTS.join(', ')}`;

/** A person's label for a text: what `audience.exportCorrections` writes, one JSON object a line. */
export const LabelledLine = z.object({
  text: z.string().refine((t) => t.trim() !== '', 'text must be a non-empty string'),
  sentiment: z.enum(SENTIMENTS, { message: `sentiment must be one of ${SENTIMENTS.join(', ')}` }),
  intents: z.array(z.enum(INTENTS, { message: INTENTS_MESSAGE }), { message: INTENTS_MESSAGE }).default([]),
});
export interface Correction {
  readonly text: string;
  readonly sentiment: Sentiment;
  readonly intents: Intent[];
}

/** A line of the shipped chat set (resources/datasets/chat/chat.jsonl). */
export const ChatSetLine = z.object({
  text: z.string().min(1),
  sentiment: z.enum(SENTIMENTS),
  intents: z.array(z.enum(INTENTS)),
  split: z.enum(['train', 'heldout']),
  /** The fragment pattern(s) the line came from ("zh:{P}多少钱", "a + b"), or natural:<text>. */
  template: z.string(),
});
export type ChatSetLine = z.infer<typeof ChatSetLine>;

/** Reads JSONL with a schema; blank lines are skipped; the first bad line throws `name:line: reason`. */
export function parseJsonl<T>(content: string, name: string, schema: z.ZodType<T>): T[] {
  const out: T[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not JSON`);
    }
    const r = schema.safeParse(v);
    if (!r.success) throw new Error(`${name}:${i + 1}: ${r.error.issues[0]?.message ?? 'not a labelled line'}`);
    out.push(r.data);
  });
  return out;
}

export const parseCorrections = (content: string, name: string): Correction[] => parseJsonl(content, name, LabelledLine);
export const parseChatSet = (content: string, name: string): ChatSetLine[] => parseJsonl(content, name, ChatSetLine);

/**
 * The two training rows of a labelled line: one teaches sentiment with weight `ws`, one teaches intents with `wi`.
 * The group (the first template of the line) keeps a template's lines in one fold when thresholds are chosen.
 */
export function labelledExamples(
  l: { readonly text: string; readonly sentiment: string; readonly intents: readonly string[] },
  ws: number,
  wi: number,
  group: string,
): TrainingExample[] {
  return [
    { text: l.text, sentiment: sentimentIndex(l.sentiment), intents: -1, weight: ws },
    { text: l.text, sentiment: -1, intents: intentMask(l.intents), weight: wi, group: fnv1a(group.split(' + ')[0] ?? group) },
  ];
}
