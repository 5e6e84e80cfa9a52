// `npm run bench -- classify`: chat classifier throughput on one core and its figures on every held-out split.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { evaluateIntents, evaluatePolarity, evaluateSentiment } from '../shared/domain/classifier/metrics.js';
import { classify, loadModel } from '../shared/domain/classifier/model.js';
import { chatSetPath, loadChatSet, loadOnlineShopping, loadTweetEval, modelPath, repoRoot } from '../scripts/classifier/data.js';
import { sentimentIndex } from '../shared/domain/classifier/labelledData.js';

const WARM_UP_MS = 500;
const MIN_TIMED_MS = 1500;
const MAX_CHARS = 20;

/** Messages per second over `messages`, repeated until at least `minMs` have passed. */
function throughput(run: (text: string) => number, messages: readonly string[], minMs: number): { perSecond: number; messages: number; ms: number } {
  let count = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (const m of messages) sink += run(m);
    count += messages.length;
    elapsed = performance.now() - start;
  }
  // The sink keeps the work observable so nothing is optimised away.
  if (Number.isNaN(sink)) throw new Error('classifier returned NaN confidence');
  return { perSecond: Math.round((count / elapsed) * 1000), messages: count, ms: Math.round(elapsed) };
}

export async function run(): Promise<Record<string, unknown>> {
  const model = loadModel(JSON.parse(readFileSync(modelPath, 'utf8')) as unknown);
  const chat = loadChatSet();

  // The realistic mix: every chat-set line of at most 20 characters (zh and en, emoji and emoticon codes),
  // shuffled deterministically so languages and intents interleave as in a live room.
  const mix = chat
    .map((l) => l.text)
    .filter((t) => Array.from(t).length <= MAX_CHARS)
    .map((t, i) => ({ t, k: Math.imul(i + 1, 0x9e3779b1) >>> 0 }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.t);
  const lengths = mix.map((t) => Array.from(t).length).sort((a, b) => a - b);
  const classifyOne = (t: string): number => classify(model, t).confidence;
  throughput(classifyOne, mix, WARM_UP_MS);
  const timed = throughput(classifyOne, mix, MIN_TIMED_MS);

  const held = chat.filter((l) => l.split === 'heldout');
  const shopping = loadOnlineShopping();
  const tweets = loadTweetEval();
  const sentimentItems = (ls: typeof held): { text: string; sentiment: number }[] => ls.map((l) => ({ text: l.text, sentiment: sentimentIndex(l.sentiment) }));
  await Promise.resolve();
  return {
    model: relative(repoRoot, modelPath),
    model_bytes: readFileSync(modelPath).length,
    throughput: {
      messages_per_second: timed.perSecond,
      target: 300_000,
      timed_messages: timed.messages,
      timed_ms: timed.ms,
      warm_up_ms: WARM_UP_MS,
      mix: `${mix.length} distinct chat-set lines of <= ${MAX_CHARS} characters, median ${lengths[Math.floor(lengths.length / 2)] ?? 0}`,
      cores: 1,
    },
    online_shopping_heldout_2way: shopping === undefined ? 'data not found' : { ...evaluatePolarity(model, shopping.heldOut), target_accuracy: 0.92 },
    tweeteval_test_heldout_3way: tweets === undefined ? 'data not found' : evaluateSentiment(model, tweets.heldOut),
    chat_heldout: {
      file: relative(repoRoot, chatSetPath),
      sentiment: evaluateSentiment(model, sentimentItems(held)),
      intents_macro_f1: evaluateIntents(model, held).macroF1,
      intents_target_macro_f1: 0.85,
      intents_per_intent_f1: Object.fromEntries(Object.entries(evaluateIntents(model, held).perIntent).map(([k, v]) => [k, v.f1])),
      handwritten_only: {
        n: held.filter((l) => l.source === 'handwritten').length,
        sentiment: evaluateSentiment(model, sentimentItems(held.filter((l) => l.source === 'handwritten'))),
        intents_macro_f1: evaluateIntents(model, held.filter((l) => l.source === 'handwritten')).macroF1,
      },
    },
  };
}
