/**
 * A strict JSON (RFC 8259) parser that remembers where each value starts, so that an import can say
 * "line 12, column 7: segments[2].durationSec: …" instead of "invalid input". Plain JSON.parse reports
 * positions in an engine-specific message, and nothing at all for values that parse but fail the schema.
 */

export interface SourcePos {
  readonly line: number;
  readonly column: number;
}

export type JsonPath = readonly (string | number)[];

export type JsonParse =
  | { readonly ok: true; readonly value: unknown; readonly positionOf: (path: JsonPath) => SourcePos }
  | { readonly ok: false; readonly pos: SourcePos; readonly message: string };

const MAX_DEPTH = 64;

class JsonSyntaxError extends Error {
  readonly offset: number;
  constructor(offset: number, message: string) {
    super(message);
    this.offset = offset;
  }
}

const pathKey = (path: JsonPath): string => JSON.stringify(path);

/** Line and column (1-based; the column counts UTF-16 code units) of an offset. */
export function positionAt(text: string, offset: number): SourcePos {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseJsonWithPositions(input: string): JsonParse {
  // A byte-order mark is not JSON but editors on Windows write one.
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const offsets = new Map<string, number>();
  let i = 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(at, message);
  };
  const describe = (): string => (i >= text.length ? 'the end of the file' : `"${text[i] ?? ''}"`);
  const ws = (): void => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const expect = (c: string, what: string): void => {
    if (text[i] !== c) fail(`expected ${what} but found ${describe()}`);
    i++;
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= text.length) fail('this string is not closed (missing ")', start);
      const c = text[i] ?? '';
      const code = text.charCodeAt(i);
      if (c === '"') {
        i++;
        return out;
      }
      if (code < 0x20) fail(code === 10 ? 'a string cannot span lines (write \\n for a line break)' : 'control character in a string');
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail(`invalid escape "\\${e ?? ''}" in a string`);
        continue;
      }
      out += c;
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const parseValue = (path: (string | number)[], depth: number): unknown => {
    ws();
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    offsets.set(pathKey(path), i);
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `expected a property name in double quotes but found ${describe()}`);
        const keyAt = i;
        const key = parseString();
        if (Object.hasOwn(obj, key)) fail(`duplicate property "${key}"`, keyAt);
        ws();
        expect(':', '":" after the property name');
        const value = parseValue([...path, key], depth + 1);
        Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`expected "," or "}" after a property value but found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue([...path, arr.length], depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('trailing comma before "]"');
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`expected "," or "]" after an array element but found ${describe()}`);
      }
    }
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail('malformed number');
      i += m?.[0].length ?? 0;
      return Number(m?.[0]);
    }
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (c === "'") fail('strings must use double quotes');
    return fail(`expected a value but found ${describe()}`);
  };

  try {
    const value = parseValue([], 0);
    ws();
    if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
    const positionOf = (path: JsonPath): SourcePos => {
      // The nearest recorded ancestor: a missing property is reported where its object starts.
      for (let n = path.length; n >= 0; n--) {
        const at = offsets.get(pathKey(path.slice(0, n)));
        if (at !== undefined) return positionAt(text, at);
      }
      return { line: 1, column: 1 };
    };
    return { ok: true, value, positionOf };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, pos: positionAt(text, e.offset), message: e.message };
    throw e;
  }
}
