import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AppError } from '../../shared/errors.js';

/** Encrypts secrets at rest. The desktop shell backs it with Electron safeStorage; the console host with a key file. */
export interface SecretBox {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

/**
 * AES-256-GCM with a 32-byte key kept in `keyFile` (created with mode 0600 on first use). Sealed values are
 * `v1:<iv>:<tag>:<ciphertext>` in base64. Whoever can read the key file can read the secrets: that is the
 * console host's documented trust boundary (the OS account that runs it).
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
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv.toString('base64'), c.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    decrypt(sealed) {
      const [v, iv, tag, body] = sealed.split(':');
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new AppError('STORE_ERROR', 'sealed secret has an unknown format');
      try {
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
        d.setAuthTag(Buffer.from(tag, 'base64'));
        return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
      } catch {
        throw new AppError('STORE_ERROR', 'a stored secret cannot be decrypted with this key file');
      }
    },
  };
}
