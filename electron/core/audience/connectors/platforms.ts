import { z } from 'zod';
import {
  PLATFORM_SECRETS,
  PlatformConnectorConfig,
  type PlatformConfigOf,
  type PlatformConnectorConfigUpdate,
  type PlatformConnectorPublicConfig,
  type PlatformKind,
} from '../../../../shared/contract/audience.js';
import { AppError } from '../../../../shared/errors.js';
import type { SecretBox } from '../../secrets.js';
import type { OpenPlatformLink } from './platformLink.js';
import { openTikTokLink } from './tiktok.js';
import { openTwitchLink } from './twitch.js';
import { createYouTubeLink } from './youtube.js';

/**
 * One opener per connector instance: each call of the factory gets its own memory (YouTube keeps its page token
 * across reconnects so a broken poll resumes where it stopped instead of re-reading the chat).
 */
export const PLATFORM_LINKS: { readonly [K in PlatformKind]: () => OpenPlatformLink<PlatformConfigOf<K>> } = {
  tiktok: () => openTikTokLink,
  twitch: () => openTwitchLink,
  youtube: () => createYouTubeLink(),
};

/** Opens a link for any platform config (the kind picks the opener made for this connector). */
export function platformOpener(kind: PlatformKind): OpenPlatformLink<PlatformConnectorConfig> {
  switch (kind) {
    case 'tiktok': {
      const open = PLATFORM_LINKS.tiktok();
      return (config, deps) => (config.kind === 'tiktok' ? open(config, deps) : Promise.reject(kindMismatch(kind, config.kind)));
    }
    case 'twitch': {
      const open = PLATFORM_LINKS.twitch();
      return (config, deps) => (config.kind === 'twitch' ? open(config, deps) : Promise.reject(kindMismatch(kind, config.kind)));
    }
    case 'youtube': {
      const open = PLATFORM_LINKS.youtube();
      return (config, deps) => (config.kind === 'youtube' ? open(config, deps) : Promise.reject(kindMismatch(kind, config.kind)));
    }
  }
}
const kindMismatch = (want: string, got: string): Error => new Error(`a ${want} connector was given ${got} settings`);

/** A platform connector as stored in the settings table: secrets sealed, everything else plain. */
export const StoredPlatformConnector = z.object({
  id: z.string().min(1).max(80),
  label: z.string().min(1).max(60),
  createdAt: z.number().int(),
  /** The settings without their secret fields. */
  config: z.record(z.string(), z.unknown()),
  /** Secret field → value sealed by the secret box. */
  sealed: z.record(z.string(), z.string()),
});
export type StoredPlatformConnector = z.infer<typeof StoredPlatformConnector>;

const secretFields = (kind: PlatformKind): readonly string[] => PLATFORM_SECRETS[kind];

/** Splits settings into plain fields and sealed secrets. */
export function sealConfig(config: PlatformConnectorConfig, box: SecretBox): Pick<StoredPlatformConnector, 'config' | 'sealed'> {
  const plain: Record<string, unknown> = {};
  const sealed: Record<string, string> = {};
  const secrets = secretFields(config.kind);
  for (const [k, v] of Object.entries(config)) {
    if (v === undefined) continue;
    if (secrets.includes(k) && typeof v === 'string') sealed[k] = box.encrypt(v);
    else plain[k] = v;
  }
  return { config: plain, sealed };
}

/** The settings with their secrets unsealed (only ever handed to a link). Throws when a secret cannot be read. */
export function unsealConfig(stored: Pick<StoredPlatformConnector, 'config' | 'sealed'>, box: SecretBox): PlatformConnectorConfig {
  const full: Record<string, unknown> = { ...stored.config };
  for (const [k, v] of Object.entries(stored.sealed)) full[k] = box.decrypt(v);
  const parsed = PlatformConnectorConfig.safeParse(full);
  if (!parsed.success) {
    // The message names fields, never values: a secret could be among them.
    throw new AppError('STORE_ERROR', `stored connector settings are not valid: ${parsed.error.issues.map((i) => i.path.join('.') || 'settings').join(', ')}`);
  }
  return parsed.data;
}

/** What the core shows: each stored secret as `{set: true}`. */
export function publicConfig(stored: Pick<StoredPlatformConnector, 'config' | 'sealed'>): PlatformConnectorPublicConfig {
  const out: Record<string, unknown> = { ...stored.config };
  for (const k of Object.keys(stored.sealed)) out[k] = { set: true };
  return out as PlatformConnectorPublicConfig;
}

/**
 * Applies an update to stored settings: plain fields are replaced; a secret given is sealed anew, `null` removes
 * it, left out keeps the stored one. The result is checked as a whole (a YouTube connector still needs its key).
 */
export function updateStored(
  stored: Pick<StoredPlatformConnector, 'config' | 'sealed'>,
  update: PlatformConnectorConfigUpdate,
  box: SecretBox,
): Pick<StoredPlatformConnector, 'config' | 'sealed'> {
  const kind = stored.config['kind'];
  if (update.kind !== kind) throw new AppError('BAD_INPUT', `this is a ${String(kind)} connector; remove it and add a ${update.kind} one instead`);
  const secrets = secretFields(update.kind);
  const plain: Record<string, unknown> = {};
  const sealed: Record<string, string> = {};
  for (const k of secrets) {
    const given = (update as Record<string, unknown>)[k];
    const kept = stored.sealed[k];
    if (typeof given === 'string') sealed[k] = box.encrypt(given);
    else if (given === undefined && kept !== undefined) sealed[k] = kept;
  }
  for (const [k, v] of Object.entries(update)) {
    if (v === undefined || secrets.includes(k)) continue;
    plain[k] = v;
  }
  // Validate the combination (without exposing the values in the message).
  const check: Record<string, unknown> = { ...plain };
  for (const k of Object.keys(sealed)) check[k] = 'x';
  const parsed = PlatformConnectorConfig.safeParse(check);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('BAD_INPUT', `${issue?.path.join('.') ?? 'config'}: ${issue?.message ?? 'invalid settings'}`);
  }
  return { config: plain, sealed };
}
