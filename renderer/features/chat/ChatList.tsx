import { useCallback, useLayoutEffect, useRef, useState, type ReactNode, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../shared/contract/audience.js';
import type { ChatStore } from './chatStore.js';
import { ChatRow, ROW_HEIGHT, type RowActions } from './ChatRow.js';
import { isAtBottom, virtualWindow } from './virtualWindow.js';

/**
 * The virtualised message list: only the rows in view (plus a few) are in the DOM. It follows new messages while
 * scrolled to the bottom; scrolled up, it stays put and counts what arrived ("n new messages" jumps back).
 */
export function ChatList({ store, version, actions }: { store: ChatStore; version: number; actions: RowActions }): ReactNode {
  const { t } = useTranslation();
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);
  const [stick, setStick] = useState(true);
  // The view's append counter when the user left the bottom; the difference is the "new messages" count.
  const [leftAt, setLeftAt] = useState(0);
  const view = store.view;
  const count = view.size;

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el) return undefined;
    setHeight(el.clientHeight);
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // A new filter or search starts at the newest message.
  const viewKey = `${store.filter}\u0000${store.search}`;
  const [lastKey, setLastKey] = useState(viewKey);
  if (lastKey !== viewKey) {
    setLastKey(viewKey);
    setStick(true);
  }

  useLayoutEffect(() => {
    const el = viewport.current;
    if (el && stick) el.scrollTop = el.scrollHeight;
  }, [stick, version, height]);

  const onScroll = useCallback(
    (e: UIEvent<HTMLDivElement>) => {
      const el = e.currentTarget;
      setScrollTop(el.scrollTop);
      const bottom = isAtBottom(el.scrollTop, el.clientHeight, el.scrollHeight, ROW_HEIGHT / 2);
      if (bottom !== stick) {
        setStick(bottom);
        if (!bottom) setLeftAt(store.viewAppended);
      }
    },
    [stick, store],
  );

  const jump = useCallback(() => {
    setStick(true);
    const el = viewport.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, []);

  const w = virtualWindow({ count, rowHeight: ROW_HEIGHT, scrollTop: stick ? Number.MAX_SAFE_INTEGER : scrollTop, viewportHeight: height, overscan: 6 });
  const rows: CommentView[] = [];
  for (let i = w.start; i < w.end; i++) {
    const c = view.at(i);
    if (c) rows.push(c);
  }
  const unseen = stick ? 0 : Math.max(0, store.viewAppended - leftAt);

  return (
    <div className="chat-list-wrap">
      <div
        ref={viewport}
        className="chat-viewport"
        onScroll={onScroll}
        data-testid="chat-list"
        data-count={store.all.size}
        data-shown={count}
        data-filter={store.filter}
        data-search={store.search}
        data-version={version}
        data-following={stick}
        role="log"
        aria-live="off"
        aria-label={t('chat.title')}
        tabIndex={0}
      >
        <div className="chat-spacer" style={{ height: w.totalHeight }}>
          <ol className="chat-rows" style={{ transform: `translateY(${w.offsetTop}px)` }}>
            {rows.map((c) => (
              <ChatRow key={c.id} comment={c} actions={actions} />
            ))}
          </ol>
        </div>
        {count === 0 ? <p className="muted chat-empty">{t('chat.empty')}</p> : null}
      </div>
      {unseen > 0 ? (
        <button type="button" className="btn btn-primary chat-new" data-testid="chat-new-messages" data-count={unseen} onClick={jump}>
          {t('chat.newMessages', { count: unseen })}
        </button>
      ) : null}
    </div>
  );
}
