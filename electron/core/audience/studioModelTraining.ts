/**
 * What a studio model is trained from, shared by the trainer child process and its tests: the shipped chat set
 * (resources/datasets/chat, train split) and the studio's corrections, weighted as scripts/classifier/train.ts
 * weighs them. The public review corpora the shipped model also saw are not part of an installed app, so a studio
 * model is trained from the chat set and the corrections only.
 */
import { z } from 'zod';
import { INTENTS, SENTIMENTS, type Intent, type Sentiment } from '../../../shared/domain/classifier/model.js';
import type { TrainingExample } from '../../../shared/domain/classifier/train.js';

const WEIGHT_CHAT_SENTIMENT = 4;
const WEIGHT_CHAT_INTENTS = 1;
const WEIGHT_CORRECTION = 3;

export const ChatSetLine = z.object({
  text: z.string().min(1),
  sentiment: z.enum(SENTIMENTS),
  intents: z.array(z.enum(INTENTS)),
  split: z.enum(['train', 'heldout']),
  template: z.string(),
});
export type ChatSetLine = z.infer<typeof ChatSetLine>;

export interface StudioCorrection {
  readonly text: string;
  readonly sentiment: Sentiment;
  readonly intents: readonly Intent[];
}

/** The chat set's JSONL; a bad line is named (the file ships with the app, so this is a packaging defect). */
export function parseChatSet(content: string, name: string): ChatSetLine[] {
  const out: ChatSetLine[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not JSON`);
    }
    const r = ChatSetLine.safeParse(v);
    if (!r.success) throw new Error(`${name}:${i + 1}: ${r.error.issues[0]?.message ?? 'not a chat line'}`);
    out.push(r.data);
  });
  return out;
}

/** FNV-1a, 32 bits (the grouping hash of scripts/classifier). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function intentBits(intents: readonly Intent[]): number {
  let m = 0;
  for (const i of intents) m |= 1 << INTENTS.indexOf(i);
  return m;
}

function examplesOf(l: StudioCorrection, ws: number, wi: number, group: string): TrainingExample[] {
  return [
    { text: l.text, sentiment: SENTIMENTS.indexOf(l.sentiment), intents: -1, weight: ws },
    { text: l.text, sentiment: -1, intents: intentBits(l.intents), weight: wi, group: fnv1a(group.split(' + ')[0] ?? group) },
  ];
}

/** The training examples: the chat set's train split, then the corrections (which count three times as much). */
export function studioExamples(chat: readonly ChatSetLine[], corrections: readonly StudioCorrection[]): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const l of chat) if (l.split === 'train') examples.push(...examplesOf(l, WEIGHT_CHAT_SENTIMENT, WEIGHT_CHAT_INTENTS, l.template));
  for (const c of corrections) examples.push(...examplesOf(c, WEIGHT_CORRECTION * WEIGHT_CHAT_SENTIMENT, WEIGHT_CORRECTION, `correction:${c.text}`));
  return examples;
}

/** What the parent sends the trainer process. */
export const TrainJob = z.object({
  chatSet: z.string().min(1),
  out: z.string().min(1),
  corrections: z.array(z.object({ text: z.string().min(1), sentiment: z.enum(SENTIMENTS), intents: z.array(z.enum(INTENTS)) })),
  meta: z.record(z.string(), z.unknown()),
});
export type TrainJob = z.infer<typeof TrainJob>;

/** What the trainer process reports. */
export const TrainerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), stage: z.enum(['training', 'evaluating']) }),
  z.object({
    type: z.literal('done'),
    examples: z.number().int(),
    trainMs: z.number().int(),
    sentimentAccuracy: z.number(),
    intentMacroF1: z.number(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type TrainerMessage = z.infer<typeof TrainerMessage>;
