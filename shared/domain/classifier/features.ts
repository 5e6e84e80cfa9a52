/**
 * Hashed features of a chat message, shared by training and inference so both see the same numbers.
 *
 * The text is read once, code point by code point, into "units": a CJK character, a Latin word
 * (lower-cased, letters repeated more than twice cut to two, apostrophes dropped), a digit run, an
 * emoticon code such as [哈哈] or [怒], an emoji or other symbol, or one of the punctuation marks that
 * carry tone (? ! ~ + ¥). Every unit emits its unigram, the bigram and trigram ending at it; a Latin
 * word also emits its character trigrams with boundary marks, so "pls"/"plz" or "pricey"/"price" share
 * features. Clause punctuation (，。,.;: and the like) ends the n-gram chain. Full-width ASCII is folded
 * to ASCII first.
 *
 * Each feature is a 32-bit hash; a model takes as many low bits as its table has. Nothing here allocates
 * unless the scratch buffer is too small for the text (then it grows once and is reused).
 */

/** Reusable output buffer: `feats[0..count)` holds the hashes of the last extraction. */
export interface FeatureScratch {
  feats: Int32Array;
}

export function createFeatureScratch(capacity = 256): FeatureScratch {
  return { feats: new Int32Array(capacity) };
}

// Unit tags keep the kinds of unit apart before hashing (a word hash and a code point never meet by accident).
const TAG_WORD = 0x5bd1e995;
const TAG_DIGITS = 0x27d4eb2f;
const TAG_EMOTICON = 0x165667b1;
const TAG_PUNCT = 0x61c88647;
const SEED_UNI = 0x3c6ef372;
const SEED_BI = 0x6a09e667;
const SEED_TRI = 0x510e527f;
const SEED_CHAR3 = 0x1f83d9ab;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_EDGE = 0x3c; // '<' stands for both edges of a word in its character trigrams.

/** Murmur3 finaliser: spreads every input bit over the low bits a table uses. */
export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** Features emitted at most per UTF-16 code unit of input, plus a constant for the last word. */
const MAX_FEATS_PER_CHAR = 5;
const FEATS_SLACK = 8;

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2ffff)
  );
}

