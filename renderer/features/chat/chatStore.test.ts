import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../shared/contract/audience.js';
import { ChatStore } from './chatStore.js';

let n = 0;
const c = (over: Partial<CommentView> = {}): CommentView => ({
  id: `c${++n}`,
  at: n,
  platform: 'rehearsal',
  connectorId: 'rehearsal',
  userId: null,
  displayName: null,
  text: 'hello',
  sentiment: 'neutral',
  intents: [],
  confidence: null,
  simulated: true,
  pinned: false,
  answered: false,
  blocked: false,
  corrected: false,
  ...over,
});
const ids = (s: ChatStore): string[] => s.view.tail(s.view.size).map((x) => x.id);

describe('ChatStore', () => {
  it('appends to all and to the matching view, bumping the version once per batch', () => {
    const s = new ChatStore(10);
    const q = c({ intents: ['question'] });
    const p = c({ intents: ['purchase'] });
    s.setQuery('questions', '');
    const v = s.version;
    expect(s.append([q, p])).toBe(1);
    expect(s.version).toBe(v + 1);
    expect(s.all.size).toBe(2);
    expect(ids(s)).toEqual([q.id]);
    s.setQuery('all', '');
    expect(ids(s)).toEqual([q.id, p.id]);
  });

  it('searches and hides blocked words', () => {
    const s = new ChatStore(10);
    const a = c({ text: 'Free shipping?' });
    const b = c({ text: '加微信 spam' });
    s.append([a, b]);
    s.setQuery('all', ' SHIP');
    expect(ids(s)).toEqual([a.id]);
    s.setQuery('all', '');
    s.setBlockWords(['加微信']);
    expect(ids(s)).toEqual([a.id]);
    expect(s.all.size).toBe(2);
  });

  it('puts history before live messages and skips what it holds', () => {
    const s = new ChatStore(10);
    const old1 = c();
    const old2 = c();
    const live = c();
    s.append([live]);
    s.addOlder([live, old2, old1]);
    expect(ids(s)).toEqual([old1.id, old2.id, live.id]);
  });

  it('adds view history from the core in front of the client-side matches', () => {
    const s = new ChatStore(10);
    const live = c({ intents: ['complaint'] });
    s.append([live]);
    s.setQuery('complaints', '');
    const old = c({ intents: ['complaint'] });
    s.addOlderToView([old]);
    expect(ids(s)).toEqual([old.id, live.id]);
  });

  it('updates a comment in place and follows pins in the pinned view', () => {
    const s = new ChatStore(10);
    const a = c();
    s.append([a, c()]);
    s.setQuery('pinned', '');
    expect(ids(s)).toEqual([]);
    s.update({ ...a, pinned: true });
    expect(ids(s)).toEqual([a.id]);
    expect(s.all.at(0)?.pinned).toBe(true);
    s.update({ ...a, pinned: false });
    expect(ids(s)).toEqual([]);
  });

  it('updates a comment shown from history (not held) in place: no stale copy survives a filter change', () => {
    const s = new ChatStore(10);
    s.append([c()]);
    const q = c({ intents: ['question'], text: 'size?' });
    s.setQuery('questions', '');
    s.addOlderToView([q]);
    expect(ids(s)).toEqual([q.id]);
    s.setQuery('pinned', '');
    s.update({ ...q, pinned: true });
    expect(ids(s)).toEqual([q.id]);
    // Answered: unpinned, so it leaves the pinned view; back on "all" it shows answered, not the old copy.
    s.update({ ...q, pinned: false, answered: true });
    expect(ids(s)).toEqual([]);
    s.setQuery('all', 'size');
    expect(s.view.tail(s.view.size).filter((x) => x.id === q.id).map((x) => [x.pinned, x.answered])).toEqual([]);
    s.setQuery('questions', '');
    s.addOlderToView([{ ...q, pinned: false, answered: true }]);
    expect(s.view.tail(s.view.size).map((x) => [x.id, x.pinned, x.answered])).toEqual([[q.id, false, true]]);
  });
});
