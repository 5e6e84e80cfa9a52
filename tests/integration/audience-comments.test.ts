import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../electron/core/audience/pipeline.js';
import type { CommentView } from '../../shared/contract/audience.js';
import { parseCorrections } from '../../shared/domain/classifier/labelledData.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';

const SOURCE: SourceInfo = { connectorId: 'ingest:test', platform: 'webhook', simulated: false };
const DAY = 86_400_000;

type Page = { comments: CommentView[]; more: boolean };

describe('stored comments', () => {
  let h: AudienceHarness;
  const say = (...texts: string[]): void => {
    h.core.audience.pipeline.submit(
      SOURCE,
      texts.map((text, i) => ({ kind: 'comment', userId: `u${i}`, displayName: `viewer ${i}`, text })),
    );
  };
  const page = (input: object = {}): Promise<Page> => h.call<Page>('audience.comments', input);
  const label = (sentiment: CommentView['sentiment'], intents: CommentView['intents']): Pick<CommentView, 'sentiment' | 'intents'> => ({ sentiment, intents });

  beforeEach(() => {
    h = openAudienceCore();
  });
  afterEach(async () => {
    await h.close();
  });

  it('filters by intent, searches, and pages newest first', async () => {
    say('多少钱？', '上链接', '太贵了，能便宜点吗', '质量太差了，客服不回消息', '主播好美', 'how much is shipping?', 'just ordered 2', 'hi from Berlin');
    const all = await page({ limit: 3 });
    expect(all.comments.map((c) => c.text)).toEqual(['hi from Berlin', 'just ordered 2', 'how much is shipping?']);
    expect(all.more).toBe(true);
    const next = await page({ limit: 3, beforeId: all.comments.at(-1)?.id });
    expect(next.comments.map((c) => c.text)).toEqual(['主播好美', '质量太差了，客服不回消息', '太贵了，能便宜点吗']);
    for (const [filter, intent] of [
      ['questions', 'question'],
      ['purchase', 'purchase'],
      ['price_objection', 'price_objection'],
      ['complaints', 'complaint'],
    ] as const) {
      const r = await page({ filter });
      expect(r.comments.length, filter).toBeGreaterThan(0);
      expect(r.comments.every((c) => c.intents.includes(intent)), filter).toBe(true);
    }
    expect((await page({ filter: 'questions' })).comments.map((c) => c.text)).toContain('how much is shipping?');
    expect((await page({ search: 'SHIPPING' })).comments.map((c) => c.text)).toEqual(['how much is shipping?']);
    const unknown = await h.dispatch('audience.comments', { beforeId: 'nope' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
  });

  it('pins, unpins and marks answered: events in the log, the projection and a push', async () => {
    say('有没有大码？');
    const [c] = (await page()).comments;
    if (!c) throw new Error('no comment');
    const pinned = await h.call<CommentView>('audience.pin', { commentId: c.id });
    expect(pinned.pinned).toBe(true);
    expect((await page({ filter: 'pinned' })).comments.map((x) => x.id)).toEqual([c.id]);
    const answered = await h.call<CommentView>('audience.markAnswered', { commentId: c.id });
    expect(answered).toMatchObject({ pinned: false, answered: true });
    await h.call('audience.unpin', { commentId: c.id });
    expect((await page({ filter: 'pinned' })).comments).toEqual([]);
    expect(h.core.events.read({ limit: 10_000 }).map((e) => e.type).filter((t) => t.startsWith('Comment') && t !== 'CommentReceived')).toEqual([
      'CommentPinned',
      'CommentAnswered',
      'CommentUnpinned',
    ]);
    expect(h.pushed.filter((e) => e.name === 'audience.commentChanged').length).toBe(3);
    const missing = await h.dispatch('audience.pin', { commentId: 'nope' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });

  it('hides comments with blocked words from the live view and the list, still storing them', async () => {
    say('加微信 abc123 买便宜货', '上链接');
    const r = await h.call<{ words: string[]; blocked: number }>('audience.blockWords', { words: ['微信', ' 微信 ', 'SPAM'] });
    expect(r).toEqual({ words: ['微信', 'SPAM'], blocked: 1 });
    expect((await page()).comments.map((c) => c.text)).toEqual(['上链接']);
    // Let the push of the comments from before the block list go out first.
    await new Promise((res) => setTimeout(res, 250));
    const mark = h.pushed.length;
    say('spam spam', '好看');
    const withBlocked = await page({ includeBlocked: true });
    expect(withBlocked.comments.filter((c) => c.blocked).map((c) => c.text)).toEqual(['spam spam', '加微信 abc123 买便宜货']);
    await new Promise((res) => setTimeout(res, 250));
    const live = h.pushed.slice(mark).flatMap((e) => (e.name === 'audience.comments' ? e.payload.comments.map((c) => c.text) : []));
    expect(live).toEqual(['好看']);
    expect((await h.call<{ blockWords: string[] }>('audience.getSettings')).blockWords).toEqual(['微信', 'SPAM']);
    await h.call('audience.blockWords', { words: [] });
    expect((await page()).comments.length).toBe(4);
  });

  it('stores label corrections as events and exports them as JSONL the training script reads', async () => {
    say('这个颜色显黑吗', 'meh');
    const [meh, color] = (await page()).comments;
    if (!meh || !color) throw new Error('no comments');
    const fixed = await h.call<CommentView>('audience.correctLabel', { commentId: color.id, ...label('neutral', ['question']) });
    expect(fixed).toMatchObject({ corrected: true, sentiment: 'neutral', intents: ['question'] });
    await h.call('audience.correctLabel', { commentId: meh.id, ...label('negative', []) });
    await h.call('audience.correctLabel', { commentId: meh.id, ...label('negative', ['complaint']) });
    expect(h.core.events.read({ type: 'LabelCorrected' }).length).toBe(3);
    const out = await h.call<{ file: string; count: number }>('audience.exportCorrections');
    expect(out.count).toBe(2);
    const parsed = parseCorrections(readFileSync(out.file, 'utf8'), out.file);
    expect(parsed).toEqual([
      { text: '这个颜色显黑吗', sentiment: 'neutral', intents: ['question'] },
      { text: 'meh', sentiment: 'negative', intents: ['complaint'] },
    ]);
  });

  it('purges comment text past the retention period: a CommentsPurged event, counts and labels kept', async () => {
    say('打我电话 还没发货', '上链接');
    h.core.audience.pipeline.drain();
    h.skip(3 * DAY);
    say('今天的新评论');
    const r = await h.call<{ days: number; purged: number }>('audience.setRetention', { days: 2 });
    expect(r).toEqual({ days: 2, purged: 2 });
    const comments = (await page()).comments;
    expect(comments.map((c) => c.text)).toEqual(['今天的新评论', null, null]);
    expect(comments[1]?.sentiment).not.toBeNull();
    const logged = h.stored('ingest:test').map((s) => (s.event.kind === 'comment' ? s.event.text : null));
    expect(logged).toEqual(['', '', '今天的新评论']);
    const purged = h.core.events.read({ type: 'CommentsPurged' });
    expect(purged.map((e) => e.payload)).toEqual([expect.objectContaining({ comments: 2, events: 2, retentionDays: 2 })]);
    const refused = await h.dispatch('audience.correctLabel', { commentId: comments[1]?.id, sentiment: 'neutral', intents: [] });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CONFLICT');
    expect((await h.call<{ retentionDays: number | null }>('audience.getSettings')).retentionDays).toBe(2);
    expect((await h.call<{ days: number | null; purged: number }>('audience.setRetention', { days: null })).purged).toBe(0);
  });
});
