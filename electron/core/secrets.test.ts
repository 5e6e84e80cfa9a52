import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { createKeyFileSecretBox } from './secrets.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'showrunner-secrets-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function appErr(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an AppError');
}

/** Replaces one base64 part of a sealed value after applying `change` to its bytes. */
function tamper(sealed: string, part: 1 | 2 | 3, change: (b: Buffer) => Buffer): string {
  const parts = sealed.split(':');
  parts[part] = change(Buffer.from(parts[part] ?? '', 'base64')).toString('base64');
  return parts.join(':');
}

const flipFirstByte = (b: Buffer): Buffer => {
  const c = Buffer.from(b);
  c[0] = (c[0] ?? 0) ^ 0x01;
  return c;
};

const CANNOT = { code: 'STORE_ERROR', message: 'a stored secret cannot be decrypted with this key file' };
const UNKNOWN = { code: 'STORE_ERROR', message: 'sealed secret has an unknown format' };

describe('createKeyFileSecretBox', () => {
  it('round-trips secrets, including empty and non-ASCII ones', () => {
    const box = createKeyFileSecretBox(join(dir, 'secret.key'));
    for (const plain of ['hunter2', '', 'pässwörd 密码 🎬', 'x'.repeat(10_000)]) {
      expect(box.decrypt(box.encrypt(plain))).toBe(plain);
    }
  });

  it('seals as v1:<iv>:<tag>:<ciphertext> with a fresh IV every time', () => {
    const box = createKeyFileSecretBox(join(dir, 'secret.key'));
    const a = box.encrypt('same');
    const b = box.encrypt('same');
    expect(a).not.toBe(b);
    const [v, iv, tag, body] = a.split(':');
    expect(v).toBe('v1');
    expect(Buffer.from(iv ?? '', 'base64')).toHaveLength(12);
    expect(Buffer.from(tag ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(body ?? '', 'base64')).toHaveLength(4);
    expect(a).not.toContain('same');
  });

  it('creates a 32-byte key file readable by the owner only, and reuses it', () => {
    const keyFile = join(dir, 'secret.key');
    const sealed = createKeyFileSecretBox(keyFile).encrypt('p');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    expect(createKeyFileSecretBox(keyFile).decrypt(sealed)).toBe('p');
  });

  it('tightens the mode of an existing key file that others can read', () => {
    const keyFile = join(dir, 'secret.key');
    createKeyFileSecretBox(keyFile);
    chmodSync(keyFile, 0o644);
    createKeyFileSecretBox(keyFile);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('refuses a damaged key file', () => {
    const keyFile = join(dir, 'secret.key');
    writeFileSync(keyFile, Buffer.alloc(16), { mode: 0o600 });
    expect(appErr(() => createKeyFileSecretBox(keyFile))).toEqual({
      code: 'STORE_ERROR',
      message: `secret key file ${keyFile} is damaged (expected 32 bytes)`,
    });
  });

  it('refuses tampered ciphertext, tag or IV', () => {
    const box = createKeyFileSecretBox(join(dir, 'secret.key'));
    const sealed = box.encrypt('hunter2');
    expect(appErr(() => box.decrypt(tamper(sealed, 3, flipFirstByte)))).toEqual(CANNOT);
    expect(appErr(() => box.decrypt(tamper(sealed, 2, flipFirstByte)))).toEqual(CANNOT);
    expect(appErr(() => box.decrypt(tamper(sealed, 1, flipFirstByte)))).toEqual(CANNOT);
    expect(appErr(() => box.decrypt(tamper(sealed, 3, (b) => Buffer.concat([b, Buffer.from([0])]))))).toEqual(CANNOT);
  });

  it('refuses a truncated authentication tag (GCM would otherwise accept a forgeable 4-byte tag)', () => {
    const box = createKeyFileSecretBox(join(dir, 'secret.key'));
    const sealed = box.encrypt('hunter2');
    expect(appErr(() => box.decrypt(tamper(sealed, 2, (b) => b.subarray(0, 4))))).toEqual(CANNOT);
    expect(appErr(() => box.decrypt(tamper(sealed, 2, (b) => b.subarray(0, 12))))).toEqual(CANNOT);
  });

  it('refuses a secret sealed with a different key', () => {
    const mine = createKeyFileSecretBox(join(dir, 'a.key'));
    const theirs = createKeyFileSecretBox(join(dir, 'b.key'));
    expect(appErr(() => mine.decrypt(theirs.encrypt('hunter2')))).toEqual(CANNOT);
  });

  it('refuses values in an unknown format', () => {
    const box = createKeyFileSecretBox(join(dir, 'secret.key'));
    const sealed = box.encrypt('x');
    for (const bad of ['', 'garbage', 'v1', 'v1::tag:body', `v2${sealed.slice(2)}`, `${sealed}:extra`, 'v1:a:b']) {
      expect(appErr(() => box.decrypt(bad))).toEqual(UNKNOWN);
    }
  });
});
