import type { ComplianceFinding, ComplianceReport, ComplianceTerm, TextFinding } from '../../contract/cues.js';

/**
 * The advertising-law check (《中华人民共和国广告法》 Art. 9(3): no 国家级, 最高级, 最佳 or similar absolute terms;
 * the word list and its sources are in resources/compliance).
 *
 * Matching rules:
 * - Case-insensitive. Full-width ASCII (１００％, ＮＯ．１) is read as its half-width form; offsets stay those of
 *   the original text (the folding maps one UTF-16 unit to one).
 * - Chinese (`zh`) terms match anywhere: Chinese has no spaces between words, "全网最低价" must hit "最低价".
 * - English (`en`) terms match whole words only: an end of the term that is a letter or digit must not touch
 *   another Latin letter or digit. So "cure" does not hit "secure" or "manicure", "best" does not hit
 *   "bestseller" (list "best-seller" / "bestseller" themselves if the studio wants them), "#1" does not hit
 *   "#10" — while Chinese next to an English term is a boundary, so "全网No.1" hits "No.1".
 * - `allow` phrases that contain a term are not flagged (第一 in 第一次, 第一步).
 * - Overlapping hits: one finding per place — a banned term before a review one ("best ever" rather than "the
 *   best" in "the best ever"), then the longer (全网最低价 rather than 最低价 inside it).
 * Offsets and lengths are UTF-16 code units of the scanned text, as JavaScript strings and the editor use.
 */

interface Compiled {
  readonly entry: ComplianceTerm;
  readonly pattern: RegExp;
  readonly allow: readonly { readonly phrase: string; readonly offsets: readonly number[] }[];
}

export interface CompiledTerms {
  readonly entries: readonly Compiled[];
}

const WORD = /[\p{Script=Latin}\p{N}_]/u;

/** Full-width ASCII to half-width, ideographic space to space: one code unit for one, so offsets do not move. */
export function foldWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

// Only syntax characters and "/" may be escaped in a /u pattern ("\-" is an error there).
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function offsetsOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export function compileTerms(terms: readonly ComplianceTerm[]): CompiledTerms {
  return {
    entries: terms.map((entry) => {
      const term = foldWidth(entry.term);
      let source = escapeRegExp(term);
      if (entry.lang === 'en') {
        if (WORD.test(term[0] ?? '')) source = `(?<![\\p{Script=Latin}\\p{N}_])${source}`;
        if (WORD.test(term.at(-1) ?? '')) source = `${source}(?![\\p{Script=Latin}\\p{N}_])`;
      }
      const lower = term.toLowerCase();
      return {
        entry,
        pattern: new RegExp(source, 'giu'),
        allow: entry.allow.map((a) => {
          const phrase = foldWidth(a).toLowerCase();
          return { phrase, offsets: offsetsOf(phrase, lower) };
        }),
      };
    }),
  };
}

/** Every listed term in `text`, in order of position. */
export function scanText(text: string, compiled: CompiledTerms): TextFinding[] {
  if (text === '') return [];
  const folded = foldWidth(text);
  const lower = folded.toLowerCase();
  // toLowerCase can change the length of a few characters (İ); then allow-phrases compare on the folded text.
  const sameLength = lower.length === folded.length;
  const hits: TextFinding[] = [];
  for (const c of compiled.entries) {
    c.pattern.lastIndex = 0;
    for (const m of folded.matchAll(c.pattern)) {
      const index = m.index;
      const length = m[0].length;
      const allowed = c.allow.some(({ phrase, offsets }) =>
        offsets.some((off) => {
          const start = index - off;
          if (start < 0) return false;
          const window = sameLength ? lower.slice(start, start + phrase.length) : folded.slice(start, start + phrase.length).toLowerCase();
          return window === phrase;
        }),
      );
      if (allowed) continue;
      hits.push({
        term: c.entry.term,
        matched: text.slice(index, index + length),
        index,
        length,
        category: c.entry.category,
        severity: c.entry.severity,
        reason: c.entry.reason,
      });
    }
  }
  // Overlaps: banned before review, then the longer, then the earlier; then back in text order.
  const rank = (f: TextFinding): number => (f.severity === 'banned' ? 0 : 1);
  hits.sort((a, b) => rank(a) - rank(b) || b.length - a.length || a.index - b.index);
  const kept: TextFinding[] = [];
  for (const h of hits) {
    if (kept.some((k) => h.index < k.index + k.length && k.index < h.index + h.length)) continue;
    kept.push(h);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** Up to `radius` characters either side of a hit, with "…" where cut. */
export function excerptAround(text: string, index: number, length: number, radius = 20): string {
  const a = Math.max(0, index - radius);
  const b = Math.min(text.length, index + length + radius);
  return `${a > 0 ? '…' : ''}${text.slice(a, b).replace(/\s+/g, ' ')}${b < text.length ? '…' : ''}`;
}

export interface CheckedSegment {
  readonly id: string;
  readonly title: string;
  readonly script: string;
  readonly notes: string;
  readonly overlayTemplate: string | null;
}

export interface CheckedProduct {
  /** The queue item's id. */
  readonly id: string;
  readonly name: string;
  readonly talkingPoints: readonly string[];
  readonly coupon: string | null;
}

/** Findings in a session's segments and queued products, in show order. */
export function checkShow(
  show: { readonly segments: readonly CheckedSegment[]; readonly products: readonly CheckedProduct[] },
  compiled: CompiledTerms,
): ComplianceFinding[] {
  const out: ComplianceFinding[] = [];
  const scan = (where: ComplianceFinding['where'], id: string, part: number | null, text: string | null): void => {
    if (!text) return;
    for (const f of scanText(text, compiled)) out.push({ ...f, where, id, part, excerpt: excerptAround(text, f.index, f.length) });
  };
  for (const s of show.segments) {
    scan('segment.title', s.id, null, s.title);
    scan('segment.overlayTemplate', s.id, null, s.overlayTemplate);
    scan('segment.script', s.id, null, s.script);
    scan('segment.notes', s.id, null, s.notes);
  }
  for (const p of show.products) {
    scan('product.name', p.id, null, p.name);
    p.talkingPoints.forEach((t, i) => scan('product.talkingPoints', p.id, i, t));
    scan('product.coupon', p.id, null, p.coupon);
  }
  return out;
}

export function summarise(findings: readonly ComplianceFinding[]): ComplianceReport['summary'] {
  const byTerm = new Map<string, number>();
  for (const f of findings) byTerm.set(f.term, (byTerm.get(f.term) ?? 0) + 1);
  return {
    total: findings.length,
    banned: findings.filter((f) => f.severity === 'banned').length,
    review: findings.filter((f) => f.severity === 'review').length,
    byTerm: [...byTerm].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1)),
  };
}
