import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentView } from '../../../shared/contract/audience.js';
import { INTENTS, SENTIMENTS, type Intent, type Sentiment } from '../../../shared/domain/classifier/model.js';
import { Button } from '../../ui/Button.js';

/** Corrects one comment's label (sentiment + intents); shown above the list so rows keep their fixed height. */
export function CorrectionEditor({
  comment,
  onSave,
  onCancel,
}: {
  comment: CommentView;
  onSave: (sentiment: Sentiment, intents: Intent[]) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [sentiment, setSentiment] = useState<Sentiment>(comment.sentiment ?? 'neutral');
  const [intents, setIntents] = useState<ReadonlySet<Intent>>(() => new Set(comment.intents));
  const toggle = (i: Intent): void =>
    setIntents((prev) => {
      const next = new Set(prev);
      if (next.has(i)) next.delete(i);
      else next.add(i);
      return next;
    });
  return (
    <form
      className="chat-correction"
      data-testid="chat-correction"
      data-id={comment.id}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(
          sentiment,
          INTENTS.filter((i) => intents.has(i)),
        );
      }}
    >
      <strong>{t('chat.correction.title')}</strong>
      <q className="chat-correction-text">{comment.text}</q>
      <label>
        {t('chat.correction.sentiment')}{' '}
        <select data-testid="chat-correct-sentiment" value={sentiment} onChange={(e) => setSentiment(e.target.value as Sentiment)}>
          {SENTIMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`chat.sentiment.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="chat-correction-intents">
        <legend>{t('chat.correction.intents')}</legend>
        {INTENTS.map((i) => (
          <label key={i} className={`chat-chip intent-${i}`}>
            <input type="checkbox" data-testid="chat-correct-intent" data-intent={i} checked={intents.has(i)} onChange={() => toggle(i)} /> {t(`chat.intent.${i}`)}
          </label>
        ))}
      </fieldset>
      <Button type="submit" variant="primary" data-testid="chat-correct-save">
        {t('chat.correction.save')}
      </Button>
      <Button variant="ghost" onClick={onCancel}>
        {t('chat.correction.cancel')}
      </Button>
    </form>
  );
}
