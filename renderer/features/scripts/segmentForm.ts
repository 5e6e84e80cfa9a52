import type { SceneItemToggle, Segment, SegmentPatch } from '../../../shared/contract/cues.js';
import { OVERLAY_MAX } from '../../../shared/contract/cues.js';
import { formatDuration, parseDuration } from '../../../shared/domain/cues/duration.js';
import { assertNever } from '../../../shared/errors.js';

/** A segment as the editor holds it while typing: text until read, '' for "none" in the pickers. */
export interface SegmentFormValues {
  readonly title: string;
  readonly duration: string;
  readonly productId: string;
  readonly obsScene: string;
  readonly overlayTemplate: string;
  readonly overlayTarget: string;
  readonly sceneItems: readonly SceneItemToggle[];
  readonly script: string;
  readonly notes: string;
}
export type SegmentFormField = keyof SegmentFormValues;

export const SEGMENT_FORM_FIELDS: readonly SegmentFormField[] = [
  'title',
  'duration',
  'productId',
  'obsScene',
  'overlayTemplate',
  'overlayTarget',
  'sceneItems',
  'script',
  'notes',
];

export type SegmentProblem = 'required' | 'oneLine' | 'tooLong' | 'duration' | 'sceneItems';
export type SegmentProblems = Partial<Record<SegmentFormField, SegmentProblem>>;

export function formFromSegment(s: Segment): SegmentFormValues {
  return {
    title: s.title,
    duration: formatDuration(s.plannedDurationSec),
    productId: s.productId ?? '',
    obsScene: s.obsScene ?? '',
    overlayTemplate: s.overlayTemplate ?? '',
    overlayTarget: s.overlayTarget ?? '',
    sceneItems: s.sceneItems,
    script: s.script,
    notes: s.notes,
  };
}

/** Whether two form values are the same (scene item lists compared by content). */
export function sameValue(a: SegmentFormValues[SegmentFormField], b: SegmentFormValues[SegmentFormField]): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const key = (list: readonly SceneItemToggle[]): string => JSON.stringify(list.map((x) => [x.scene, x.source, x.enabled]));
  return key(a) === key(b);
}

export type SegmentRead = { readonly ok: true; readonly patch: SegmentPatch } | { readonly ok: false; readonly problems: SegmentProblems };

const nullable = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Reads the given fields into a script.updateSegment patch; problems for what cannot be read. */
export function readSegmentForm(values: SegmentFormValues, fields: Iterable<SegmentFormField>): SegmentRead {
  const problems: SegmentProblems = {};
  const patch: { -readonly [K in keyof SegmentPatch]: SegmentPatch[K] } = {};
  for (const field of fields) {
    switch (field) {
      case 'title': {
        const title = values.title.trim();
        if (title === '') problems.title = 'required';
        else if (/[\r\n]/.test(title)) problems.title = 'oneLine';
        else if (title.length > 200) problems.title = 'tooLong';
        else patch.title = title;
        break;
      }
      case 'duration': {
        const d = parseDuration(values.duration);
        if (d.ok) patch.plannedDurationSec = d.seconds;
        else problems.duration = 'duration';
        break;
      }
      case 'productId':
        patch.productId = nullable(values.productId);
        break;
      case 'obsScene':
        patch.obsScene = nullable(values.obsScene);
        break;
      case 'overlayTarget':
        patch.overlayTarget = nullable(values.overlayTarget);
        break;
      case 'overlayTemplate':
        if (values.overlayTemplate.length > OVERLAY_MAX) problems.overlayTemplate = 'tooLong';
        // Kept as typed (spaces matter on an overlay); empty means no overlay.
        else patch.overlayTemplate = values.overlayTemplate.trim() === '' ? null : values.overlayTemplate;
        break;
      case 'sceneItems':
        if (values.sceneItems.some((x) => x.scene.trim() === '' || x.source.trim() === '')) problems.sceneItems = 'sceneItems';
        else patch.sceneItems = values.sceneItems.map((x) => ({ scene: x.scene, source: x.source, enabled: x.enabled }));
        break;
      case 'script':
        patch.script = values.script;
        break;
      case 'notes':
        patch.notes = values.notes;
        break;
      default:
        assertNever(field, 'segment field');
    }
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, patch };
}

/** Guesses a script file's format: by extension, else by its first character ("{" is JSON). */
export function importFormatOf(fileName: string, text: string): 'json' | 'markdown' {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown';
  return text.trimStart().startsWith('{') ? 'json' : 'markdown';
}
