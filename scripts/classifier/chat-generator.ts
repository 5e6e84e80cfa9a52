// The synthetic labelled live-commerce chat set, generated from the hand-written fragments and lexicons in
// chat-lexicon.ts. Seeded: the same seed gives the same lines (generate-chat.ts writes them to a file).
//
// Split: each fragment (template) belongs to train or held-out by a hash of its pattern, so held-out lines
// come from templates the model never saw; the hand-written natural lines split by a hash of their text.
// Lines whose normalised text (no spaces, punctuation, emoji, emoticon codes or particles) already exists
// are dropped, and a held-out line whose normalised text is also a train line's is dropped from held-out.
import { INTENTS, type Intent, type Sentiment } from '../../shared/domain/classifier/model.js';
import { seededRng } from '../../shared/domain/random.js';
import { EN_FRAGMENTS, EN_SLOTS, EN_TAILS, NATURAL_LINES, ZH_FRAGMENTS, ZH_SLOTS, ZH_TAILS, type FragmentGroup, type Lexicon } from './chat-lexicon.js';
import { fnv1a } from '../../shared/domain/classifier/labelledData.js';
import type { ChatLine } from './data.js';

export const DEFAULT_CHAT_SEED = 7;
/** Percent of fragments (and of natural lines) held out. */
export const CHAT_HELD_OUT_PERCENT = 25;

type Lang = 'zh' | 'en';
type Split = 'train' | 'heldout';

interface Fragment {
  readonly id: string;
  readonly lang: Lang;
  readonly pattern: string;
  readonly s: Sentiment;
  readonly i: readonly Intent[];
  readonly split: Split;
}

interface Tails {
  readonly positive: readonly string[];
  readonly negative: readonly string[];
  readonly question: readonly string[];
  readonly neutral: readonly string[];
}

/** Text reduced to what makes two chat lines "the same line": used for de-duplication across splits. */
export function normaliseForDedup(text: string): string {
  return text
    .toLowerCase()
    .replace(/\[[^\]\s]{1,6}\]/gu, '')
    .replace(/[\s\p{P}\p{S}\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/[啊呀呢吧哈啦嘛哦噢呗嘞哇]/gu, '')
    .replace(/(.)\1{2,}/gu, '$1$1');
}

/** The key two lines are "the same line" by: the normalised text, or the text itself when nothing is left (emoji-only lines). */
export function dedupKey(text: string): string {
  const key = normaliseForDedup(text);
  return key === '' ? text.trim() : key;
}

function fragmentsOf(lang: Lang, groups: readonly FragmentGroup[]): Fragment[] {
  const out: Fragment[] = [];
  for (const g of groups) {
    for (const pattern of g.t) {
      const id = `${lang}:${pattern}`;
      out.push({ id, lang, pattern, s: g.s, i: g.i, split: fnv1a(id) % 100 < CHAT_HELD_OUT_PERCENT ? 'heldout' : 'train' });
    }
  }
  return out;
}

function pick<T>(items: readonly T[], rand: () => number): T {
  const v = items[Math.floor(rand() * items.length)];
  if (v === undefined) throw new Error('pick from an empty list');
  return v;
}

function expand(pattern: string, slots: Lexicon, rand: () => number): string {
  return pattern.replace(/\{([A-Z]+)\}/g, (_m, name: string) => {
    const values = slots[name];
    if (values === undefined) throw new Error(`unknown slot {${name}} in "${pattern}"`);
    return pick(values, rand);
  });
}

function combineSentiment(a: Sentiment, b: Sentiment): Sentiment {
  if (a === b) return a;
  if (a === 'neutral') return b;
  if (b === 'neutral') return a;
  return 'neutral'; // praise and displeasure in one message: mixed
}

function sortedIntents(list: Iterable<Intent>): Intent[] {
  const set = new Set(list);
  return INTENTS.filter((i) => set.has(i));
}

interface Draft {
  text: string;
  s: Sentiment;
  i: Intent[];
}

