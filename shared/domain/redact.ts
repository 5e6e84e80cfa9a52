/**
 * Personal data in chat text, redacted before a comment can leave the machine (issue 5, §5).
 *
 * Each finding is replaced by its kind in square brackets, whatever the language of the message:
 * `[phone]`, `[email]`, `[id_card]`, `[address]`. One scheme for zh and en keeps stored text
 * machine-readable and the placeholders easy to style in the UI.
 *
 * What counts (zh and en formats):
 * - email: local@domain.tld, also with a full-width ＠.
 * - id_card: 18-digit PRC resident ID (17 digits + digit or X, optional space/dash between the
 *   6-8-4 groups) whose birth date is plausible and whose ISO 7064 MOD 11-2 check digit is right.
 * - phone: PRC mobiles (1[3-9] + 9 digits; spaces/dashes anywhere; +86 / 0086 / 86 prefix), PRC
 *   landlines (0 + 2-3 digit area code, 7-8 digits, or with the area code in brackets), international
 *   numbers starting with + (8–15 digits), North American numbers with separators ((415) 555-0132),
 *   UK-style 0xxxx xxxxxx, and 7–15 digit numbers right after 电话/手机/tel/phone/call me/whatsapp.
 * - address: zh street addresses (optional 省/市/区/县/镇 parts, a 路/街/大道/巷/弄/胡同 with a 号 number,
 *   then 栋/单元/室 parts): 北京市朝阳区建国路88号, also with a Chinese-numeral number of up to six characters
 *   (零〇一二三四五六七八九十百千两): 朝阳区建国路八十八号, 世纪大道一百号 (then at least two name characters
 *   before the street word, not 逛街/上街/走路/马路 …, no bare 弄 street, not followed by 链接/色/码); an estate
 *   (…小区/花园/公寓/大厦/广场/家园/新村/苑/城) + a building, unit or room number in digits, letters or Chinese
 *   numerals (阳光花园3栋2单元, 阳光花园A栋三单元, 三号楼, 二单元, 五零二室); building + room (5栋1203室);
 *   en street addresses (number + 1–4 name words + Street/St/Ave/Road/Rd/Blvd/Lane/Dr/… with optional
 *   apartment and "City, ST 12345") and PO boxes.
 *
 * Deliberately not redacted: prices (¥199, $49.99, 199元, 八十八块), quantities (拍了3件, 要两件), link and
 * shade numbers (3号链接, 一号链接, 五号色号), SKUs and order numbers that are no phone or valid ID, dates and
 * times (几号发货, 20号发货, 2024-05-01 20:00), a city or district on its own
 * (深圳的来报到). Full-width digits and letters are read as ASCII, so they do not slip through.
 */

export type PiiKind = 'phone' | 'email' | 'id_card' | 'address';

export interface RedactionResult {
  readonly text: string;
  /** Kinds found, each once, in the order phone, email, id_card, address. */
  readonly found: PiiKind[];
}

const KIND_ORDER: readonly PiiKind[] = ['phone', 'email', 'id_card', 'address'];

/** Placeholder that replaces a finding of each kind. */
export const PLACEHOLDER: Readonly<Record<PiiKind, string>> = {
  phone: '[phone]',
  email: '[email]',
  id_card: '[id_card]',
  address: '[address]',
};

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True when 18 characters (17 digits + digit/X) carry a valid PRC ID check digit. */
export function isValidPrcId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK.charAt(sum % 11) === id.charAt(17).toUpperCase();
}

