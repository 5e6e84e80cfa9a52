import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts secrets at rest. The desktop shell backs it with Electron safeStorage; the console host with a key file. */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/**
 * AES-256-GCM with a 32-byte key kept in `keyFile` (created with mode 0600 on first use). Whoever can read the
 * key file can read the secrets: that is the console host's documented trust boundary (the OS account that
 * runs it).
 */
export function createKeyFileSecretBox(keyFile: string): SecretBox {
  let key: Buffer;
  if (existsSync(keyFile)) {
    key = readFileSync(keyFile);
    if (key.length !== 32) throw new AppError('STORE_ERROR', `secret key file ${keyFile} is damaged (expected 32 bytes)`);
    if ((statSync(keyFile).mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
  } else {
    key = randomBytes(32);
    writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
  }
  return createAesSecretBox(key);
}

/** AES-256-GCM under a 32-byte key. Sealed values are `v1:<iv>:<tag>:<ciphertext>` in base64. */
export function createAesSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new AppError('STORE_ERROR', 'secret key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(sealed) {
      const parts = sealed.split(':');
      const [v, iv, tag, body] = parts;
      if (parts.length !== 4 || v !== 'v1' || !iv || !tag || body === undefined) {
        throw new AppError('STORE_ERROR', 'sealed secret has an unknown format');
      }
      try {
        // The tag length is pinned: GCM would otherwise accept a truncated (4-byte) tag, which is forgeable.
        const tagBytes = Buffer.from(tag, 'base64');
        const ivBytes = Buffer.from(iv, 'base64');
        if (tagBytes.length !== TAG_BYTES || ivBytes.length !== IV_BYTES) throw new Error('bad iv or tag length');
        const d = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
        d.setAuthTag(tagBytes);
        return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
      } catch {
        throw new AppError('STORE_ERROR', 'a stored secret cannot be decrypted with this key file');
      }
    },
  };
}
