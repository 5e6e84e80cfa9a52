import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { Button } from '../../../ui/Button.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { textInputs } from '../inputs.js';
import { useBroadcastActions } from '../useBroadcast.js';

/** The text sources of OBS (titles, price cards) with a field to send new text to each. */
export function TextSources({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const texts = textInputs(c);
  if (texts.length === 0) return <p className="muted">{t('broadcast.noTextSources')}</p>;
  return (
    <ul className="text-sources">
      {texts.map((input) => (
        <li key={`${c.name}/${input.name}`}>
          <TextSourceForm connection={c} input={input.name} />
        </li>
      ))}
    </ul>
  );
}

/** OBS's current text is not part of the state mirror, so the field starts empty and keeps what was last sent. */
function TextSourceForm({ connection: c, input }: { connection: ObsConnectionView; input: string }): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const { setText } = useBroadcastActions(c.name);
  const save = useCommand(setText);
  const [text, setValue] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const live = c.status === 'identified';

  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    const value = text;
    void save.run(input, value).then((result) => {
      if (result.ok) setSent(result.value.text);
    });
  };

  return (
    <form className="text-source" data-testid="text-source" data-input={input} onSubmit={onSubmit}>
      <label htmlFor={id} className="field-label">
        {input}
      </label>
      <div className="text-source-row">
        <input
          id={id}
          data-testid="text-source-input"
          value={text}
          maxLength={5000}
          placeholder={t('broadcast.textPlaceholder')}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setSent(null);
          }}
        />
        <Button type="submit" data-testid="text-source-save" disabled={!live || save.pending}>
          {save.pending ? t('broadcast.sending') : t('broadcast.setText')}
        </Button>
      </div>
      {sent !== null && sent === text ? (
        <p className="field-hint" role="status" data-testid="text-source-sent">
          {t('broadcast.textSent')}
        </p>
      ) : null}
      {save.error ? <ErrorMessage error={save.error} title={t('broadcast.textError', { name: input })} testId="text-source-error" /> : null}
    </form>
  );
}
