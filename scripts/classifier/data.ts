// Loading the data sets the classifier trains and is measured on, with their fixed splits.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../shared/domain/csv.js';
import { fnv1a } from '../../shared/domain/classifier/labelledData.js';
import { type Intent, type Sentiment } from '../../shared/domain/classifier/model.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The public sets live beside the checkout (../shared/data/sentiment); SENTIMENT_DATA_DIR overrides. */
export function sentimentDataDir(): string {
  return process.env.SENTIMENT_DATA_DIR ?? resolve(repoRoot, '..', 'shared', 'data', 'sentiment');
}
export const chatSetPath = join(repoRoot, 'resources', 'datasets', 'chat', 'chat.jsonl');
export const modelPath = join(repoRoot, 'resources', 'classifier', 'model.json');


/** Which of 100 buckets a text falls in (by its trimmed text, so duplicates share a split). */
export function bucketOf(text: string): number {
  return fnv1a(text.trim()) % 100;
}

export interface LabelledText {
  readonly text: string;
  /** 0 negative, 1 neutral, 2 positive */
  readonly sentiment: number;
}

export interface Split<T> {
  readonly train: T[];
  readonly heldOut: T[];
}

/** online_shopping_10_cats: 2-way reviews. Held-out = buckets 0..19 of the review text (20 %). */
export const SHOPPING_HELD_OUT_BUCKETS = 20;
export function loadOnlineShopping(dir = sentimentDataDir()): Split<LabelledText> | undefined {
  const file = join(dir, 'zh-online_shopping_10_cats.csv');
  if (!existsSync(file)) return undefined;
  const parsed = parseCsv(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`${file}:${parsed.line}: ${parsed.reason}`);
  const out: Split<LabelledText> = { train: [], heldOut: [] };
  for (const rec of parsed.records.slice(1)) {
    const label = rec.fields[1];
    const text = rec.fields.slice(2).join(',').replace(/^\uFEFF/, '').trim();
    if ((label !== '0' && label !== '1') || text === '') continue;
    const item = { text, sentiment: label === '1' ? 2 : 0 };
    (bucketOf(text) < SHOPPING_HELD_OUT_BUCKETS ? out.heldOut : out.train).push(item);
  }
  return out;
}

/**
 * TweetEval sentiment. The copy here has the official validation and test files but not the train file:
 * train = validation + test buckets 40..99; held-out = test buckets 0..39 (~40 % of the official test).
 */
export const TWEET_HELD_OUT_BUCKETS = 40;
export function loadTweetEval(dir = sentimentDataDir()): Split<LabelledText> | undefined {
  const base = join(dir, 'en-tweeteval');
  const read = (name: string): LabelledText[] => {
    const texts = readFileSync(join(base, `${name}_text.txt`), 'utf8').split('\n');
    const labels = readFileSync(join(base, `${name}_labels.txt`), 'utf8').split('\n');
    const out: LabelledText[] = [];
    texts.forEach((t, i) => {
      const l = Number(labels[i]);
      const text = t.trim();
      if (text !== '' && (l === 0 || l === 1 || l === 2)) out.push({ text, sentiment: l });
    });
    return out;
  };
  if (!existsSync(join(base, 'test_text.txt'))) return undefined;
  const out: Split<LabelledText> = { train: read('val'), heldOut: [] };
  for (const item of read('test')) (bucketOf(item.text) < TWEET_HELD_OUT_BUCKETS ? out.heldOut : out.train).push(item);
  return out;
}

/** One line of the chat set (resources/datasets/chat/chat.jsonl). */
export interface ChatLine {
  readonly text: string;
  readonly lang: 'zh' | 'en';
  readonly sentiment: Sentiment;
  readonly intents: Intent[];
  readonly split: 'train' | 'heldout';
  /** template, template-pair or handwritten */
  readonly source: string;
  /** The fragment pattern(s) the line came from ("zh:{P}多少钱", "a + b"), or natural:<text>. */
  readonly template: string;
}

export function loadChatSet(file = chatSetPath): ChatLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ChatLine);
}

