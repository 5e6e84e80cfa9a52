import type { RawAudienceEvent, RehearsalConfig } from '../../contract/audience.js';
import type { Money } from '../../contract/common.js';
import { formatMoney } from '../money.js';
import { GIFTS, INTENT_WEIGHTS, NAMES, PHRASES, type PhraseIntent, type PhraseLang } from './phrases.js';
import { gaussian, intBetween, pick, seededRng, type Rng } from '../random.js';

/** What the room is shown: the product being presented. */
export interface RoomProduct {
  readonly id: string | null;
  readonly sku: string;
  readonly name: string;
  readonly price: Money;
}

/**
 * A simulated live room: a pure state machine stepped with the time. The same seed and the same step times
 * give the same events, so rehearsal runs (and the tests over them) are reproducible.
 */
export interface RehearsalRoom {
  config: RehearsalConfig;
  rng: Rng;
  lastAt: number;
  /** Fraction of an event owed from earlier steps. */
  carry: number;
  viewers: number;
  /** Slow drift of the audience size around its baseline, −0.4…+0.4. */
  drift: number;
  nextViewerReportAt: number;
  nextSurgeAt: number;
  surge: { readonly until: number; readonly factor: number } | null;
  orders: number;
}

/** The most events per second the room produces, surges included. */
export const MAX_ROOM_RATE = 5_000;
/** A longer gap between steps (a suspended laptop) is not caught up on. */
const MAX_STEP_MS = 5_000;
const USER_POOL = 20_000;
const PLATFORM = 'rehearsal';

/** Cumulative weights of event kinds; orders follow product clicks, viewer counts follow the clock. */
const KIND_WEIGHTS: readonly (readonly [Exclude<RawAudienceEvent['kind'], 'order' | 'viewer_count'>, number])[] = [
  ['comment', 0.56],
  ['like', 0.14],
  ['enter', 0.1],
  ['leave', 0.07],
  ['product_click', 0.07],
  ['follow', 0.02],
  ['share', 0.02],
  ['gift', 0.02],
];

function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  let r = rng() * table.reduce((s, [, w]) => s + w, 0);
  for (const [item, w] of table) {
    r -= w;
    if (r < 0) return item;
  }
  const last = table.at(-1);
  if (!last) throw new RangeError('empty weight table');
  return last[0];
}

const baselineViewers = (rate: number): number => Math.min(2_000_000, Math.max(30, Math.round(rate * 120)));

export function createRehearsalRoom(config: RehearsalConfig, startAt: number): RehearsalRoom {
  const rng = seededRng(config.seed);
  return {
    config,
    rng,
    lastAt: startAt,
    carry: 0,
    viewers: baselineViewers(config.rate),
    drift: 0,
    nextViewerReportAt: startAt,
    nextSurgeAt: startAt + intBetween(rng, 45_000, 180_000),
    surge: null,
    orders: 0,
  };
}

/** Applies a new configuration; a new seed restarts the random sequence. */
export function reconfigureRoom(room: RehearsalRoom, config: RehearsalConfig): void {
  if (config.seed !== room.config.seed) room.rng = seededRng(config.seed);
  if (!config.surges) room.surge = null;
  room.config = config;
}

/** The events rate right now: the base rate, times the surge factor while one lasts. */
export function currentRate(room: RehearsalRoom, now: number): number {
  const factor = room.surge && now < room.surge.until ? room.surge.factor : 1;
  return Math.min(MAX_ROOM_RATE, room.config.rate * factor);
}

/** Everything that happened in the room since the last step, in time order. */
export function stepRoom(room: RehearsalRoom, now: number, product: RoomProduct): RawAudienceEvent[] {
  const from = Math.max(room.lastAt, now - MAX_STEP_MS);
  if (now <= room.lastAt) return [];
  const { rng } = room;
  const out: RawAudienceEvent[] = [];
  if (room.config.surges && room.surge === null && now >= room.nextSurgeAt) {
    room.surge = { until: now + intBetween(rng, 5_000, 20_000), factor: 3 + rng() * 7 };
  }
  if (room.surge && now >= room.surge.until) {
    room.surge = null;
    room.nextSurgeAt = now + intBetween(rng, 60_000, 240_000);
  }
  const rate = currentRate(room, now);
  const due = (rate * (now - from)) / 1000 + room.carry;
  const n = Math.floor(due);
  room.carry = due - n;
  const span = now - from;
  for (let i = 0; i < n; i++) {
    const at = Math.round(from + ((i + 1) * span) / n);
    while (room.nextViewerReportAt <= at) {
      out.push(viewerReport(room, room.nextViewerReportAt));
      room.nextViewerReportAt += 1_000;
    }
    const kind = weighted(rng, KIND_WEIGHTS);
    const e = makeEvent(room, kind, at, product);
    out.push(e);
    if (kind === 'product_click' && rng() < conversion(product.price)) out.push(order(room, at, product));
  }
  while (room.nextViewerReportAt <= now) {
    out.push(viewerReport(room, room.nextViewerReportAt));
    room.nextViewerReportAt += 1_000;
  }
  room.lastAt = now;
  return out;
}

