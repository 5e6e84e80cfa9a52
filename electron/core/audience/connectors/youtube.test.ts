import { describe, expect, it } from 'vitest';
import { FatalConnectorError } from './connector.js';
import { apiFailure, currencyExponent, LiveChatMessage, microsToMinor, youTubeEvents } from './youtube.js';

const msg = (snippet: Record<string, unknown>, author = { channelId: 'UCabc', displayName: 'Mei' }): LiveChatMessage =>
  LiveChatMessage.parse({ id: 'm1', snippet: { publishedAt: '2025-11-23T12:00:00.000Z', ...snippet }, authorDetails: author });

describe('YouTube mapping', () => {
  it('converts amountMicros to minor units by the currency exponent', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(microsToMinor('1000000000', 'JPY')).toBe(1_000);
    expect(microsToMinor('4990000', 'USD')).toBe(499);
    expect(microsToMinor('1234567', 'KWD')).toBe(1_235);
    expect(microsToMinor('5000', 'USD')).toBe(1);
    expect(microsToMinor('99999999999999999999', 'JPY')).toBe(100_000_000_000_000);
    expect(microsToMinor('99999999999999999999', 'KWD')).toBeNull();
  });

  it('maps text, Super Chat, Super Sticker and membership messages; ignores deletions', () => {
    const at = Date.parse('2025-11-23T12:00:00.000Z');
    expect(youTubeEvents(msg({ type: 'textMessageEvent', textMessageDetails: { messageText: 'hi' } }))).toEqual([
      { kind: 'comment', platform: 'youtube', userId: 'UCabc', displayName: 'Mei', occurredAt: at, text: 'hi' },
    ]);
    expect(
      youTubeEvents(msg({ type: 'superChatEvent', superChatDetails: { amountMicros: '2000000', currency: 'EUR', userComment: 'bravo' } })),
    ).toEqual([
      { kind: 'gift', platform: 'youtube', userId: 'UCabc', displayName: 'Mei', occurredAt: at, gift: { name: 'Super Chat', count: 1, value: { amount: 200, currency: 'EUR' } } },
      { kind: 'comment', platform: 'youtube', userId: 'UCabc', displayName: 'Mei', occurredAt: at, text: 'bravo' },
    ]);
    expect(youTubeEvents(msg({ type: 'superStickerEvent', superStickerDetails: { amountMicros: '100000000', currency: 'JPY' } }))[0]).toMatchObject({
      gift: { name: 'Super Sticker', value: { amount: 100, currency: 'JPY' } },
    });
    expect(youTubeEvents(msg({ type: 'newSponsorEvent' })).map((e) => e.kind)).toEqual(['follow']);
    expect(youTubeEvents(msg({ type: 'memberMilestoneChatEvent', memberMilestoneChatDetails: { userComment: '1 year!' } })).map((e) => e.kind)).toEqual([
      'follow',
      'comment',
    ]);
    expect(youTubeEvents(msg({ type: 'messageDeletedEvent' }))).toEqual([]);
    expect(youTubeEvents(msg({ type: 'pollEvent' }))).toEqual([]);
  });

  it('rejects a message with a bad amount or date', () => {
    expect(LiveChatMessage.safeParse({ id: 'x', snippet: { type: 'superChatEvent', publishedAt: 'yesterday' } }).success).toBe(false);
    expect(
      LiveChatMessage.safeParse({ id: 'x', snippet: { type: 'superChatEvent', publishedAt: '2025-11-23T12:00:00Z', superChatDetails: { amountMicros: '1.5', currency: 'USD' } } })
        .success,
    ).toBe(false);
  });

  it('tells fatal API errors from ones worth retrying', () => {
    const body = (code: number, reason: string): string => JSON.stringify({ error: { code, message: `m ${reason}`, errors: [{ reason }] } });
    expect(apiFailure(403, body(403, 'liveChatEnded'))).toBeInstanceOf(FatalConnectorError);
    expect(apiFailure(404, body(404, 'liveChatNotFound'))).toBeInstanceOf(FatalConnectorError);
    expect(apiFailure(400, body(400, 'badRequest'))).toBeInstanceOf(FatalConnectorError);
    expect(apiFailure(403, body(403, 'liveChatDisabled'))).toBeInstanceOf(FatalConnectorError);
    for (const retry of [apiFailure(403, body(403, 'quotaExceeded')), apiFailure(403, body(403, 'rateLimitExceeded')), apiFailure(503, '<html>'), apiFailure(429, '')]) {
      expect(retry).not.toBeInstanceOf(FatalConnectorError);
      expect(retry).toBeInstanceOf(Error);
    }
    expect(apiFailure(403, body(403, 'quotaExceeded')).message).toBe('YouTube answered 403 quotaExceeded: m quotaExceeded');
  });
});