/** Adds an address, a tail emoji/emoticon, punctuation or casing; may change sentiment only in the documented way. */
function decorate(d: Draft, lang: Lang, rand: () => number): Draft {
  const tails: Tails = lang === 'zh' ? ZH_TAILS : EN_TAILS;
  const slots = lang === 'zh' ? ZH_SLOTS : EN_SLOTS;
  let text = d.text;
  let s = d.s;
  const r = rand();
  if (rand() < 0.12) {
    const h = pick(slots.H ?? [], rand);
    text = lang === 'zh' ? `${h}${rand() < 0.5 ? ' ' : ''}${text}` : `${h} ${text}`;
  }
  if (s === 'positive' && r < 0.35) text += (lang === 'en' ? ' ' : '') + pick(tails.positive, rand);
  else if (s === 'negative' && r < 0.35) text += (lang === 'en' && rand() < 0.7 ? ' ' : '') + pick(tails.negative, rand);
  else if (d.i.includes('question') && r < 0.4 && !/[?？]$/.test(text)) text += pick(tails.question, rand);
  else if (s === 'neutral' && !d.i.includes('price_objection') && !d.i.includes('complaint') && r > 0.9) {
    // an excited emoji makes a plain request or question positive ("上链接😍", "how much 😍")
    text += (lang === 'en' ? ' ' : '') + pick(tails.positive, rand);
    s = 'positive';
  } else if (r > 0.75) text += pick(tails.neutral, rand);
  if (lang === 'en') {
    const c = rand();
    if (c < 0.2) text = text.charAt(0).toUpperCase() + text.slice(1);
    else if (c < 0.24) text = text.toUpperCase();
  }
  return { text: text.trim(), s, i: d.i };
}

export function generateChatSet(seed = DEFAULT_CHAT_SEED): ChatLine[] {
  const rand = seededRng(seed);
  const lines: ChatLine[] = [];
  const seen = new Map<string, Split>();
  const add = (d: Draft, lang: Lang, split: Split, source: string, template: string): void => {
    const k = dedupKey(d.text);
    if (k === '' || seen.has(k)) return;
    seen.set(k, split);
    lines.push({ text: d.text, lang, sentiment: d.s, intents: sortedIntents(d.i), split, source, template });
  };

  for (const [lang, groups, slots] of [
    ['zh', ZH_FRAGMENTS, ZH_SLOTS],
    ['en', EN_FRAGMENTS, EN_SLOTS],
  ] as const) {
    const frags = fragmentsOf(lang, groups);
    // Train fragments first, so a text that both splits can produce is kept in train.
    const ordered = [...frags.filter((f) => f.split === 'train'), ...frags.filter((f) => f.split === 'heldout')];
    for (const f of ordered) {
      const copies = (f.pattern.includes('{') ? 5 : 2) + (lang === 'en' ? 1 : 0);
      for (let c = 0; c < copies; c++) {
        add(decorate({ text: expand(f.pattern, slots, rand), s: f.s, i: [...f.i] }, lang, rand), lang, f.split, 'template', f.id);
      }
    }
    // Two fragments in one message, both from the same split.
    for (const split of ['train', 'heldout'] as const) {
      // Real chat is mostly one thing per message: pairs are a minority and join single-intent templates.
      const pool = frags.filter((f) => f.split === split && f.i.length === 1);
      const pairs = Math.round(pool.length * 0.45);
      for (let k = 0; k < pairs; k++) {
        const a = pick(pool, rand);
        const b = pick(pool, rand);
        // Different templates, and never praise glued to displeasure (the explicit mixed templates cover that).
        if (a.id === b.id || (a.s !== 'neutral' && b.s !== 'neutral' && a.s !== b.s)) continue;
        const sep = lang === 'zh' ? pick([' ', '，', ' ', '', '!'], rand) : pick([' ', ', ', '. ', ' - ', ' '], rand);
        const text = `${expand(a.pattern, slots, rand)}${sep}${expand(b.pattern, slots, rand)}`;
        add(decorate({ text, s: combineSentiment(a.s, b.s), i: [...a.i, ...b.i] }, lang, rand), lang, split, 'template-pair', `${a.id} + ${b.id}`);
      }
    }
  }

  for (const [text, s, i] of NATURAL_LINES) {
    const lang: Lang = /[\u4e00-\u9fff]/.test(text) ? 'zh' : 'en';
    add({ text, s, i: [...i] }, lang, fnv1a(`natural:${text}`) % 100 < CHAT_HELD_OUT_PERCENT ? 'heldout' : 'train', 'handwritten', `natural:${text}`);
  }
  return lines;
}
