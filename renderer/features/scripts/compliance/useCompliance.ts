import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ComplianceTerm, TextFinding } from '../../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../../app/ApiContext.js';
import { useDebouncedValue } from '../../../lib/useDebouncedValue.js';

const SCAN_DEBOUNCE_MS = 200;
/** compliance.scanText takes up to this many characters (SCRIPT_MAX). */
const SCAN_MAX = 50_000;

/**
 * Advertising-law findings in a text as it is typed (compliance.scanText with the studio's list), a moment after
 * typing pauses. The findings may trail the text; highlightPieces drops those that no longer match.
 */
export function useScanText(text: string): readonly TextFinding[] {
  const api = useApi();
  const settled = useDebouncedValue(text, SCAN_DEBOUNCE_MS);
  const [result, setResult] = useState<{ text: string; findings: TextFinding[] }>({ text: '', findings: [] });
  useEffect(() => {
    if (settled.trim() === '' || settled.length > SCAN_MAX) return undefined;
    let current = true;
    void api.call('compliance.scanText', { text: settled }).then((r) => {
      if (current && r.ok) setResult({ text: settled, findings: r.value.findings });
    });
    return () => {
      current = false;
    };
  }, [api, settled]);
  return settled.trim() === '' ? [] : result.findings;
}

export interface WordsView {
  readonly terms: readonly ComplianceTerm[] | null;
  readonly source: 'default' | 'studio' | null;
  readonly updatedAt: number | null;
  readonly error: ErrorBody | null;
}

/** The studio's word list (compliance.getWords), reloaded after each save or reset and when the link reopens. */
export function useComplianceWords(): WordsView & {
  save: (terms: ComplianceTerm[]) => ReturnType<typeof saveWords>;
  reset: () => ReturnType<typeof resetWords>;
} {
  const api = useApi();
  const [view, setView] = useState<WordsView>({ terms: null, source: null, updatedAt: null, error: null });
  const load = useCallback(() => {
    void api.call('compliance.getWords', {}).then((r) => {
      if (r.ok) setView({ terms: r.value.terms, source: r.value.source, updatedAt: r.value.updatedAt, error: null });
      else setView((prev) => ({ ...prev, error: r.error }));
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  const actions = useMemo(
    () => ({
      save: async (terms: ComplianceTerm[]) => {
        const r = await saveWords(api, terms);
        if (r.ok) setView({ terms: r.value.terms, source: r.value.source, updatedAt: r.value.updatedAt, error: null });
        return r;
      },
      reset: async () => {
        const r = await resetWords(api);
        if (r.ok) setView({ terms: r.value.terms, source: r.value.source, updatedAt: r.value.updatedAt, error: null });
        return r;
      },
    }),
    [api],
  );
  return { ...view, ...actions };
}

type Api = ReturnType<typeof useApi>;
const saveWords = (api: Api, terms: ComplianceTerm[]) => api.call('compliance.setWords', { terms });
const resetWords = (api: Api) => api.call('compliance.resetWords', {});
