import { z } from 'zod';
import { Sku } from '../../contract/catalog.js';
import { SegmentFields, type SceneItemToggle } from '../../contract/cues.js';
import { formatDuration, parseDuration } from './duration.js';
import { parseJsonWithPositions, type JsonPath } from './jsonPositions.js';

/**
 * Run-of-show scripts as files, for import and export: JSON (`showrunner.script` version 1) and Markdown (the
 * format is documented in docs/script-format.md). Products are named by SKU, which means the same thing on every
 * machine of the studio; the service resolves SKUs to catalog products.
 *
 * Importers validate the whole file before returning anything: the result is every segment, or a list of errors
 * with line numbers — never a part of the file. Exporters write what the importers read back unchanged
 * (import(export(x)) equals x for normalised segments, see normaliseSegment).
 */

/** A segment as it travels in a file. */
export interface PortableSegment {
  readonly title: string;
  readonly plannedDurationSec: number;
  readonly productSku: string | null;
  readonly obsScene: string | null;
  readonly overlayTemplate: string | null;
  readonly overlayTarget: string | null;
  readonly sceneItems: readonly SceneItemToggle[];
  readonly script: string;
  readonly notes: string;
}

export interface ImportedSegment {
  readonly segment: PortableSegment;
  /** Line of the segment's start (its heading, or its object in JSON). */
  readonly line: number;
  /** Line that names the product (for "unknown SKU" errors); the segment's line when none. */
  readonly productLine: number;
}

export interface ImportError {
  readonly line: number;
  readonly column: number | null;
  readonly message: string;
}

export type ScriptImport =
  | { readonly ok: true; readonly title: string | null; readonly segments: ImportedSegment[] }
  | { readonly ok: false; readonly errors: ImportError[] };

export const MAX_SEGMENTS = 500;
const MAX_ERRORS = 50;

/** Line breaks as "\n"; blank lines at the start and end dropped (editors add and drop them at will). */
export function normaliseText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let a = 0;
  let b = lines.length;
  while (a < b && /^\s*$/.test(lines[a] ?? '')) a++;
  while (b > a && /^\s*$/.test(lines[b - 1] ?? '')) b--;
  return lines.slice(a, b).join('\n');
}

/** The stored form of editable segment text: see normaliseText; an empty overlay template is none. */
export function normaliseSegment<T extends { script: string; notes: string; overlayTemplate: string | null }>(s: T): T {
  const overlay = s.overlayTemplate === null ? null : s.overlayTemplate.replace(/\r\n?/g, '\n');
  return { ...s, script: normaliseText(s.script), notes: normaliseText(s.notes), overlayTemplate: overlay === '' ? null : overlay };
}

/** "line 3: …; line 9, column 4: …" (the first ten, then how many more). */
export function describeImportErrors(errors: readonly ImportError[]): string {
  const shown = errors.slice(0, 10).map((e) => `line ${e.line}${e.column === null ? '' : `, column ${e.column}`}: ${e.message}`);
  const more = errors.length > 10 ? `; and ${errors.length - 10} more` : '';
  return `${shown.join('; ')}${more}`;
}

const pathText = (path: JsonPath): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return issue.message;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

export const SCRIPT_FORMAT = 'showrunner.script';

const JsonSegment = z.strictObject({
  title: SegmentFields.shape.title,
  durationSec: SegmentFields.shape.plannedDurationSec,
  product: Sku.nullable().default(null),
  scene: SegmentFields.shape.obsScene.default(null),
  overlay: SegmentFields.shape.overlayTemplate.default(null),
  overlayTarget: SegmentFields.shape.overlayTarget.default(null),
  sceneItems: SegmentFields.shape.sceneItems.default([]),
  script: SegmentFields.shape.script.default(''),
  notes: SegmentFields.shape.notes.default(''),
});

const JsonScript = z.strictObject({
  format: z.literal(SCRIPT_FORMAT, { error: `"format" must be "${SCRIPT_FORMAT}"` }),
  version: z.literal(1, { error: '"version" must be 1 (this build reads version 1)' }),
  title: z.string().trim().max(200).nullable().optional(),
  segments: z.array(JsonSegment).max(MAX_SEGMENTS, `a script has at most ${MAX_SEGMENTS} segments`),
});

