import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/contract/cues.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { Dialog } from '../../ui/Dialog.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { useSessionActions, type SessionsView } from './useSessions.js';

/** Picks the show this device works on, or creates one. */
export function SessionPicker({ view }: { view: SessionsView }): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [creating, setCreating] = useState(false);
  const { sessions, current, pick, error } = view;
  return (
    <div className="session-picker">
      <div className="field field-inline">
        <label htmlFor={id}>{t('sessions.label')}</label>
        <select
          id={id}
          data-testid="session-select"
          value={current?.id ?? ''}
          disabled={!sessions || sessions.length === 0}
          onChange={(e) => pick(e.currentTarget.value)}
        >
          {sessions && sessions.length === 0 ? <option value="">{t('sessions.none')}</option> : null}
          {sessions?.map((s) => (
            <option key={s.id} value={s.id}>
              {t('sessions.option', { title: s.title, status: t(`sessions.status.${s.status}`) })}
            </option>
          ))}
        </select>
      </div>
      {current ? <SessionStatus session={current} /> : null}
      <Button data-testid="session-new" onClick={() => setCreating(true)}>
        {t('sessions.new')}
      </Button>
      {error ? <ErrorMessage error={error} title={t('sessions.loadError')} /> : null}
      {creating ? <NewSessionDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

function SessionStatus({ session }: { session: Session }): ReactNode {
  const { t } = useTranslation();
  const cls = session.status === 'live' ? 'badge badge-live' : session.status === 'ended' ? 'badge' : 'badge badge-warn';
  return (
    <span className={cls} data-testid="session-status" data-status={session.status}>
      {t(`sessions.status.${session.status}`)}
    </span>
  );
}

function NewSessionDialog({ onClose }: { onClose: () => void }): ReactNode {
  const { t } = useTranslation();
  const { create } = useSessionActions();
  const save = useCommand(create);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    if (title.trim() === '') {
      setProblem(t('sessions.titleRequired'));
      return;
    }
    setProblem(null);
    void save.run(title.trim()).then((r) => {
      if (r.ok) onClose();
    });
  };
  return (
    <Dialog title={t('sessions.newTitle')} onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('sessions.title')}
          value={title}
          problem={problem}
          maxLength={200}
          autoFocus
          data-testid="session-form-title"
          placeholder={t('sessions.titlePlaceholder')}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        {save.error ? <ErrorMessage error={save.error} title={t('sessions.createError')} /> : null}
        <div className="form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" type="submit" data-testid="session-form-save" disabled={save.pending}>
            {t('sessions.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
