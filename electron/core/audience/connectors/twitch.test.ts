import { describe, expect, it } from 'vitest';
import { validEvents } from './platformLink.js';
import { twitchCheer, twitchComment, twitchPresence, twitchSubGift, twitchSubscription } from './twitch.js';

const NOW = 1_763_900_999_000;

describe('Twitch mapping', () => {
  it('maps a chat line to a comment by the login (as JOIN and PART name the viewer), display name and tmi-sent-ts', () => {
    expect(twitchComment({ 'user-id': '1337', 'display-name': 'Ronni', username: 'Ronni', 'tmi-sent-ts': '1763900000100' }, ' Kappa ', NOW)).toEqual([
      { kind: 'comment', platform: 'twitch', userId: 'login:ronni', displayName: 'Ronni', occurredAt: 1_763_900_000_100, text: 'Kappa' },
    ]);
    // One user for enter, chat and leave.
    expect(twitchPresence('enter', 'ronni', NOW)[0]?.userId).toBe('login:ronni');
    // A line without a login falls back to the numeric id.
    expect(twitchComment({ 'user-id': '1337' }, 'hi', NOW)[0]?.userId).toBe('1337');
  });

  it('falls back to the login and the receive time, clips text to 500 characters and drops empty lines', () => {
    const [c] = twitchComment({ username: 'anon_1', 'display-name': '' }, `${'a'.repeat(499)}😀x`, NOW);
    expect(c).toMatchObject({ userId: 'login:anon_1', displayName: 'anon_1', occurredAt: NOW });
    expect(c?.kind === 'comment' ? c.text : '').toBe('a'.repeat(499));
    expect(twitchComment({ 'user-id': '1' }, '   ', NOW)).toEqual([]);
  });

  it('maps a cheer to a gift of N Bits worth N US cents plus the message', () => {
    const out = twitchCheer({ 'user-id': '7', 'display-name': 'CheerBear', bits: '250', 'tmi-sent-ts': '5' }, 'cheer250 hi', NOW);
    expect(out).toEqual([
      { kind: 'gift', platform: 'twitch', userId: '7', displayName: 'CheerBear', occurredAt: 5, gift: { name: 'Bits', count: 250, value: { amount: 250, currency: 'USD' } } },
      { kind: 'comment', platform: 'twitch', userId: '7', displayName: 'CheerBear', occurredAt: 5, text: 'cheer250 hi' },
    ]);
    expect(twitchCheer({ 'user-id': '7', bits: 'lots' }, 'x', NOW).map((e) => e.kind)).toEqual(['comment']);
  });

  it('maps subs and resubs to follows (with the shared message) and a gifted sub to a follow by the recipient', () => {
    expect(twitchSubscription({ 'user-id': '9', login: 'ronni', 'display-name': 'ronni' }, null, NOW)).toEqual([
      { kind: 'follow', platform: 'twitch', userId: 'login:ronni', displayName: 'ronni', occurredAt: NOW },
    ]);
    expect(twitchSubscription({ 'user-id': '9', 'display-name': 'ronni' }, 'six months!', NOW).map((e) => e.kind)).toEqual(['follow', 'comment']);
    expect(
      twitchSubGift(
        { 'user-id': '1', 'msg-param-recipient-id': '555', 'msg-param-recipient-display-name': 'Mr_Woodchuck', 'msg-param-origin-id': 'x' },
        NOW,
      ),
    ).toEqual([{ kind: 'follow', platform: 'twitch', userId: '555', displayName: 'Mr_Woodchuck', occurredAt: NOW }]);
    expect(
      twitchSubGift({ 'msg-param-recipient-id': '555', 'msg-param-recipient-user-name': 'mr_woodchuck', 'msg-param-recipient-display-name': 'Mr_Woodchuck', 'msg-param-origin-id': 'y' }, NOW)[0]
        ?.userId,
    ).toBe('login:mr_woodchuck');
  });

  it('maps JOIN and PART to enter and leave by login', () => {
    expect(twitchPresence('enter', 'lurker', NOW)).toEqual([{ kind: 'enter', platform: 'twitch', userId: 'login:lurker', displayName: 'lurker', occurredAt: NOW }]);
  });

  it('checks every event against the ingest schema and reports what does not fit', () => {
    const why: string[] = [];
    const ok = validEvents(
      [
        { kind: 'comment', platform: 'twitch', userId: '1', text: 'fine' },
        { kind: 'gift', platform: 'twitch', userId: '1', gift: { name: 'Bits', count: 0, value: { amount: 0, currency: 'USD' } } },
      ],
      (w) => why.push(w),
    );
    expect(ok.map((e) => e.kind)).toEqual(['comment']);
    expect(why[0]).toMatch(/^gift: gift.count/);
  });
});