export function importScriptJson(text: string): ScriptImport {
  if (text.trim() === '') return { ok: false, errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) return { ok: false, errors: [{ line: parsed.pos.line, column: parsed.pos.column, message: parsed.message }] };
  const checked = JsonScript.safeParse(parsed.value);
  if (!checked.success) {
    const errors = checked.error.issues.slice(0, MAX_ERRORS).map((issue): ImportError => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      // An unknown field is reported where it is written, not where its object starts.
      const first = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const pos = parsed.positionOf(first === undefined ? path : [...path, first]);
      const where = path.length > 0 ? `${pathText(path)}: ` : '';
      return { line: pos.line, column: pos.column, message: `${where}${issueMessage(issue)}` };
    });
    errors.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    return { ok: false, errors };
  }
  const segments = checked.data.segments.map((s, i): ImportedSegment => ({
    segment: normaliseSegment({
      title: s.title,
      plannedDurationSec: s.durationSec,
      productSku: s.product,
      obsScene: s.scene,
      overlayTemplate: s.overlay,
      overlayTarget: s.overlayTarget,
      sceneItems: s.sceneItems,
      script: s.script,
      notes: s.notes,
    }),
    line: parsed.positionOf(['segments', i]).line,
    productLine: parsed.positionOf(['segments', i, 'product']).line,
  }));
  return { ok: true, title: checked.data.title ?? null, segments };
}

