/** English words too common to say anything about a live room. */
const EN_STOP = new Set(
  (
    'a an the and or but if then so to of in on at by for with from as is are was were be been being am it its this that these those ' +
    'i me my we our you your he she they them his her their what which who whom how when where why can could will would should do does did ' +
    'have has had not no yes just very too also all any some more most much many than there here up down out about into over again ' +
    'im ive dont cant its thats ok okay pls please u ur lol haha'
  ).split(' '),
);

/** Chinese bigrams made mostly of function characters (的了吗…), which would crowd out the real topics. */
const ZH_STOP_CHARS = new Set(Array.from('的了吗呢吧啊呀哦嗯是在有我你他她它们这那就都也还很和与么个哈'));

const HAN = /\p{Script=Han}+/gu;
const WORD = /[a-z][a-z'’-]*[a-z]|[a-z]/g;

/** The terms of one message: Chinese bigrams of each run of Han characters, lowercase English words minus stop-words. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(HAN) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] ?? '';
      const b = chars[i + 1] ?? '';
      // A bigram with a function character is noise most of the time ("的价", "了吗").
      if (ZH_STOP_CHARS.has(a) || ZH_STOP_CHARS.has(b)) continue;
      out.push(a + b);
    }
  }
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    const word = w.replace(/[’']/g, '');
    if (word.length < 2 || EN_STOP.has(word)) continue;
    out.push(word);
  }
  return out;
}

export interface Keyword {
  readonly term: string;
  readonly count: number;
}

/**
 * The `n` most frequent terms over the given messages (a term counts once per message, so one spammer does not
 * dominate); ties are broken alphabetically so the list is stable between refreshes.
 */
export function topKeywords(texts: Iterable<string | null>, n: number): Keyword[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    if (!text) continue;
    for (const term of new Set(terms(text))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, Math.max(0, n));
}