/** Clicks that become orders: cheap things convert more (≈ 12 % at 50.00, ≈ 5 % at 500.00, ≥ 1 %). */
export function conversion(price: Money): number {
  return Math.min(0.2, Math.max(0.01, 0.12 * (5_000 / Math.max(100, price.amount)) ** 0.35));
}

function viewerReport(room: RehearsalRoom, at: number): RawAudienceEvent {
  const { rng } = room;
  room.drift = Math.max(-0.4, Math.min(0.4, room.drift + gaussian(rng) * 0.03));
  const surgeBoost = room.surge !== null && at < room.surge.until ? 1 + room.surge.factor / 4 : 1;
  const target = baselineViewers(room.config.rate) * (1 + room.drift) * surgeBoost;
  const next = room.viewers + (target - room.viewers) * 0.15 + gaussian(rng) * Math.sqrt(room.viewers) * 0.5;
  room.viewers = Math.max(0, Math.round(next));
  return { kind: 'viewer_count', platform: PLATFORM, occurredAt: at, viewers: room.viewers };
}

interface SimUser {
  readonly userId: string;
  readonly displayName: string;
  readonly lang: PhraseLang;
}

function user(rng: Rng): SimUser {
  // Squaring skews towards low indexes: a few regulars talk a lot, most viewers rarely.
  const i = Math.floor(rng() ** 2 * USER_POOL);
  const lang: PhraseLang = i % 10 < 7 ? 'zh' : 'en';
  const names = NAMES[lang];
  const base = names[i % names.length] ?? 'viewer';
  return { userId: `sim-${i}`, displayName: i < names.length ? base : `${base}${i}`, lang };
}

function priceText(price: Money): string {
  return formatMoney(price).replace(/\.00(?=\D*$)/, '');
}

function phone(rng: Rng, lang: PhraseLang): string {
  const digits = (k: number): string => Array.from({ length: k }, () => String(intBetween(rng, 0, 9))).join('');
  return lang === 'zh' ? `1${intBetween(rng, 3, 9)}${digits(9)}` : `415-555-${digits(4)}`;
}

const SUFFIXES = ['', '', '', '', '', '😍', '👍', '🔥', '❤️', '!!', '~'];

function commentText(rng: Rng, lang: PhraseLang, product: RoomProduct): string {
  const intent: PhraseIntent = weighted(rng, INTENT_WEIGHTS);
  const template = pick(rng, PHRASES[lang][intent]);
  const text = template
    .replace('{name}', product.name.slice(0, 40))
    .replace('{price}', priceText(product.price))
    .replace('{phone}', phone(rng, lang));
  return `${text}${pick(rng, SUFFIXES)}`;
}

function likeCount(rng: Rng): number {
  const r = rng();
  if (r < 0.7) return intBetween(rng, 1, 5);
  if (r < 0.95) return intBetween(rng, 10, 50);
  return intBetween(rng, 100, 300);
}

function makeEvent(room: RehearsalRoom, kind: (typeof KIND_WEIGHTS)[number][0], at: number, product: RoomProduct): RawAudienceEvent {
  const { rng } = room;
  const u = user(rng);
  const who = { platform: PLATFORM, userId: u.userId, displayName: u.displayName, occurredAt: at };
  switch (kind) {
    case 'comment':
      return { kind, ...who, text: commentText(rng, u.lang, product) };
    case 'like':
      return { kind, ...who, count: likeCount(rng) };
    case 'gift': {
      const g = GIFTS[Math.min(GIFTS.length - 1, Math.floor(rng() ** 3 * GIFTS.length))] ?? { zh: '小心心', en: 'Heart', minor: 10 };
      const count = rng() < 0.8 ? 1 : intBetween(rng, 2, 10);
      return { kind, ...who, gift: { name: g[u.lang], count, value: { amount: g.minor * count, currency: product.price.currency } } };
    }
    case 'product_click':
      return { kind, ...who, ...(product.id === null ? {} : { productId: product.id }), sku: product.sku };
    case 'follow':
    case 'share':
    case 'enter':
    case 'leave':
      return { kind, ...who };
  }
}

function order(room: RehearsalRoom, at: number, product: RoomProduct): RawAudienceEvent {
  const { rng } = room;
  const u = user(rng);
  const r = rng();
  const qty = r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
  room.orders++;
  return {
    kind: 'order',
    platform: PLATFORM,
    userId: u.userId,
    displayName: u.displayName,
    occurredAt: at,
    orderId: `sim-${room.config.seed}-${room.orders}`,
    ...(product.id === null ? {} : { productId: product.id }),
    items: [{ sku: product.sku, qty, unitPrice: product.price }],
    amount: { amount: product.price.amount * qty, currency: product.price.currency },
  };
}