export function exportScriptJson(title: string | null, segments: readonly PortableSegment[]): string {
  const file = {
    format: SCRIPT_FORMAT,
    version: 1,
    title,
    segments: segments.map((s) => ({
      title: s.title,
      durationSec: s.plannedDurationSec,
      product: s.productSku,
      scene: s.obsScene,
      overlay: s.overlayTemplate,
      overlayTarget: s.overlayTarget,
      sceneItems: s.sceneItems,
      script: s.script,
      notes: s.notes,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

type MetaKey = 'duration' | 'product' | 'scene' | 'overlay' | 'target' | 'show' | 'hide';

const META_KEYS: Readonly<Record<string, MetaKey>> = {
  duration: 'duration',
  时长: 'duration',
  product: 'product',
  sku: 'product',
  商品: 'product',
  scene: 'scene',
  场景: 'scene',
  overlay: 'overlay',
  字幕: 'overlay',
  target: 'target',
  'overlay-target': 'target',
  字幕源: 'target',
  show: 'show',
  显示: 'show',
  hide: 'hide',
  隐藏: 'hide',
};
const KNOWN_KEYS = 'duration, product, scene, overlay, target, show, hide';

const SEGMENT_HEADING = /^##(?:[ \t]+(.*))?$/;
const NOTES_HEADING = /^###[ \t]+(?:notes|备注)[ \t]*$/i;
const TITLE_HEADING = /^#[ \t]+(.*)$/;
const META_LINE = /^[-*][ \t]+([^:：\s][^:：]*?)[ \t]*[:：][ \t]*(.*)$/;
const COMMENT_LINE = /^<!--.*-->\s*$/;

const MarkdownSegment = z.object({
  title: SegmentFields.shape.title,
  plannedDurationSec: SegmentFields.shape.plannedDurationSec,
  productSku: Sku.nullable(),
  obsScene: SegmentFields.shape.obsScene,
  overlayTemplate: SegmentFields.shape.overlayTemplate,
  overlayTarget: SegmentFields.shape.overlayTarget,
  sceneItems: SegmentFields.shape.sceneItems,
  script: SegmentFields.shape.script,
  notes: SegmentFields.shape.notes,
});

interface RawSegment {
  readonly line: number;
  readonly title: string;
  readonly meta: Map<MetaKey, { line: number; value: string }>;
  readonly toggles: { line: number; enabled: boolean; value: string }[];
  readonly script: string[];
  readonly notes: string[];
  phase: 'head' | 'meta' | 'body' | 'notes';
}

/** A value as written: plain (trimmed), or a JSON string literal for values with line breaks or edge spaces. */
function unquote(value: string): { ok: true; value: string } | { ok: false; reason: string } {
  if (!value.startsWith('"')) return { ok: true, value };
  try {
    const v: unknown = JSON.parse(value);
    if (typeof v === 'string') return { ok: true, value: v };
  } catch {
    // fall through
  }
  return { ok: false, reason: `${value.slice(0, 40)} is not a complete quoted value (a value that starts with " must be a JSON string)` };
}

/** The end (exclusive) of the JSON string literal that starts at 0, or -1. */
function quotedEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i + 1;
  }
  return -1;
}

/** "Scene / Source" (split at the first " / "), either part may be quoted. */
function splitPair(value: string): { ok: true; scene: string; source: string } | { ok: false; reason: string } {
  let scene: string;
  let rest: string;
  if (value.startsWith('"')) {
    const end = quotedEnd(value);
    const first = end < 0 ? null : unquote(value.slice(0, end));
    const sep = end < 0 ? null : /^\s*\/\s*/.exec(value.slice(end));
    if (!first?.ok || !sep) return { ok: false, reason: 'write "Scene / Source", e.g. Price Card / Logo' };
    scene = first.value;
    rest = value.slice(end + sep[0].length);
  } else {
    const at = value.indexOf(' / ');
    if (at < 0) return { ok: false, reason: `"${value}" should be "Scene / Source", e.g. Price Card / Logo` };
    scene = value.slice(0, at).trim();
    rest = value.slice(at + 3).trim();
  }
  const source = unquote(rest);
  if (!source.ok) return source;
  return { ok: true, scene, source: source.value };
}

function quoteIfNeeded(v: string, alsoIf = false): string {
  return alsoIf || v === '' || v !== v.trim() || /[\r\n]/.test(v) || v.startsWith('"') ? JSON.stringify(v) : v;
}

/** Script and notes lines that would read as structure get a leading backslash (dropped again on import). */
function escapeBody(text: string): string[] {
  return text === '' ? [] : text.split('\n').map((l) => (/^[#\\]/.test(l) ? `\\${l}` : l));
}

export function importScriptMarkdown(text: string): ScriptImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const errors: ImportError[] = [];
  const err = (line: number, message: string): void => {
    if (errors.length < MAX_ERRORS) errors.push({ line, column: null, message });
  };
  let title: string | null = null;
  const raws: RawSegment[] = [];

  lines.forEach((text, n) => {
    const ln = n + 1;
    const heading = SEGMENT_HEADING.exec(text);
    if (heading) {
      raws.push({ line: ln, title: heading[1] ?? '', meta: new Map(), toggles: [], script: [], notes: [], phase: 'head' });
      return;
    }
    const cur = raws.at(-1);
    const blank = /^\s*$/.test(text);
    if (!cur) {
      if (blank || COMMENT_LINE.test(text)) return;
      const t = TITLE_HEADING.exec(text);
      if (t && title === null) {
        title = (t[1] ?? '').trim() || null;
        return;
      }
      err(ln, 'text before the first segment heading (each segment starts with "## Title")');
      return;
    }
    if (cur.phase === 'head' || cur.phase === 'meta') {
      if (blank) {
        if (cur.phase === 'meta') cur.phase = 'body';
        return;
      }
      const m = META_LINE.exec(text);
      if (m) {
        const rawKey = (m[1] ?? '').trim();
        const key = META_KEYS[rawKey.toLowerCase()];
        const value = (m[2] ?? '').trim();
        cur.phase = 'meta';
        if (key === undefined) {
          err(ln, `unknown field "${rawKey}" (fields: ${KNOWN_KEYS}); script text goes after a blank line`);
        } else if (key === 'show' || key === 'hide') {
          cur.toggles.push({ line: ln, enabled: key === 'show', value });
        } else if (cur.meta.has(key)) {
          err(ln, `"${key}" is given twice for this segment (first on line ${cur.meta.get(key)?.line ?? '?'})`);
        } else cur.meta.set(key, { line: ln, value });
        return;
      }
      cur.phase = 'body';
    }
    if (NOTES_HEADING.test(text)) {
      if (cur.phase === 'notes') err(ln, 'a second notes section in the same segment');
      cur.phase = 'notes';
      return;
    }
    const body = text.startsWith('\\') ? text.slice(1) : text;
    (cur.phase === 'notes' ? cur.notes : cur.script).push(body);
  });

  if (raws.length === 0 && errors.length === 0) err(1, 'no segments: each segment starts with a "## Title" line');
  if (raws.length > MAX_SEGMENTS) err(raws[MAX_SEGMENTS]?.line ?? 1, `a script has at most ${MAX_SEGMENTS} segments`);

  const segments: ImportedSegment[] = [];
  for (const raw of raws) {
    const before = errors.length;
    const field = (key: MetaKey): string | null => {
      const m = raw.meta.get(key);
      if (!m) return null;
      const v = unquote(m.value);
      if (!v.ok) {
        err(m.line, v.reason);
        return null;
      }
      return v.value;
    };
    const durationMeta = raw.meta.get('duration');
    let duration = 0;
    if (!durationMeta) err(raw.line, `segment "${raw.title.trim()}" has no duration (add a line "- duration: 5m")`);
    else {
      const d = parseDuration(field('duration') ?? '');
      if (d.ok) duration = d.seconds;
      else err(durationMeta.line, d.reason);
    }
    const sceneItems: SceneItemToggle[] = [];
    for (const t of raw.toggles) {
      const pair = splitPair(t.value);
      if (pair.ok) sceneItems.push({ scene: pair.scene, source: pair.source, enabled: t.enabled });
      else err(t.line, pair.reason);
    }
    const candidate = {
      title: raw.title,
      plannedDurationSec: duration,
      productSku: field('product'),
      obsScene: field('scene'),
      overlayTemplate: field('overlay'),
      overlayTarget: field('target'),
      sceneItems,
      script: normaliseText(raw.script.join('\n')),
      notes: normaliseText(raw.notes.join('\n')),
    };
    const checked = MarkdownSegment.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = issue.path[0];
        const metaKey: MetaKey | null =
          key === 'productSku' ? 'product' : key === 'obsScene' ? 'scene' : key === 'overlayTemplate' ? 'overlay' : key === 'overlayTarget' ? 'target' : null;
        const line = (metaKey && raw.meta.get(metaKey)?.line) ?? (key === 'sceneItems' ? raw.toggles[Number(issue.path[1])]?.line : undefined) ?? raw.line;
        err(line, `${String(key ?? 'segment')}: ${issueMessage(issue)}`);
      }
    }
    if (errors.length === before && checked.success) {
      segments.push({
        segment: normaliseSegment(checked.data),
        line: raw.line,
        productLine: raw.meta.get('product')?.line ?? raw.line,
      });
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, title, segments };
}


export function exportScriptMarkdown(title: string | null, segments: readonly PortableSegment[]): string {
  const out: string[] = ['<!-- Showrunner run-of-show script (docs/script-format.md) -->'];
  if (title !== null && title.trim() !== '') out.push(`# ${title.trim()}`);
  for (const s of segments) {
    out.push('', `## ${s.title}`, `- duration: ${formatDuration(s.plannedDurationSec)}`);
    if (s.productSku !== null) out.push(`- product: ${quoteIfNeeded(s.productSku)}`);
    if (s.obsScene !== null) out.push(`- scene: ${quoteIfNeeded(s.obsScene)}`);
    if (s.overlayTemplate !== null) out.push(`- overlay: ${quoteIfNeeded(s.overlayTemplate)}`);
    if (s.overlayTarget !== null) out.push(`- target: ${quoteIfNeeded(s.overlayTarget)}`);
    for (const t of s.sceneItems) {
      out.push(`- ${t.enabled ? 'show' : 'hide'}: ${quoteIfNeeded(t.scene, t.scene.includes('/'))} / ${quoteIfNeeded(t.source)}`);
    }
    const script = escapeBody(s.script);
    if (script.length > 0) out.push('', ...script);
    const notes = escapeBody(s.notes);
    if (notes.length > 0) out.push('', '### Notes', ...notes);
  }
  return `${out.join('\n')}\n`;
}