/** Marks that never become a unit and do not break the chain (joiners, variation selectors, skin tones). */
function isIgnorable(cp: number): boolean {
  return cp === 0xfe0f || cp === 0xfe0e || cp === 0x200d || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

/** Symbols and emoji that are units of their own (code point above the general punctuation block). */
function isSymbolUnit(cp: number): boolean {
  return (
    (cp >= 0x2190 && cp <= 0x2bff) || // arrows, technical, dingbats, misc symbols (❤ ☺ ✨ ⭐)
    (cp >= 0x1f000 && cp <= 0x1faff) || // emoji
    cp === 0x2764 ||
    cp === 0x3297 ||
    cp === 0x3299
  );
}

/**
 * Writes the feature hashes of `text` into `scratch.feats` and returns how many there are.
 * The order of the hashes is deterministic; duplicates are kept (they count as term frequency).
 */
export function extractFeatures(text: string, scratch: FeatureScratch): number {
  const len = text.length;
  const need = len * MAX_FEATS_PER_CHAR + FEATS_SLACK;
  if (scratch.feats.length < need) scratch.feats = new Int32Array(need + (need >>> 1));
  const out = scratch.feats;
  let n = 0;

  // The n-gram chain: the two previous units (0 = none).
  let p1 = 0;
  let p2 = 0;
  // The Latin word being read.
  let inWord = false;
  let wordHash = FNV_OFFSET;
  let c1 = WORD_EDGE; // previous letter (or edge)
  let c2 = 0; // letter before that (0 = none yet)
  let lastLetter = -1;
  let repeat = 0;
  // The digit run being read.
  let digitLen = 0;
  let digitValue = 0;
  let digitFirst = -1;
  let digitSame = true;
  // Last punctuation unit, to fold "!!!" into one.
  let lastPunct = -1;

  let i = 0;
  while (i <= len) {
    let cp: number;
    let step = 1;
    if (i === len) {
      cp = 0x20; // a final space flushes the pending word or digit run
    } else {
      cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          step = 2;
        }
      }
      if (cp >= 0xff01 && cp <= 0xff5e) cp -= 0xfee0;
      else if (cp === 0xffe5) cp = 0xa5;
      else if (cp === 0x3000) cp = 0x20;
    }

    const lower = cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
    const isLetter = (lower >= 0x61 && lower <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7);
    const isApostrophe = cp === 0x27 || cp === 0x2019;

    // A word goes on through letters (and apostrophes inside it).
    if (inWord && (isLetter || isApostrophe)) {
      if (isLetter) {
        if (lower === lastLetter) repeat++;
        else {
          repeat = 1;
          lastLetter = lower;
        }
        if (repeat <= 2) {
          wordHash = Math.imul(wordHash ^ lower, FNV_PRIME);
          out[n++] = fmix32(Math.imul(Math.imul(c2 ^ SEED_CHAR3, FNV_PRIME) ^ c1, FNV_PRIME) ^ lower);
          c2 = c1;
          c1 = lower;
        }
      }
      i += step;
      continue;
    }
    if (inWord) {
      // The word ends here: its closing trigram, then the word as a unit.
      out[n++] = fmix32(Math.imul(Math.imul(c2 ^ SEED_CHAR3, FNV_PRIME) ^ c1, FNV_PRIME) ^ WORD_EDGE);
      const unit = fmix32(wordHash ^ TAG_WORD);
      out[n++] = fmix32(unit ^ SEED_UNI);
      if (p1 !== 0) out[n++] = fmix32(Math.imul(p1, 0x9e3779b1) ^ unit ^ SEED_BI);
      if (p2 !== 0) out[n++] = fmix32(Math.imul(Math.imul(p2, 0x9e3779b1) ^ p1, 0x85ebca6b) ^ unit ^ SEED_TRI);
      p2 = p1;
      p1 = unit;
      inWord = false;
      lastPunct = -1;
    }

    const isDigit = cp >= 0x30 && cp <= 0x39;
    if (isDigit) {
      if (digitLen === 0) {
        digitFirst = cp;
        digitSame = true;
        digitValue = 0;
      } else if (cp !== digitFirst) digitSame = false;
      digitLen++;
      if (digitLen <= 3) digitValue = digitValue * 10 + (cp - 0x30);
      i += step;
      continue;
    }
    if (digitLen > 0) {
      // Short runs are kept literally (扣1, 2单, 88); a run of one repeated digit is one unit (666 = 6666);
      // longer runs only keep their length class (prices, order numbers, phone numbers).
      let key: number;
      if (digitSame && digitLen >= 3) key = 0x10000 + digitFirst;
      else if (digitLen <= 3) key = 0x20000 + digitLen * 1000 + digitValue;
      else key = 0x30000 + (digitLen > 8 ? 8 : digitLen);
      const unit = fmix32(key ^ TAG_DIGITS);
      out[n++] = fmix32(unit ^ SEED_UNI);
      if (p1 !== 0) out[n++] = fmix32(Math.imul(p1, 0x9e3779b1) ^ unit ^ SEED_BI);
      if (p2 !== 0) out[n++] = fmix32(Math.imul(Math.imul(p2, 0x9e3779b1) ^ p1, 0x85ebca6b) ^ unit ^ SEED_TRI);
      p2 = p1;
      p1 = unit;
      digitLen = 0;
      lastPunct = -1;
    }

    if (isLetter) {
      inWord = true;
      wordHash = Math.imul(FNV_OFFSET ^ lower, FNV_PRIME);
      lastLetter = lower;
      repeat = 1;
      c2 = WORD_EDGE;
      c1 = lower;
      i += step;
      continue;
    }

    let unit = 0;
    if (isCjk(cp)) {
      unit = cp;
      lastPunct = -1;
    } else if (cp === 0x5b) {
      // An emoticon code: "[" + 1..6 characters without spaces or brackets + "]".
      let j = i + 1;
      let h = FNV_OFFSET;
      const end = i + 8 < len ? i + 8 : len;
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === 0x5d || c === 0x5b || c === 0x20) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        j++;
      }
      if (j < end && text.charCodeAt(j) === 0x5d && j > i + 1) {
        unit = fmix32(h ^ TAG_EMOTICON);
        step = j + 1 - i;
        lastPunct = -1;
      } else {
        p1 = 0;
        p2 = 0;
      }
    } else if (cp === 0x3f || cp === 0x21 || cp === 0x7e || cp === 0x2b || cp === 0xa5 || cp === 0x24) {
      // ? ! ~ + ¥ $ carry tone or intent; a run of the same mark is one unit.
      if (cp === lastPunct) {
        i += step;
        continue;
      }
      lastPunct = cp;
      unit = fmix32(cp ^ TAG_PUNCT);
    } else if (isIgnorable(cp)) {
      i += step;
      continue;
    } else if (isSymbolUnit(cp)) {
      if (cp === lastPunct) {
        // the same emoji three times says no more than twice
        i += step;
        continue;
      }
      unit = cp + 0x200000;
      lastPunct = cp;
    } else if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d) {
      // spaces separate words but keep the chain (word bigrams span them)
    } else {
      // clause punctuation and anything else end the chain
      p1 = 0;
      p2 = 0;
      lastPunct = -1;
    }
    if (unit !== 0) {
      out[n++] = fmix32(unit ^ SEED_UNI);
      if (p1 !== 0) out[n++] = fmix32(Math.imul(p1, 0x9e3779b1) ^ unit ^ SEED_BI);
      if (p2 !== 0) out[n++] = fmix32(Math.imul(Math.imul(p2, 0x9e3779b1) ^ p1, 0x85ebca6b) ^ unit ^ SEED_TRI);
      p2 = p1;
      p1 = unit;
    }
    i += step;
  }
  return n;
}
