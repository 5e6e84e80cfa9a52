import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommentFilter, CommentView } from '../../../shared/contract/audience.js';
import type { Intent, Sentiment } from '../../../shared/domain/classifier/model.js';
import type { Result } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { ChatStore } from './chatStore.js';

const HISTORY_LIMIT = 500;

export interface ChatFeed {
  /** Mutated in place; read it during render — `version` says when it changed. */
  readonly store: ChatStore;
  readonly version: number;
  /** Comments the core stored but did not push live (display sampling), since the panel opened. */
  readonly sampledOut: number;
  readonly blockWords: readonly string[];
  readonly setQuery: (filter: CommentFilter, search: string) => void;
  /** Applies a block list the core accepted. */
  readonly applyBlockWords: (words: readonly string[]) => void;
}

/**
 * The live chat feed: history at start, then `audience.comments` batches and `audience.commentChanged`, queued
 * and applied at most once per animation frame (one React update per frame however fast messages come).
 */
export function useChatFeed(): ChatFeed {
  const api = useApi();
  const store = useMemo(() => new ChatStore(), []);
  const [version, setVersion] = useState(0);
  const [sampledOut, setSampledOut] = useState(0);
  const [blockWords, setBlockWords] = useState<readonly string[]>([]);
  const pending = useRef<{ comments: CommentView[]; changed: CommentView[]; sampledOut: number }>({ comments: [], changed: [], sampledOut: 0 });
  const frame = useRef<number | null>(null);
  const query = useRef(0);

  const flush = useCallback(() => {
    frame.current = null;
    const p = pending.current;
    pending.current = { comments: [], changed: [], sampledOut: 0 };
    store.append(p.comments);
    for (const c of p.changed) store.update(c);
    if (p.sampledOut > 0) setSampledOut((n) => n + p.sampledOut);
    setVersion(store.version);
  }, [store]);

  const schedule = useCallback(() => {
    // A hidden tab gets no animation frames: fall back to a timer so the buffer does not grow without bound.
    if (frame.current !== null) return;
    frame.current = document.hidden ? window.setTimeout(flush, 250) : requestAnimationFrame(flush);
  }, [flush]);

  const loadHistory = useCallback(() => {
    void api.call('audience.comments', { filter: 'all', limit: HISTORY_LIMIT, includeBlocked: false }).then((r) => {
      if (!r.ok) return;
      store.addOlder(r.value.comments);
      setVersion(store.version);
    });
    void api.call('audience.getSettings', {}).then((r) => {
      if (!r.ok) return;
      store.setBlockWords(r.value.blockWords);
      setBlockWords(r.value.blockWords);
      setVersion(store.version);
    });
  }, [api, store]);

  useEffect(() => {
    const offBatch = api.on('audience.comments', (batch) => {
      pending.current.comments.push(...batch.comments);
      pending.current.sampledOut += batch.sampledOut;
      schedule();
    });
    const offChanged = api.on('audience.commentChanged', (c) => {
      pending.current.changed.push(c);
      schedule();
    });
    loadHistory();
    return () => {
      offBatch();
      offChanged();
      if (frame.current !== null) {
        cancelAnimationFrame(frame.current);
        clearTimeout(frame.current);
        frame.current = null;
      }
    };
  }, [api, schedule, loadHistory]);
  useOnLinkOpen(loadHistory);

  const setQuery = useCallback(
    (filter: CommentFilter, search: string) => {
      store.setQuery(filter, search);
      setVersion(store.version);
      const id = ++query.current;
      if (filter === 'all' && search.trim() === '') return;
      const term = search.trim();
      void api
        .call('audience.comments', { filter, limit: HISTORY_LIMIT, includeBlocked: false, ...(term ? { search: term.slice(0, 100) } : {}) })
        .then((r) => {
          if (!r.ok || id !== query.current) return;
          store.addOlderToView(r.value.comments);
          setVersion(store.version);
        });
    },
    [api, store],
  );

  const applyBlockWords = useCallback(
    (words: readonly string[]) => {
      store.setBlockWords(words);
      setBlockWords(words);
      setVersion(store.version);
    },
    [store],
  );

  return { store, version, sampledOut, blockWords, setQuery, applyBlockWords };
}

export interface ChatActions {
  /** Pins the comment; the core puts it on the host view's pinned questions too. */
  readonly pin: (c: CommentView) => Promise<Result<CommentView>>;
  /** Unpins it (and takes it off the host view). */
  readonly unpin: (c: CommentView) => Promise<Result<CommentView>>;
  /** Marks it answered; the core takes it off the host view. */
  readonly markAnswered: (c: CommentView) => Promise<Result<CommentView>>;
  readonly correctLabel: (c: CommentView, sentiment: Sentiment, intents: readonly Intent[]) => Promise<Result<CommentView>>;
  readonly saveBlockWords: (words: readonly string[]) => Promise<Result<{ words: string[]; blocked: number }>>;
}

/** Moderation actions on the chat; each resolves to its Result for the control to show. */
export function useChatActions(applyBlockWords: (words: readonly string[]) => void): ChatActions {
  const api = useApi();
  return useMemo<ChatActions>(
    () => ({
      pin: (c) => api.call('audience.pin', { commentId: c.id }),
      unpin: (c) => api.call('audience.unpin', { commentId: c.id }),
      markAnswered: (c) => api.call('audience.markAnswered', { commentId: c.id }),
      correctLabel: (c, sentiment, intents) => api.call('audience.correctLabel', { commentId: c.id, sentiment, intents: [...intents] }),
      saveBlockWords: async (words) => {
        const r = await api.call('audience.blockWords', { words: [...words] });
        if (r.ok) applyBlockWords(r.value.words);
        return r;
      },
    }),
    [api, applyBlockWords],
  );
}
