import { ComplianceTermList, type ComplianceReport, type ComplianceTerm, type TextFinding } from '../../../shared/contract/cues.js';
import { checkShow, compileTerms, scanText, summarise, type CompiledTerms } from '../../../shared/domain/cues/compliance.js';
import type { CueContext } from './context.js';

const SETTING = 'compliance.terms';

export interface ComplianceWordsView {
  readonly terms: ComplianceTerm[];
  readonly source: 'default' | 'studio';
  readonly updatedAt: number | null;
}

/** The studio's advertising-law word list (settings, default from resources/compliance) and the checks. */
export function createComplianceService(ctx: CueContext) {
  const { deps, repo, views } = ctx;
  const { db, clock, log } = deps;
  let cache: { words: ComplianceWordsView; compiled: CompiledTerms } | null = null;

  const load = (): { words: ComplianceWordsView; compiled: CompiledTerms } => {
    if (cache) return cache;
    let words: ComplianceWordsView = { terms: [...deps.defaultTerms], source: 'default', updatedAt: null };
    const stored = repo.setting(SETTING);
    if (stored) {
      const parsed = ComplianceTermList.safeParse(JSON.parse(stored.value));
      if (parsed.success) words = { terms: parsed.data, source: 'studio', updatedAt: stored.updatedAt };
      else log.error('the studio compliance list is unreadable; using the shipped list', { error: parsed.error.issues[0]?.message });
    }
    cache = { words, compiled: compileTerms(words.terms) };
    return cache;
  };

  return {
    words: (): ComplianceWordsView => load().words,
    setWords(terms: readonly ComplianceTerm[]): ComplianceWordsView {
      db.transaction(() => {
        const at = clock.now();
        ctx.append([{ type: 'ComplianceWordsChanged', subject: 'compliance', payload: { source: 'studio', count: terms.length, terms } }]);
        repo.putSetting(SETTING, JSON.stringify(terms), at);
      })();
      cache = null;
      return load().words;
    },
    resetWords(): ComplianceWordsView {
      db.transaction(() => {
        ctx.append([{ type: 'ComplianceWordsChanged', subject: 'compliance', payload: { source: 'default', count: deps.defaultTerms.length } }]);
        repo.deleteSetting(SETTING);
      })();
      cache = null;
      return load().words;
    },
    scanText: (text: string): TextFinding[] => scanText(text, load().compiled),
    check(sessionId: string): ComplianceReport {
      ctx.session(sessionId);
      const segments = views.script(sessionId).segments;
      const products = views.queue(sessionId).map((q) => ({
        id: q.id,
        name: q.product.name,
        talkingPoints: q.product.talkingPoints,
        coupon: q.product.coupon,
      }));
      const findings = checkShow({ segments, products }, load().compiled);
      return { sessionId, findings, summary: summarise(findings), checkedAt: clock.now() };
    },
  };
}

export type ComplianceService = ReturnType<typeof createComplianceService>;