// Characters that start or join a sentence rather than a place name; a place name never contains them,
// so "我住在建国路88号" redacts from 建 on.
const NAME = '(?:(?![在住是到寄发送我你他她的址家和或请帮给收货地])[\\u4e00-\\u9fa5])';
const NAME_CHAR = new RegExp(`^${NAME}$`);
/** An admin division (省, 市, 区, 县, 镇, 街道 …). */
const ADMIN_ANY = /省|自治区|特别行政区|市|州|盟|区|县|旗|镇|乡|街道/;
/** How far left of a street an address's admin divisions are looked for. */
const ADMIN_WINDOW = 24;
/** A Chinese-numeral number (八十八, 一百, 五零二); every use is bounded ({1,6} at most). */
const CN_NUM = '[零〇一二三四五六七八九十百千两]';
/** Building, unit and room: bare digits only after a building or unit (3栋1203, 2单元1203), else 室/房 is needed. */
const ZH_BUILDING = `(?:[A-Za-z0-9]{1,4}|${CN_NUM}{1,4})(?:号楼|栋|幢|座)`;
const ZH_UNIT = `(?:\\d{1,3}|${CN_NUM}{1,3})单元`;
/** A room after a building or unit: bare digits, or a Chinese numeral with 室/房 (五零二室). */
const ZH_ROOM_AFTER = `(?:\\d{1,5}(?:室|房|号)?|${CN_NUM}{1,5}(?:室|房))`;
const ZH_ROOM = `(?:\\d{1,5}|${CN_NUM}{1,5})(?:室|房)`;
const ZH_UNITS = `(?:${ZH_BUILDING}(?:${ZH_UNIT})?${ZH_ROOM_AFTER}?|${ZH_UNIT}${ZH_ROOM_AFTER}?|${ZH_ROOM})?`;
const ZH_ESTATE = `(?:${NAME}|[A-Za-z]){1,12}(?:小区|花园|公寓|大厦|广场|家园|新村|苑|城)`;
/** After a street number: an estate or building name (CJK or Latin) only when a building number follows. */
const ZH_AFTER_NUMBER = `(?:(?:${NAME}|[A-Za-z]){1,12}?(?=${ZH_BUILDING}))?`;
const ZH_ROAD = '(?:路|街|大道|大街|巷|胡同|弄)';
const ZH_SECTION = '(?:[一二三四五六七八九十\\d]{1,3}段)?';
/**
 * Street + Chinese-numeral number (建国路八十八号) reads like chat more often than digits do, so: at least two
 * name characters before the street word, none of the everyday words 逛街 / 上街 / 走路 / 马路 / 思路 … (the
 * character before the street word), no bare 弄 street (弄 is a common verb: 老板弄三号), and no 号链接 / 号色 /
 * 号码 after the number.
 */
const ZH_CN_ROAD = `(?<![逛上走马思套线电出退网半带让开引找迷问修赶绕大])(?:路|街|大道|大街|巷|胡同)`;
const ZH_CN_NUMBER_END = '号(?!链接|链|色|码)';

const EN_STOP =
  "(?:the|a|an|of|for|in|on|at|to|and|or|my|your|is|it|this|that|more|pcs|items?|other|any|no|all|every|each|per|x|by|with|from|but|so|if|then|than|days?|weeks?|hours?|mins?|minutes?|times?|left|sold|bought|ordered|dollars?|bucks|usd|pairs?|sets?|colou?rs?|sizes?|i|we|you|they|get|got|buy|take|want)";
/** Street types that are no everyday word: matched in any case. */
const EN_SUFFIX = '(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|parkway|pkwy|highway|hwy)';
/** Street types that are also everyday words ("5 star way of life"): only Capitalised, after Capitalised names. */
const EN_SUFFIX_CAPITALISED = '(?:Way|Place|Pl|Court|Ct|Close|Circle|Cir|Square|Sq|Terrace|Ter|Crescent|Drive|Dr)';
const EN_NAME_WORD = "(?:\\d{1,3}(?:st|nd|rd|th)|[A-Za-z][A-Za-z'.-]*)";
const EN_TAIL =
  "(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\b)?(?:,?\\s*(?:apt|apartment|suite|ste|unit|fl|floor|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)?(?:,\\s*[A-Za-z][A-Za-z .'-]*?,?\\s+[A-Za-z]{2}\\s+\\d{5}(?:-\\d{4})?)?";

