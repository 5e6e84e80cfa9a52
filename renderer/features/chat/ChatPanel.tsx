import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentFilter, CommentView } from '../../../shared/contract/audience.js';
import type { ErrorBody, Result } from '../../../shared/errors.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { AudienceSide } from '../audience/AudienceSide.js';
import { ConnectorStrip } from '../audience/ConnectorStrip.js';
import { ReplayRecordControls } from '../audience/ReplayRecordControls.js';
import { useAudienceStats } from '../audience/useAudience.js';
import { BlockWordsEditor } from './BlockWordsEditor.js';
import { ChatList } from './ChatList.js';
import type { RowActions } from './ChatRow.js';
import { CorrectionEditor } from './CorrectionEditor.js';
import { CHAT_FILTERS } from './filters.js';
import { topKeywords } from './keywords.js';
import { useChatActions, useChatFeed } from './useChat.js';
import './chat.css';

/** How many recent messages the top keywords are counted over. */
const KEYWORD_WINDOW = 2_000;
const KEYWORD_COUNT = 12;

/** The live chat: sources, filters and search, the virtualised list with moderation, and the audience mood. */
export function ChatPanel(): ReactNode {
  const { t } = useTranslation();
  const feed = useChatFeed();
  const actions = useChatActions(feed.applyBlockWords);
  const stats = useAudienceStats();
  const [filter, setFilter] = useState<CommentFilter>('all');
  const [search, setSearch] = useState('');
  const [correcting, setCorrecting] = useState<CommentView | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const { setQuery } = feed;

  // The search box is debounced; a filter click applies at once (with the search as typed so far).
  const latest = useRef({ filter, search });
  useEffect(() => {
    latest.current = { filter, search };
  });
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(latest.current.filter, search), search === '' ? 0 : 150);
    return () => clearTimeout(timer);
  }, [search, setQuery]);
  const pickFilter = useCallback(
    (f: CommentFilter) => {
      setFilter(f);
      setQuery(f, latest.current.search);
    },
    [setQuery],
  );

  const report = useCallback(<T,>(p: Promise<Result<T>>) => {
    void p.then((r) => setError(r.ok ? null : r.error));
  }, []);
  const rowActions = useMemo<RowActions>(
    () => ({
      onPin: (c) => report(c.pinned ? actions.unpin(c) : actions.pin(c)),
      onAnswered: (c) => report(actions.markAnswered(c)),
      onCorrect: (c) => setCorrecting(c),
    }),
    [actions, report],
  );

  // Keywords follow the stats tick (once a second), not every frame.
  const { store } = feed;
  const tick = stats?.at ?? 0;
  const keywords = useMemo(
    () => (tick >= 0 ? topKeywords(store.all.tail(KEYWORD_WINDOW).map((c) => c.text), KEYWORD_COUNT) : []),
    [store, tick],
  );

  return (
    <section className="chat-panel" data-testid="chat-root" aria-labelledby="chat-title" data-simulated={stats?.simulated ?? false}>
      <ConnectorStrip />
      <div className="chat-body">
        <div className="chat-main">
          <header className="chat-head">
            <h2 id="chat-title">{t('chat.title')}</h2>
            {stats?.simulated ? (
              <span className="chat-sim chat-sim-room" data-testid="chat-simulated">
                {t('chat.simulatedRoom')}
              </span>
            ) : null}
            <span className="muted chat-counts">{t('chat.held', { held: store.all.size, shown: store.view.size })}</span>
          </header>
          <div className="chat-toolbar">
            <div className="chat-filters" role="group" aria-label={t('chat.filterLabel')} data-testid="chat-filter" data-value={filter}>
              {CHAT_FILTERS.map((f) => (
                <button key={f} type="button" className="chat-filter" data-filter={f} aria-pressed={filter === f} onClick={() => pickFilter(f)}>
                  {t(`chat.filters.${f}`)}
                </button>
              ))}
            </div>
            <input
              type="search"
              className="chat-search"
              data-testid="chat-search"
              aria-label={t('chat.search')}
              placeholder={t('chat.searchPlaceholder')}
              value={search}
              maxLength={100}
              onChange={(e) => setSearch(e.target.value)}
            />
          </div>
          {error ? <ErrorMessage error={error} title={t('chat.actionError')} testId="chat-error" /> : null}
          {correcting ? (
            <CorrectionEditor
              key={correcting.id}
              comment={correcting}
              onCancel={() => setCorrecting(null)}
              onSave={(sentiment, intents) => {
                void actions.correctLabel(correcting, sentiment, intents).then((r) => {
                  setError(r.ok ? null : r.error);
                  if (r.ok) setCorrecting(null);
                });
              }}
            />
          ) : null}
          <ChatList store={store} version={feed.version} actions={rowActions} />
          {feed.sampledOut > 0 ? <p className="muted chat-note">{t('chat.sampledOut', { count: feed.sampledOut })}</p> : null}
        </div>
        <aside className="chat-side">
          <AudienceSide stats={stats} />
          <ReplayRecordControls stats={stats} />
          <section className="chat-card" data-testid="top-keywords" aria-labelledby="kw-title">
            <h3 id="kw-title">{t('chat.keywords.title')}</h3>
            {keywords.length === 0 ? (
              <p className="muted">{t('chat.keywords.none')}</p>
            ) : (
              <ol className="chat-keywords">
                {keywords.map((k) => (
                  <li key={k.term} data-testid="top-keyword" data-term={k.term}>
                    <span>{k.term}</span> <span className="muted">{k.count}</span>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <BlockWordsEditor words={feed.blockWords} save={actions.saveBlockWords} />
        </aside>
      </div>
    </section>
  );
}
