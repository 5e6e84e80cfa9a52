/**
 * What a studio model is trained from, shared by the trainer child process and its tests: the shipped chat set
 * (resources/datasets/chat, train split) and the studio's corrections, weighted as scripts/classifier/train.ts
 * weighs them. The public review corpora the shipped model also saw are not part of an installed app, so a studio
 * model is trained from the chat set and the corrections only.
 */
import { z } from 'zod';
import { labelledExamples, type ChatSetLine, type Correction } from '../../../shared/domain/classifier/labelledData.js';
import { INTENTS, SENTIMENTS } from '../../../shared/domain/classifier/model.js';
import type { TrainingExample } from '../../../shared/domain/classifier/train.js';

const WEIGHT_CHAT_SENTIMENT = 4;
const WEIGHT_CHAT_INTENTS = 1;
const WEIGHT_CORRECTION = 3;

/** The training examples: the chat set's train split, then the corrections (which count three times as much). */
export function studioExamples(chat: readonly ChatSetLine[], corrections: readonly Correction[]): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const l of chat) if (l.split === 'train') examples.push(...labelledExamples(l, WEIGHT_CHAT_SENTIMENT, WEIGHT_CHAT_INTENTS, l.template));
  for (const c of corrections) examples.push(...labelledExamples(c, WEIGHT_CORRECTION * WEIGHT_CHAT_SENTIMENT, WEIGHT_CORRECTION, `correction:${c.text}`));
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
