import type { ComplianceCategory, ComplianceTerm } from '../../../../shared/contract/cues.js';
import { ComplianceTermList } from '../../../../shared/contract/cues.js';

/** One row of the word list editor, as typed (allowed phrases comma-separated). */
export interface TermDraft {
  /** Local row identity for React (not saved). */
  readonly key: string;
  readonly term: string;
  readonly lang: 'zh' | 'en';
  readonly category: ComplianceCategory;
  readonly severity: 'banned' | 'review';
  readonly reason: string;
  readonly allow: string;
}

export function draftsFrom(terms: readonly ComplianceTerm[]): TermDraft[] {
  return terms.map((t, i) => ({
    key: `t${i}`,
    term: t.term,
    lang: t.lang,
    category: t.category,
    severity: t.severity,
    reason: t.reason,
    allow: t.allow.join(', '),
  }));
}

/** Splits the allowed phrases on commas (either width) and semicolons. */
export function splitAllow(text: string): string[] {
  return text
    .split(/[,，;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface RowProblem {
  /** 1-based row number as shown. */
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export type DraftRead = { readonly ok: true; readonly terms: ComplianceTerm[] } | { readonly ok: false; readonly problems: RowProblem[] };

/** Validates the rows with the contract's own schema (the core checks again): empty terms, duplicates, bad allows. */
export function readDrafts(drafts: readonly TermDraft[]): DraftRead {
  const parsed = ComplianceTermList.safeParse(
    drafts.map((d) => ({ term: d.term, lang: d.lang, category: d.category, severity: d.severity, reason: d.reason, allow: splitAllow(d.allow) })),
  );
  if (parsed.success) return { ok: true, terms: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const [row, field] = issue.path;
      return { row: typeof row === 'number' ? row + 1 : 0, field: typeof field === 'string' ? field : '', message: issue.message };
    }),
  };
}

/** Rows whose term or reason contains the filter (case-insensitive); all when it is empty. */
export function filterDrafts(drafts: readonly TermDraft[], filter: string): TermDraft[] {
  const f = filter.trim().toLowerCase();
  if (f === '') return [...drafts];
  return drafts.filter((d) => d.term.toLowerCase().includes(f) || d.reason.toLowerCase().includes(f) || d.allow.toLowerCase().includes(f));
}