interface Rule {
  readonly kind: PiiKind;
  readonly re: RegExp;
  /** Optional check of the matched text (checksums, digit counts). */
  readonly accept?: (match: string) => boolean;
  /** The part of the match to replace starts at this capture group (default: the whole match). */
  readonly group?: number;
  /**
   * zh addresses: take in the admin divisions (北京市朝阳区) written before the match (see zhAddressStart).
   * The regex names the place-name part (up to the end of the street word or estate name) `names`.
   */
  readonly extendLeft?: boolean;
  /** The match counts only with an admin division before its last character (streets named …道). */
  readonly requireAdmin?: boolean;
}

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

/** Ordered: an earlier rule's finding wins where two overlap. */
const RULES: readonly Rule[] = [
  // Bounded parts and a start-of-run lookbehind keep it linear on long runs without an @.
  { kind: 'email', re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/g },
  {
    kind: 'id_card',
    re: /(?<![0-9A-Za-z])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])/g,
    accept: (m) => isValidPrcId(m.replace(/[ -]/g, '')),
  },
  { kind: 'phone', re: /(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ -]?)?1[ -]?[3-9](?:[ -]?\d){9}(?![0-9])/g },
  { kind: 'phone', re: /\+[1-9]\d{0,2}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{1,4}){1,5}(?![0-9])/g, accept: (m) => digitCount(m) >= 8 && digitCount(m) <= 15 },
  { kind: 'phone', re: /(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?![0-9])/g },
  { kind: 'phone', re: /(?<![0-9A-Za-z])(?:1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}(?![0-9])/g },
  { kind: 'phone', re: /(?<![0-9A-Za-z])0\d{4} \d{6}(?![0-9])/g },
  {
    kind: 'phone',
    re: /(?:电话|手机号?|联系方式|座机|\btel\b|\bphone\b|\bcall me(?: at)?|\btext me(?: at)?|\bwhatsapp\b)(?:号码?)?[:：\s]*((?:\+?\d[ .-]?){6,14}\d)(?![0-9])/gi,
    group: 1,
  },
  {
    kind: 'address',
    extendLeft: true,
    re: new RegExp(`(?<names>${NAME}{1,8}${ZH_ROAD}${ZH_SECTION})\\d{1,5}(?:-\\d{1,5})?(?:号|弄\\d{1,5}号|弄)${ZH_AFTER_NUMBER}${ZH_UNITS}`, 'g'),
  },
  {
    kind: 'address',
    extendLeft: true,
    re: new RegExp(
      `(?<names>${NAME}{2,8}${ZH_CN_ROAD}${ZH_SECTION})${CN_NUM}{1,6}(?:弄${CN_NUM}{1,6})?${ZH_CN_NUMBER_END}${ZH_AFTER_NUMBER}${ZH_UNITS}`,
      'g',
    ),
  },
  {
    kind: 'address',
    extendLeft: true,
    requireAdmin: true,
    // 知道 / 频道 / 难道 … are words, not streets (评论区知道3号).
    re: new RegExp(`(?<names>${NAME}{1,8}(?<![知频难味跑通车赛报说地轨])道${ZH_SECTION})\\d{1,5}(?:-\\d{1,5})?号${ZH_AFTER_NUMBER}${ZH_UNITS}`, 'g'),
  },
  // Estate + building (阳光花园A栋, 三号楼), unit (二单元) or room (一零一室); the whole house number is taken.
  {
    kind: 'address',
    extendLeft: true,
    re: new RegExp(`(?<names>${ZH_ESTATE})(?:${ZH_BUILDING}(?:${ZH_UNIT})?${ZH_ROOM_AFTER}?|${ZH_UNIT}${ZH_ROOM_AFTER}?|${ZH_ROOM})`, 'g'),
  },
  { kind: 'address', re: /(?<![0-9A-Za-z])[A-Za-z0-9]{1,4}(?:号楼|栋|幢|座)(?:\d{1,3}单元)?\d{1,5}(?:室|房)/g },
  {
    kind: 'address',
    re: new RegExp(`\\b\\d{1,6}[A-Za-z]?(?:\\s+(?!${EN_STOP}\\b)${EN_NAME_WORD}){1,4}\\s+${EN_SUFFIX}\\b\\.?${EN_TAIL}`, 'gi'),
  },
  { kind: 'address', re: new RegExp(`\\b\\d{1,6}[A-Za-z]?(?:\\s+(?:\\d{1,3}(?:st|nd|rd|th)|[A-Z][a-z'.-]*)){1,4}\\s+${EN_SUFFIX_CAPITALISED}\\b\\.?${EN_TAIL}`, 'g') },
  { kind: 'address', re: /\bP\.?\s?O\.?\s+Box\s+\d{1,6}\b/gi },
];

