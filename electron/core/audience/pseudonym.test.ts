import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserHash } from '../../../shared/contract/audience.js';
import { systemClock } from '../clock.js';
import { createAesSecretBox } from '../secrets.js';
import { loadMigrations, openDatabase, type Db } from '../store/db.js';
import { createPseudonymiser, loadOrCreatePseudonymKey } from './pseudonym.js';

const KEY_A = Buffer.alloc(32, 1);
const KEY_B = Buffer.alloc(32, 2);

describe('pseudonymisation', () => {
  let dir: string | null = null;
  let db: Db | null = null;
  afterEach(() => {
    db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    db = null;
    dir = null;
  });

  it('is the HMAC-SHA256 of platform and user id under the studio key, cut to 128 bits', () => {
    const p = createPseudonymiser(KEY_A);
    const expected = createHmac('sha256', KEY_A).update('douyin\u000012345').digest('hex').slice(0, 32);
    expect(p('douyin', '12345')).toBe(expected);
    expect(UserHash.safeParse(expected).success).toBe(true);
  });

  it('is stable for one studio, differs across platforms and studios, and never contains the raw id', () => {
    const a = createPseudonymiser(KEY_A);
    const b = createPseudonymiser(KEY_B);
    expect(a('douyin', 'u1')).toBe(a('douyin', 'u1'));
    expect(a('douyin', 'u1')).not.toBe(a('tiktok', 'u1'));
    expect(a('douyin', 'u1')).not.toBe(b('douyin', 'u1'));
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(a('ab', 'c')).not.toBe(a('a', 'bc'));
    expect(a('douyin', '13812345678')).not.toContain('13812345678');
  });

  it('keeps giving the same answer when the cache evicts', () => {
    const p = createPseudonymiser(KEY_A, 2);
    const first = p('x', '1');
    p('x', '2');
    p('x', '3');
    expect(p('x', '1')).toBe(first);
  });

  it('refuses a short key', () => {
    expect(() => createPseudonymiser(Buffer.alloc(16))).toThrow(RangeError);
  });

  it('creates the studio key once, sealed, and loads the same key again', () => {
    dir = mkdtempSync(join(tmpdir(), 'showrunner-pseudo-'));
    db = openDatabase({ file: join(dir, 'a.db'), migrations: loadMigrations(join(import.meta.dirname, '../store/migrations')) });
    const box = createAesSecretBox(Buffer.alloc(32, 9));
    const k1 = loadOrCreatePseudonymKey(db, box, systemClock);
    const k2 = loadOrCreatePseudonymKey(db, box, systemClock);
    expect(k1.equals(k2)).toBe(true);
    const stored = (db.prepare("SELECT value FROM settings WHERE key = 'audience.pseudonym_key'").get() as { value: string }).value;
    expect(stored).not.toContain(k1.toString('base64'));
  });
});
