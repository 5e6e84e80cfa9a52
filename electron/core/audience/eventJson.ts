import type { AudienceEvent, CommentLabel } from '../../../shared/contract/audience.js';
import { assertNever } from '../../../shared/errors.js';

/**
 * Payloads for the writer thread, as templates and values instead of JSON text.
 *
 * The main thread is the ingest pipeline's bottleneck, and building each event's JSON there, then copying it to
 * the writer thread, was a third of its time. Most of a payload repeats: the keys, the source's platform and
 * connector, and, since live chat repeats itself, the text and label of most comments. So the main thread sends
 * a *shape* (the JSON text around the values, one per kind and source, defined once) and the event's own values
 * (a few numbers and short strings); a comment's `"text":…,"label":…` is a *fragment*, defined once per distinct
 * text and then sent as a number. The writer thread fills the shape in: it knows nothing of audience events.
 *
 * Cells of one payload: the shape id, then one cell per slot of the shape. Slot kinds: `s` a string or null
 * (JSON-quoted), `n` a number, `b` a boolean, `r` a fragment id, `x` JSON text given whole (rare values: gifts,
 * order items). The writer's result is exactly JSON.stringify(event) for an event whose keys are in the
 * contract's order (as the pipeline builds them); the pipeline's tests compare the stored text with it.
 *
 * Definitions travel in the part that first uses them (`takeDefs`): `S id fragments slots` for a shape, `F id
 * text` for a fragment. Ids are never reused; `forget()` (after the writer failed and may have dropped
 * definitions) makes every later use define its shape or fragment again.
 */
export type Cell = string | number | boolean | null;

/** What the pipeline keeps per distinct comment text (on its cached verdict) for the encoder. */
export interface TextFragment {
  readonly text: string;
  readonly label: CommentLabel | null;
  /** Fragment id and the generation it was defined in (-1: never). */
  ref: number;
  gen: number;
}

export interface PayloadEncoder {
  /** Pushes the payload cells of an event the pipeline built, `fragment` for a comment's text and label. */
  encode(e: AudienceEvent, fragment: TextFragment, out: Cell[]): void;
  /** Definitions made since the last call (for the part about to be posted). */
  takeDefs(): Cell[];
  /** Fragment ids below this one are no longer used (the pipeline's text cache was emptied). */
  firstLiveFragment(): number;
  /** Forgets what was defined: every later use defines again. */
  forget(): void;
}

const SHAPES_MAX = 1_000;

export function createPayloadEncoder(): PayloadEncoder {
  let nextId = 1;
  let gen = 1;
  let defs: Cell[] = [];
  const shapes = new Map<string, number>();

  const shape = (e: AudienceEvent): number => {
    const key = `${e.kind}\u0000${e.platform}\u0000${e.connectorId}\u0000${e.simulated}`;
    let id = shapes.get(key);
    if (id === undefined) {
      if (shapes.size >= SHAPES_MAX) shapes.clear();
      id = nextId++;
      const [fragments, slots] = template(e);
      defs.push('S', id, fragments.join('\u0000'), slots);
      shapes.set(key, id);
    }
    return id;
  };

  return {
    encode(e, fragment, out) {
      out.push(shape(e), e.userId, e.displayName, e.occurredAt, e.receivedAt);
      switch (e.kind) {
        case 'comment':
          if (fragment.gen !== gen) {
            fragment.ref = nextId++;
            fragment.gen = gen;
            defs.push('F', fragment.ref, commentTextJson(fragment.text, fragment.label));
          }
          out.push(fragment.ref, e.sampled);
          return;
        case 'like':
          out.push(e.count);
          return;
        case 'gift':
          out.push(JSON.stringify(e.gift));
          return;
        case 'follow':
        case 'share':
        case 'enter':
        case 'leave':
          return;
        case 'viewer_count':
          out.push(e.viewers);
          return;
        case 'product_click':
          out.push(e.productId, e.sku);
          return;
        case 'order':
          out.push(e.orderId, e.productId, JSON.stringify(e.items), JSON.stringify(e.amount));
          return;
        default:
          assertNever(e, 'audience event kind');
      }
    },
    takeDefs() {
      const d = defs;
      defs = [];
      return d;
    },
    firstLiveFragment: () => nextId,
    forget() {
      gen++;
      shapes.clear();
      defs = [];
    },
  };
}

/** `"text":…,"label":…` of a comment: the same for every comment with this (redacted) text and label. */
export function commentTextJson(text: string, label: CommentLabel | null): string {
  return `"text":${JSON.stringify(text)},"label":${label === null ? 'null' : JSON.stringify(label)}`;
}

/** The JSON text around an event's values, and the kinds of its slots (see the cells pushed by `encode`). */
function template(e: AudienceEvent): [string[], string] {
  const head = `{"kind":"${e.kind}","platform":${JSON.stringify(e.platform)},"connectorId":${JSON.stringify(e.connectorId)},"userId":`;
  const common = [head, ',"displayName":', ',"occurredAt":', ',"receivedAt":'];
  const simulated = `,"simulated":${e.simulated}`;
  switch (e.kind) {
    case 'comment':
      return [[...common, `${simulated},`, ',"sampled":', '}'], 'ssnnrb'];
    case 'like':
      return [[...common, `${simulated},"count":`, '}'], 'ssnnn'];
    case 'gift':
      return [[...common, `${simulated},"gift":`, '}'], 'ssnnx'];
    case 'follow':
    case 'share':
    case 'enter':
    case 'leave':
      return [[...common, `${simulated}}`], 'ssnn'];
    case 'viewer_count':
      return [[...common, `${simulated},"viewers":`, '}'], 'ssnnn'];
    case 'product_click':
      return [[...common, `${simulated},"productId":`, ',"sku":', '}'], 'ssnnss'];
    case 'order':
      return [[...common, `${simulated},"orderId":`, ',"productId":', ',"items":', ',"amount":', '}'], 'ssnnssxx'];
    default:
      return assertNever(e, 'audience event kind');
  }
}

/**
 * Fills a shape in: the writer thread's half of the format. The thread runs plain JavaScript evaluated from a
 * string, so this function uses nothing from outside its body (no imports, no closures) and is passed to it as
 * source (Function.prototype.toString of the compiled function); the tests run the same function on this side.
 */
export function fillShape(fragments: readonly string[], slots: string, cells: readonly Cell[], k: number, texts: ReadonlyMap<number, string>): string {
  let out = fragments[0] ?? '';
  for (let j = 0; j < slots.length; j++) {
    const t = slots.charCodeAt(j);
    const v = cells[k + j];
    let s: string | undefined;
    if (t === 115) s = v === null ? 'null' : JSON.stringify(v); // s
    else if (t === 110) s = typeof v === 'number' && Number.isFinite(v) ? String(v) : 'null'; // n
    else if (t === 98) s = v === true ? 'true' : 'false'; // b
    else if (t === 114) {
      s = texts.get(v as number); // r
      if (s === undefined) throw new Error(`payload fragment ${String(v)} is not defined`);
    } else s = String(v); // x
    out += s + (fragments[j + 1] ?? '');
  }
  return out;
}