/** Full-width ASCII (digits, letters, ＠, ＋, －, （）) read as ASCII; one UTF-16 unit each, so offsets stay. */
function foldWidth(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += ' ';
      changed = true;
    } else out += text.charAt(i);
  }
  return changed ? out : text;
}

/**
 * zh addresses: where the address really starts, given a match at `matchStart` whose place names end at
 * `nameEnd` (the end of the street word or estate name). Walks left over place-name characters (at most ADMIN_WINDOW); when that run
 * holds an admin division (北京市, 浦东新区 …), the address starts up to four characters before the first one.
 * Also tells whether a division is there before the street itself. Linear: no regex backtracking.
 */
function zhAddressStart(text: string, matchStart: number, nameEnd: number): { start: number; hasAdmin: boolean } {
  let w = matchStart;
  while (w > 0 && matchStart - w < ADMIN_WINDOW && NAME_CHAR.test(text.charAt(w - 1))) w--;
  const names = text.slice(w, nameEnd).replace(/(?:路|街|大道|大街|巷|胡同|弄|道)(?:[一二三四五六七八九十\d]{1,3}段)?$/, '');
  const first = ADMIN_ANY.exec(names);
  if (first === null) return { start: matchStart, hasAdmin: false };
  return { start: Math.min(matchStart, Math.max(w, w + first.index - 4)), hasAdmin: true };
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: PiiKind;
}

/** Replaces phone numbers, e-mails, PRC ID numbers and street addresses with placeholders. Pure; never throws. */
export function redactPii(text: string): RedactionResult {
  // Nothing to find without a digit, an @ or a house-number marker (号 栋 幢 座 室 房 单元): every rule needs one.
  if (!/[0-9０-９@＠号栋幢座室房单]/.test(text)) return { text, found: [] };
  const scan = foldWidth(text);
  const spans: Span[] = [];
  const overlaps = (s: number, e: number): boolean => spans.some((x) => s < x.end && e > x.start);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (const m of scan.matchAll(rule.re)) {
      const whole = m[0];
      if (rule.accept !== undefined && !rule.accept(whole)) continue;
      let start = m.index;
      let part = whole;
      if (rule.group !== undefined) {
        const g = m[rule.group];
        if (g === undefined) continue;
        start = m.index + whole.length - g.length;
        part = g;
      }
      const end = start + part.length;
      if (rule.extendLeft === true) {
        // Place names end where the street word or estate name does, not at the first numeral: 一 and 十
        // can be part of a name (中山一路一号).
        const names = m.groups?.['names'];
        const at = zhAddressStart(scan, start, start + (names === undefined ? whole.length : names.length));
        if (rule.requireAdmin === true && !at.hasAdmin) continue;
        start = at.start;
      }
      if (!overlaps(start, end)) spans.push({ start, end, kind: rule.kind });
    }
  }
  if (spans.length === 0) return { text, found: [] };
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  const kinds = new Set<PiiKind>();
  for (const s of spans) {
    out += text.slice(at, s.start) + PLACEHOLDER[s.kind];
    at = s.end;
    kinds.add(s.kind);
  }
  out += text.slice(at);
  return { text: out, found: KIND_ORDER.filter((k) => kinds.has(k)) };
}
