import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PlatformConnectorConfig } from '../../../../shared/contract/audience.js';
import { createAesSecretBox } from '../../secrets.js';
import { publicConfig, sealConfig, unsealConfig, updateStored } from './platforms.js';

const box = createAesSecretBox(randomBytes(32));

describe('platform connector settings', () => {
  const twitch = PlatformConnectorConfig.parse({ kind: 'twitch', channels: ['#Foo_Bar'], username: 'Bot_1', oauthToken: 'oauth:secret123' });

  it('normalises channel and user names', () => {
    expect(twitch).toMatchObject({ channels: ['foo_bar'], username: 'bot_1' });
    expect(PlatformConnectorConfig.parse({ kind: 'tiktok', uniqueId: '@shop.live_1' })).toMatchObject({ uniqueId: 'shop.live_1' });
    expect(PlatformConnectorConfig.safeParse({ kind: 'twitch', channels: ['a', 'a1', 'abc', 'abc'] }).success).toBe(false);
    expect(PlatformConnectorConfig.safeParse({ kind: 'youtube', liveChatId: 'Cg0KC2tMNVpG', apiKey: 'k', apiBaseUrl: 'ftp://x' }).success).toBe(false);
  });

  it('seals secrets, shows them as {set:true} and unseals them for the link', () => {
    const stored = sealConfig(twitch, box);
    expect(JSON.stringify(stored)).not.toContain('secret123');
    expect(Object.keys(stored.sealed)).toEqual(['oauthToken']);
    expect(publicConfig(stored)).toEqual({ kind: 'twitch', channels: ['foo_bar'], username: 'bot_1', oauthToken: { set: true } });
    expect(unsealConfig(stored, box)).toEqual(twitch);
  });

  it('updates: keeps an omitted secret, replaces a given one, removes a null one, refuses another platform', () => {
    const stored = sealConfig(twitch, box);
    const kept = updateStored(stored, { kind: 'twitch', channels: ['other'], username: 'bot_1' }, box);
    expect(unsealConfig(kept, box)).toMatchObject({ channels: ['other'], oauthToken: 'oauth:secret123' });
    const replaced = updateStored(stored, { kind: 'twitch', channels: ['other'], username: 'bot_1', oauthToken: 'newtoken' }, box);
    expect(unsealConfig(replaced, box)).toMatchObject({ oauthToken: 'newtoken' });
    const anonymous = updateStored(stored, { kind: 'twitch', channels: ['other'], oauthToken: null }, box);
    expect(unsealConfig(anonymous, box)).toEqual({ kind: 'twitch', channels: ['other'] });
    expect(() => updateStored(stored, { kind: 'twitch', channels: ['other'], oauthToken: null, username: 'bot_1' }, box)).toThrow(/oauthToken/);
    expect(() => updateStored(stored, { kind: 'youtube', liveChatId: 'Cg0KC2tMNVpG' }, box)).toThrow(/remove it and add/);
  });
});
