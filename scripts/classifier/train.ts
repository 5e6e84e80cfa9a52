// Trains the chat classifier and writes resources/classifier/model.json; prints the evaluation as JSON.
//
//   npx tsx scripts/classifier/train.ts [--seed N] [--bits N] [--no-online-shopping] [--no-tweeteval]
//                                       [--corrections FILE.jsonl] [--chat FILE.jsonl] [--out FILE]
//
// Data: the train split of the synthetic chat set (sentiment + intents), the train split of
// online_shopping_10_cats (zh reviews, 2-way sentiment; no licence stated: see resources/classifier/README.md)
// and of TweetEval (en tweets, 3-way sentiment), plus optional studio corrections ({text, sentiment, intents}
// per line), which count more than any other example. Same seed and data: same model file, byte for byte.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { loadModel } from '../../shared/domain/classifier/model.js';
import { evaluateIntents, evaluatePolarity, evaluateSentiment } from '../../shared/domain/classifier/metrics.js';
import { DEFAULT_TRAIN_OPTIONS, trainModel, type TrainingExample } from '../../shared/domain/classifier/train.js';
import { labelledExamples, parseCorrections, sentimentIndex } from '../../shared/domain/classifier/labelledData.js';
import {
  chatSetPath,
  loadChatSet,
  loadOnlineShopping,
  loadTweetEval,
  modelPath,
  repoRoot,
  sentimentDataDir,
  SHOPPING_HELD_OUT_BUCKETS,
  TWEET_HELD_OUT_BUCKETS,
  type ChatLine,
} from './data.js';

/** How much one example counts, by source (the chat set is small next to the review corpus). */
const WEIGHT_CHAT_SENTIMENT = 4;
const WEIGHT_CHAT_INTENTS = 1;
const WEIGHT_CORRECTION = 3;

interface Args {
  seed: number;
  bits: number;
  onlineShopping: boolean;
  tweetEval: boolean;
  corrections: string | undefined;
  chat: string;
  out: string;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { seed: DEFAULT_TRAIN_OPTIONS.seed, bits: DEFAULT_TRAIN_OPTIONS.bits, onlineShopping: true, tweetEval: true, corrections: undefined, chat: chatSetPath, out: modelPath };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    const value = (): string => {
      if (v === undefined) throw new UsageError(`${String(k)} needs a value`);
      i++;
      return v;
    };
    if (k === '--seed') a.seed = Number(value());
    else if (k === '--bits') a.bits = Number(value());
    else if (k === '--no-online-shopping') a.onlineShopping = false;
    else if (k === '--no-tweeteval') a.tweetEval = false;
    else if (k === '--corrections') a.corrections = value();
    else if (k === '--chat') a.chat = value();
    else if (k === '--out') a.out = value();
    else throw new UsageError(`unknown argument ${String(k)}`);
  }
  if (!Number.isInteger(a.seed)) throw new UsageError('--seed must be an integer');
  if (!Number.isInteger(a.bits) || a.bits < 12 || a.bits > 20) throw new UsageError('--bits must be an integer in 12..20');
  return a;
}

/** Corrections are user input: a missing file or a bad line is a usage error (exit 2), named in one line. */
function readCorrections(file: string): ReturnType<typeof parseCorrections> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : String(e);
    throw new UsageError(`cannot read corrections ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  try {
    return parseCorrections(content, file);
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const chat = loadChatSet(args.chat);
  const chatTrain = chat.filter((l) => l.split === 'train');
  const chatHeld = chat.filter((l) => l.split === 'heldout');
  const shopping = loadOnlineShopping();
  const tweets = loadTweetEval();
  const corrections = args.corrections === undefined ? [] : readCorrections(args.corrections);

  const examples: TrainingExample[] = [];
  for (const l of chatTrain) examples.push(...labelledExamples(l, WEIGHT_CHAT_SENTIMENT, WEIGHT_CHAT_INTENTS, l.template));
  if (args.onlineShopping && shopping !== undefined) for (const r of shopping.train) examples.push({ text: r.text, sentiment: r.sentiment, intents: -1, weight: 1 });
  if (args.tweetEval && tweets !== undefined) for (const r of tweets.train) examples.push({ text: r.text, sentiment: r.sentiment, intents: -1, weight: 1 });
  for (const c of corrections) examples.push(...labelledExamples(c, WEIGHT_CORRECTION * WEIGHT_CHAT_SENTIMENT, WEIGHT_CORRECTION, `correction:${c.text}`));

  const data = {
    chat: { file: relative(repoRoot, args.chat), train: chatTrain.length, heldout: chatHeld.length },
    online_shopping: args.onlineShopping && shopping !== undefined ? { train: shopping.train.length, heldout_buckets: `fnv1a(text) % 100 < ${SHOPPING_HELD_OUT_BUCKETS}` } : 'not used',
    tweeteval: args.tweetEval && tweets !== undefined ? { train: tweets.train.length, heldout_buckets: `test file, fnv1a(text) % 100 < ${TWEET_HELD_OUT_BUCKETS}` } : 'not used',
    corrections: args.corrections === undefined ? 0 : corrections.length,
  };
  const options = { ...DEFAULT_TRAIN_OPTIONS, seed: args.seed, bits: args.bits };
  const json = trainModel(examples, { ...options, meta: { data, seed: args.seed, bits: args.bits } });
  const trainSeconds = (performance.now() - started) / 1000;
  const text = JSON.stringify(json);
  writeFileSync(args.out, `${text}\n`);

  // Figures of the shipped (quantised) model, read back the way the app reads it.
  const model = loadModel(JSON.parse(readFileSync(args.out, 'utf8')));
  const sentimentOf = (l: ChatLine): { text: string; sentiment: number } => ({ text: l.text, sentiment: sentimentIndex(l.sentiment) });
  const byLang = (lang: 'zh' | 'en'): Record<string, unknown> => {
    const ls = chatHeld.filter((l) => l.lang === lang);
    return { sentiment: evaluateSentiment(model, ls.map(sentimentOf)), intents: evaluateIntents(model, ls) };
  };
  const evaluation = {
    model: relative(repoRoot, args.out),
    bytes: statSync(args.out).size,
    seed: args.seed,
    data,
    train_seconds: Math.round(trainSeconds * 10) / 10,
    online_shopping_heldout: shopping === undefined ? 'data not found' : evaluatePolarity(model, shopping.heldOut),
    tweeteval_test_heldout: tweets === undefined ? 'data not found' : evaluateSentiment(model, tweets.heldOut),
    chat_heldout: {
      sentiment: evaluateSentiment(model, chatHeld.map(sentimentOf)),
      intents: evaluateIntents(model, chatHeld),
      zh: byLang('zh'),
      en: byLang('en'),
    },
    public_data_dir: relative(repoRoot, sentimentDataDir()),
  };
  console.log(JSON.stringify(evaluation, null, 2));
}

try {
  main();
} catch (e) {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`train: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
}
