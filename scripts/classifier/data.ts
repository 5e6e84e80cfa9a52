// Loading the data sets the classifier trains and is measured on, with their fixed splits.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../shared/domain/csv.js';
import { INTENTS, SENTIMENTS, type Intent, type Sentiment } from '../../shared/domain/classifier/model.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The public sets live beside the checkout (../shared/data/sentiment); SENTIMENT_DATA_DIR overrides. */
export function sentimentDataDir(): string {
  return process.env.SENTIMENT_DATA_DIR ?? resolve(repoRoot, '..', 'shared', 'data', 'sentiment');
}
export const chatSetPath = join(repoRoot, 'resources', 'datasets', 'chat', 'chat.jsonl');
export const modelPath = join(repoRoot, 'resources', 'classifier', 'model.json');

/** 32-bit FNV-1a over UTF-16 code units; the split key of every set. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

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

export function loadChatSet(file = chatSetPath): ChatLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ChatLine);
}

/** A studio correction: `{text, sentiment, intents}` per JSONL line. Throws naming the bad line. */
export interface Correction {
  readonly text: string;
  readonly sentiment: Sentiment;
  readonly intents: Intent[];
}

export function parseCorrections(content: string, name: string): Correction[] {
  const out: Correction[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${name}:${i + 1}: not JSON`);
    }
    if (typeof v !== 'object' || v === null) throw new Error(`${name}:${i + 1}: not an object`);
    const o = v as Record<string, unknown>;
    if (typeof o.text !== 'string' || o.text.trim() === '') throw new Error(`${name}:${i + 1}: text must be a non-empty string`);
    if (typeof o.sentiment !== 'string' || sentimentIndex(o.sentiment) < 0) throw new Error(`${name}:${i + 1}: sentiment must be one of ${SENTIMENTS.join(', ')}`);
    const intents = o.intents ?? [];
    if (!Array.isArray(intents) || !intents.every((x): x is Intent => typeof x === 'string' && (INTENTS as readonly string[]).includes(x))) {
      throw new Error(`${name}:${i + 1}: intents must be an array of ${INTENTS.join(', ')}`);
    }
    out.push({ text: o.text, sentiment: o.sentiment as Sentiment, intents });
  });
  return out;
}
