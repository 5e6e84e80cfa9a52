import type { CommentFilter, CommentView } from '../../../shared/contract/audience.js';

/** The filters in the order the panel shows them. */
export const CHAT_FILTERS = ['all', 'questions', 'purchase', 'price_objection', 'complaints', 'praise', 'pinned'] as const satisfies readonly CommentFilter[];

/** Whether a comment belongs in a filter's view (the same rule the core applies to stored comments). */
export function matchesFilter(c: CommentView, filter: CommentFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'questions':
      return c.intents.includes('question');
    case 'purchase':
      return c.intents.includes('purchase');
    case 'price_objection':
      return c.intents.includes('price_objection');
    case 'complaints':
      return c.intents.includes('complaint');
    case 'praise':
      return c.intents.includes('praise');
    case 'pinned':
      return c.pinned;
    default:
      return assertNever(filter);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected filter ${String(x)}`);
}

/** Normalises a search box value: trimmed, lowercased; '' means no search. */
export function normaliseSearch(q: string): string {
  return q.trim().toLowerCase();
}

/** Case-insensitive substring match on the text and the display name. `q` is already normalised. */
export function matchesSearch(c: CommentView, q: string): boolean {
  if (q === '') return true;
  return (c.text?.toLowerCase().includes(q) ?? false) || (c.displayName?.toLowerCase().includes(q) ?? false);
}

/** Lowercased block words, ready for {@link isBlockedText}. */
export function lowerWords(words: readonly string[]): string[] {
  return words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0);
}

/** Whether the live view hides a comment: the core flagged it, or it holds a word blocked since it arrived. */
export function isHidden(c: CommentView, lowered: readonly string[]): boolean {
  if (c.blocked) return true;
  if (lowered.length === 0 || !c.text) return false;
  const text = c.text.toLowerCase();
  return lowered.some((w) => text.includes(w));
}

/** Parses the block-words editor: one word or phrase per line or comma (Latin or Chinese), duplicates dropped. */
export function parseBlockWords(input: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of input.split(/[\n,，、]/)) {
    const w = raw.trim();
    if (w === '' || seen.has(w.toLowerCase())) continue;
    seen.add(w.toLowerCase());
    out.push(w.slice(0, 50));
  }
  return out;
}

/** Whether a comment shows in the current view (filter, search, block list). */
export function shows(c: CommentView, filter: CommentFilter, q: string, lowered: readonly string[]): boolean {
  return matchesFilter(c, filter) && matchesSearch(c, q) && !isHidden(c, lowered);
}
