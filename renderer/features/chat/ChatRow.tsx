import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../shared/contract/audience.js';

/** Fixed height of a row: the virtualiser's arithmetic depends on every row being exactly this tall. */
export const ROW_HEIGHT = 60;

export interface RowActions {
  readonly onPin: (c: CommentView) => void;
  readonly onAnswered: (c: CommentView) => void;
  readonly onCorrect: (c: CommentView) => void;
}

const time = (at: number): string => {
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
};

/** One chat message. Memoised: a row re-renders only when its comment object (or the actions) change. */
export const ChatRow = memo(function ChatRow({ comment: c, actions }: { comment: CommentView; actions: RowActions }): ReactNode {
  const { t } = useTranslation();
  return (
    <li
      className={['chat-row', c.answered ? 'is-answered' : '', c.pinned ? 'is-pinned' : ''].filter(Boolean).join(' ')}
      style={{ height: ROW_HEIGHT }}
      data-testid="chat-row"
      data-id={c.id}
      data-intents={c.intents.join(' ')}
      data-sentiment={c.sentiment ?? ''}
      data-pinned={c.pinned}
      data-answered={c.answered}
    >
      <div className="chat-row-meta">
        <span className="chat-time">{time(c.at)}</span>
        <span className="chat-name" title={c.displayName ?? undefined}>
          {c.displayName ?? t('common.none')}
        </span>
        {c.simulated ? <span className="chat-sim">{t('chat.simulated')}</span> : null}
        {c.sentiment ? (
          <span className={`chat-chip sentiment-${c.sentiment}`} data-testid="chat-sentiment-chip">
            {t(`chat.sentiment.${c.sentiment}`)}
          </span>
        ) : null}
        {c.intents.map((i) => (
          <span key={i} className={`chat-chip intent-${i}`} data-testid="chat-intent-chip">
            {t(`chat.intent.${i}`)}
          </span>
        ))}
        {c.corrected ? <span className="chat-flag">{t('chat.corrected')}</span> : null}
        {c.answered ? <span className="chat-flag chat-flag-ok">{t('chat.answeredFlag')}</span> : null}
      </div>
      <p className="chat-text" title={c.text ?? undefined}>
        {c.text ?? t('chat.purged')}
      </p>
      <div className="chat-row-actions">
        <button
          type="button"
          className="chat-act"
          data-testid="chat-pin"
          aria-pressed={c.pinned}
          onClick={() => actions.onPin(c)}
          title={c.pinned ? t('chat.unpin') : t('chat.pin')}
        >
          {c.pinned ? t('chat.unpin') : t('chat.pin')}
        </button>
        <button type="button" className="chat-act" data-testid="chat-answered" disabled={c.answered} onClick={() => actions.onAnswered(c)}>
          {t('chat.markAnswered')}
        </button>
        <button type="button" className="chat-act" data-testid="chat-correct" onClick={() => actions.onCorrect(c)}>
          {t('chat.correct')}
        </button>
      </div>
    </li>
  );
});
