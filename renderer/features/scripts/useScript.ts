import { useMemo } from 'react';
import type { Script, ScriptTemplateName, SegmentInput, SegmentPatch } from '../../../shared/contract/cues.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi } from '../../app/ApiContext.js';
import type { Api } from '../../lib/api.js';
import { useSessionSnapshot } from '../../lib/useSessionSnapshot.js';
import type { Placement } from '../queue/reorder.js';

export interface ScriptView {
  /** null until script.get first answers (or when no show is picked). */
  readonly script: Script | null;
  readonly error: ErrorBody | null;
}

const loadScript = (api: Api, sessionId: string) => api.call('script.get', { sessionId });
const onScript = (api: Api, sessionId: string, push: (script: Script) => void) =>
  api.on('script.changed', (script) => {
    if (script.sessionId === sessionId) push(script);
  });

/** A show's run-of-show, kept current by script.changed (which carries the whole script). */
export function useScript(sessionId: string | null): ScriptView {
  const { value, error } = useSessionSnapshot(sessionId, loadScript, onScript);
  return { script: value, error };
}

export type ImportFormat = 'json' | 'markdown';
export type ImportMode = 'replace' | 'append';

export function useScriptActions() {
  const api = useApi();
  return useMemo(
    () => ({
      add: (sessionId: string, segment: SegmentInput, after?: string) =>
        api.call('script.addSegment', after === undefined ? { sessionId, segment } : { sessionId, segment, after }),
      update: (segmentId: string, patch: SegmentPatch) => api.call('script.updateSegment', { segmentId, patch }),
      remove: (segmentId: string) => api.call('script.removeSegment', { segmentId }),
      move: (segmentId: string, p: Placement) => api.call('script.moveSegment', { segmentId, ...p }),
      duplicate: (segmentId: string) => api.call('script.duplicateSegment', { segmentId }),
      templates: () => api.call('script.listTemplates', {}),
      applyTemplate: (sessionId: string, template: ScriptTemplateName, mode: ImportMode) =>
        api.call('script.applyTemplate', { sessionId, template, mode }),
      importText: (sessionId: string, format: ImportFormat, text: string, mode: ImportMode) =>
        api.call(format === 'json' ? 'script.importJson' : 'script.importMarkdown', { sessionId, text, mode }),
      exportText: (sessionId: string, format: ImportFormat) =>
        api.call(format === 'json' ? 'script.exportJson' : 'script.exportMarkdown', { sessionId }),
      check: (sessionId: string) => api.call('compliance.check', { sessionId }),
    }),
    [api],
  );
}
