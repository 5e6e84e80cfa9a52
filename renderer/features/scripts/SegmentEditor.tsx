import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../shared/contract/catalog.js';
import type { QueueItem, Segment } from '../../../shared/contract/cues.js';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { textInputs } from '../broadcast/inputs.js';
import { ComplianceTextArea } from './compliance/ComplianceTextArea.js';
import { OverlayPreview } from './OverlayPreview.js';
import { SceneItemsEditor } from './SceneItemsEditor.js';
import {
  formFromSegment,
  readSegmentForm,
  sameValue,
  SEGMENT_FORM_FIELDS,
  type SegmentFormField,
  type SegmentFormValues,
  type SegmentProblems,
} from './segmentForm.js';
import { useScriptActions } from './useScript.js';

/** Edits are saved this long after typing pauses (and at once when the editor closes). */
const AUTOSAVE_MS = 500;

type Typed = Partial<Record<SegmentFormField, SegmentFormValues[SegmentFormField]>>;
type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'invalid' | 'error';

function without(values: Typed, field: SegmentFormField): Typed {
  return Object.fromEntries(Object.entries(values).filter(([k]) => k !== field));
}

function unsavedFields(typed: Typed, sent: Typed): SegmentFormField[] {
  return SEGMENT_FORM_FIELDS.filter((f) => {
    const v = typed[f];
    if (v === undefined) return false;
    const s = sent[f];
    return s === undefined || !sameValue(s, v);
  });
}

export interface SegmentEditorProps {
  segment: Segment;
  queue: readonly QueueItem[];
  catalog: readonly Product[];
  obs: ObsConnectionView | null;
  readOnly: boolean;
}

/**
 * The form of one segment. Saves by itself a moment after typing pauses, field by field (the core merges fields
 * on their own, so two producers editing different fields of a segment both keep their edit). Fields this person
 * has not touched follow edits made elsewhere; a touched field shows what was typed until it loses focus.
 */
