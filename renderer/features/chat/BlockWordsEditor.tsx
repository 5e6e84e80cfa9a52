import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, Result } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { parseBlockWords } from './filters.js';

/** The studio's block list: one word or phrase per line; saving replaces the list in the core. */
export const BlockWordsEditor = memo(function BlockWordsEditor({
  words,
  save,
}: {
  words: readonly string[];
  save: (words: readonly string[]) => Promise<Result<{ words: string[]; blocked: number }>>;
}): ReactNode {
  const { t } = useTranslation();
  // null: not edited, so the saved list shows (and follows the core).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? words.join('\n');
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <section className="chat-card" aria-labelledby="block-title">
      <h3 id="block-title">{t('chat.blockWords.title')}</h3>
      <p className="muted chat-help">{t('chat.blockWords.help')}</p>
      <textarea
        className="chat-block-input"
        data-testid="block-words-input"
        aria-labelledby="block-title"
        rows={3}
        value={text}
        onChange={(e) => {
          setDraft(e.target.value);
          setSaved(null);
        }}
      />
      <div className="chat-block-actions">
        <Button
          variant="primary"
          data-testid="block-words-save"
          disabled={pending}
          onClick={() => {
            setPending(true);
            void save(parseBlockWords(text)).then((r) => {
              setPending(false);
              setError(r.ok ? null : r.error);
              if (r.ok) {
                setDraft(null);
                setSaved(r.value.blocked);
              }
            });
          }}
        >
          {t('chat.blockWords.save')}
        </Button>
        {saved !== null ? (
          <span className="muted" data-testid="block-words-saved">
            {t('chat.blockWords.saved', { count: saved })}
          </span>
        ) : null}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
});
