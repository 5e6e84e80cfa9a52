import type { AudienceEvent, CommentLabel } from '../../../shared/contract/audience.js';
import { assertNever } from '../../../shared/errors.js';

/**
 * The JSON text of a normalised audience event, exactly as JSON.stringify writes it (same keys, same order,
 * same escapes), built from parts: the ingest pipeline serialises every event it stores, and live chat repeats
 * itself, so the part of a comment that depends on its text only (`"text":…,"label":…`) is made once per
 * distinct text (see `commentTextJson`) and reused. The event must have its keys in the contract's order, as the
 * pipeline builds them; the unit tests compare with JSON.stringify.
 */
export function audienceEventJson(e: AudienceEvent, textJson: string | null): string {
  const head = `{"kind":"${e.kind}","platform":${str(e.platform)},"connectorId":${str(e.connectorId)},"userId":${strOrNull(e.userId)},"displayName":${strOrNull(e.displayName)},"occurredAt":${num(e.occurredAt)},"receivedAt":${num(e.receivedAt)},"simulated":${e.simulated}`;
  switch (e.kind) {
    case 'comment':
      return `${head},${textJson ?? commentTextJson(e.text, e.label)},"sampled":${e.sampled}}`;
    case 'like':
      return `${head},"count":${num(e.count)}}`;
    case 'gift':
      return `${head},"gift":${JSON.stringify(e.gift)}}`;
    case 'follow':
    case 'share':
    case 'enter':
    case 'leave':
      return `${head}}`;
    case 'viewer_count':
      return `${head},"viewers":${num(e.viewers)}}`;
    case 'product_click':
      return `${head},"productId":${strOrNull(e.productId)},"sku":${strOrNull(e.sku)}}`;
    case 'order':
      return `${head},"orderId":${str(e.orderId)},"productId":${strOrNull(e.productId)},"items":${JSON.stringify(e.items)},"amount":${JSON.stringify(e.amount)}}`;
    default:
      return assertNever(e, 'audience event kind');
  }
}

/** `"text":…,"label":…` of a comment: the same for every comment with this (redacted) text and label. */
export function commentTextJson(text: string, label: CommentLabel | null): string {
  return `"text":${str(text)},"label":${label === null ? 'null' : JSON.stringify(label)}`;
}

const str = (s: string): string => JSON.stringify(s);
const strOrNull = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));
// JSON has no NaN or Infinity (JSON.stringify writes null); the contract's numbers are finite anyway.
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