export function SegmentEditor({ segment, queue, catalog, obs, readOnly }: SegmentEditorProps): ReactNode {
  const { t } = useTranslation();
  const { update } = useScriptActions();
  const [typed, setTyped] = useState<Typed>({});
  const [sent, setSent] = useState<Typed>({});
  const [problems, setProblems] = useState<SegmentProblems>({});
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<ErrorBody | null>(null);
  const live = formFromSegment(segment);
  const values = { ...live, ...typed } as SegmentFormValues;

  const save = useCallback(
    async (fields: SegmentFormField[], snapshot: Typed): Promise<void> => {
      const read = readSegmentForm({ ...formFromSegment(segment), ...snapshot } as SegmentFormValues, fields);
      if (!read.ok) {
        setProblems(read.problems);
        setStatus('invalid');
        return;
      }
      setProblems({});
      setStatus('saving');
      const r = await update(segment.id, read.patch);
      if (!r.ok) {
        setError(r.error);
        setStatus('error');
        return;
      }
      setError(null);
      setSent((prev) => ({ ...prev, ...Object.fromEntries(fields.map((f) => [f, snapshot[f]])) }));
      setStatus('saved');
    },
    [segment, update],
  );

  useEffect(() => {
    const fields = unsavedFields(typed, sent);
    if (fields.length === 0 || readOnly) return undefined;
    const timer = setTimeout(() => void save(fields, typed), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [typed, sent, save, readOnly]);

  // Closing the editor (another segment picked, page left) saves what is still pending.
  const pendingRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    pendingRef.current = () => {
      const fields = unsavedFields(typed, sent);
      if (fields.length > 0 && !readOnly) void save(fields, typed);
    };
  }, [typed, sent, save, readOnly]);
  useEffect(() => () => pendingRef.current(), []);

  const set = <K extends SegmentFormField>(field: K, value: SegmentFormValues[K]): void => {
    setTyped((prev) => ({ ...prev, [field]: value }));
    setStatus('pending');
  };
  // A saved field, once left, shows the segment as the core has it again (the same value, or a later edit).
  const onBlur = (e: FocusEvent<HTMLElement>): void => {
    const wrapper = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-field]') : null;
    const field = wrapper?.dataset['field'] as SegmentFormField | undefined;
    if (!wrapper || !field) return;
    if (e.relatedTarget instanceof Node && wrapper.contains(e.relatedTarget)) return;
    const v = typed[field];
    const s = sent[field];
    if (v === undefined || s === undefined || !sameValue(s, v)) return;
    setTyped((prev) => without(prev, field));
    setSent((prev) => without(prev, field));
  };

  // Typed back to what was saved: nothing is pending any more.
  const shownStatus: SaveStatus =
    status === 'pending' && unsavedFields(typed, sent).length === 0 ? (Object.keys(sent).length > 0 ? 'saved' : 'idle') : status;
  const problem = (f: SegmentFormField): string | null => {
    const p = problems[f];
    return p ? t(`scripts.problems.${p}`) : null;
  };
  const scenes = obs?.status === 'identified' ? obs.scenes.map((s) => s.name) : null;
  const texts = obs?.status === 'identified' ? textInputs(obs).map((i) => i.name) : null;
  const queued = new Set(queue.map((q) => q.productId));
  const product = queue.find((q) => q.productId === values.productId)?.product ?? catalogProduct(catalog, values.productId);

  return (
    <form
      className="form segment-editor"
      data-testid="segment-editor"
      data-segment-id={segment.id}
      onSubmit={(e) => e.preventDefault()}
      onBlur={onBlur}
      noValidate
    >
      <fieldset disabled={readOnly} className="segment-fields">
        <legend className="visually-hidden">{t('scripts.editorTitle', { title: segment.title })}</legend>
        <div className="form-grid">
          <div data-field="title">
            <TextField
              label={t('scripts.fields.title')}
              value={values.title}
              problem={problem('title')}
              maxLength={200}
              data-testid="segment-title"
              onChange={(e) => set('title', e.currentTarget.value)}
            />
          </div>
          <div data-field="duration">
            <TextField
              label={t('scripts.fields.duration')}
              hint={t('scripts.durationHint')}
              value={values.duration}
              problem={problem('duration')}
              data-testid="segment-duration"
              onChange={(e) => set('duration', e.currentTarget.value)}
            />
          </div>
          <div data-field="productId">
            <Picker
              label={t('scripts.fields.product')}
              value={values.productId}
              testId="segment-product"
              onChange={(v) => set('productId', v)}
              groups={[
                { label: t('scripts.queued'), options: queue.map((q) => ({ value: q.productId, label: `${q.product.name} · ${q.product.sku}` })) },
                {
                  label: t('scripts.notQueued'),
                  options: catalog.filter((p) => !queued.has(p.id)).map((p) => ({ value: p.id, label: `${p.name} · ${p.sku}` })),
                },
              ]}
              hint={values.productId !== '' && !queued.has(values.productId) ? t('scripts.productNotQueued') : undefined}
            />
          </div>
          <div data-field="obsScene">
            <ObsNamePicker
              label={t('scripts.fields.scene')}
              value={values.obsScene}
              names={scenes}
              testId="segment-scene"
              onChange={(v) => set('obsScene', v)}
            />
          </div>
        </div>

        <div className="overlay-block">
          <div data-field="overlayTemplate">
            <ComplianceTextArea
              label={t('scripts.fields.overlay')}
              hint={t('scripts.overlayHint')}
              value={values.overlayTemplate}
              onValue={(v) => set('overlayTemplate', v)}
              problem={problem('overlayTemplate')}
              testId="segment-overlay"
              rows={2}
              spellCheck={false}
            />
          </div>
          <OverlayPreview template={values.overlayTemplate} product={product} />
          <div data-field="overlayTarget">
            <ObsNamePicker
              label={t('scripts.fields.overlayTarget')}
              value={values.overlayTarget}
              names={texts}
              testId="segment-overlay-target"
              onChange={(v) => set('overlayTarget', v)}
            />
          </div>
        </div>

        <div data-field="sceneItems">
          <SceneItemsEditor
            value={values.sceneItems}
            obs={obs?.status === 'identified' ? obs : null}
            problem={problem('sceneItems')}
            onChange={(v) => set('sceneItems', v)}
          />
        </div>

        <div data-field="script">
          <ComplianceTextArea
            label={t('scripts.fields.script')}
            hint={t('scripts.scriptHint')}
            value={values.script}
            onValue={(v) => set('script', v)}
            testId="segment-script"
            rows={8}
          />
        </div>
        <div data-field="notes">
          <ComplianceTextArea label={t('scripts.fields.notes')} value={values.notes} onValue={(v) => set('notes', v)} testId="segment-notes" rows={3} />
        </div>
      </fieldset>
      <p className={`save-status save-${shownStatus}`} role="status" data-testid="segment-save-status" data-status={shownStatus}>
        {t(`scripts.saveStatus.${shownStatus}`)}
      </p>
      {error ? <ErrorMessage error={error} title={t('scripts.saveError')} testId="segment-save-error" /> : null}
    </form>
  );
}

function catalogProduct(catalog: readonly Product[], id: string) {
  const p = catalog.find((x) => x.id === id);
  return p ? { name: p.name, sku: p.sku, price: p.price, promoPrice: p.promoPrice, stock: p.stock, coupon: null } : null;
}

interface PickerGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** A select with a "none" first and the current value kept even when no group lists it. */
function Picker({
  label,
  value,
  groups,
  testId,
  hint,
  onChange,
}: {
  label: string;
  value: string;
  groups: PickerGroup[];
  testId: string;
  hint?: string | undefined;
  onChange: (v: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const listed = groups.some((g) => g.options.some((o) => o.value === value));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby={hint ? `${id}-hint` : undefined}>
        <option value="">{t('scripts.none')}</option>
        {value !== '' && !listed ? <option value={value}>{t('scripts.unknownValue', { value })}</option> : null}
        {groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * An OBS scene or text source: picked from what OBS "main" has while it is connected (a name OBS does not have is
 * kept and marked), typed by hand while it is not.
 */
function ObsNamePicker({
  label,
  value,
  names,
  testId,
  onChange,
}: {
  label: string;
  value: string;
  names: string[] | null;
  testId: string;
  onChange: (v: string) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  if (names === null) {
    return (
      <TextField
        label={label}
        hint={t('scripts.obsOffline')}
        value={value}
        maxLength={200}
        data-testid={testId}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  const known = value === '' || names.includes(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('scripts.none')}</option>
        {known ? null : <option value={value}>{t('scripts.notInObs', { name: value })}</option>}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      {known ? null : <p className="field-problem">{t('scripts.notInObsHint', { name: value })}</p>}
    </div>
  );
}
