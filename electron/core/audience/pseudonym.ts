import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';

/** Maps a platform user id to the studio's pseudonym for it. */
export type Pseudonymise = (platform: string, rawUserId: string) => string;

const KEY_SETTING = 'audience.pseudonym_key';

/**
 * HMAC-SHA256 of `platform NUL user id` under the studio's secret key, cut to 128 bits (hex). The same viewer
 * keeps one pseudonym across shows (repeat buyers, one entry per viewer in draws) while the platform id is never
 * stored; without the key, pseudonyms cannot be linked back by hashing candidate ids. A bounded cache spares
 * the HMAC for viewers who talk a lot.
 */
export function createPseudonymiser(key: Buffer, cacheSize = 100_000): Pseudonymise {
  if (key.length < 32) throw new RangeError('the pseudonym key must be at least 32 bytes');
  // One map per platform: no key string is built per lookup.
  const caches = new Map<string, Map<string, string>>();
  let size = 0;
  return (platform, rawUserId) => {
    let cache = caches.get(platform);
    if (!cache) {
      cache = new Map();
      caches.set(platform, cache);
    }
    const hit = cache.get(rawUserId);
    if (hit !== undefined) return hit;
    const hash = createHmac('sha256', key).update(`${platform}\u0000${rawUserId}`, 'utf8').digest('hex').slice(0, 32);
    if (size >= cacheSize) {
      // Bounded memory: start afresh (cheap, and the busiest viewers are back in the cache within seconds).
      caches.clear();
      cache = new Map();
      caches.set(platform, cache);
      size = 0;
    }
    cache.set(rawUserId, hash);
    size++;
    return hash;
  };
}

/** The studio's pseudonym key: made once, kept sealed by the secret box in the settings table. */
export function loadOrCreatePseudonymKey(db: Db, secrets: SecretBox, clock: Clock): Buffer {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY_SETTING) as { value: string } | undefined;
  if (row) return Buffer.from(secrets.decrypt(row.value), 'base64');
  const key = randomBytes(32);
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(KEY_SETTING, secrets.encrypt(key.toString('base64')), clock.now());
  return key;
}
