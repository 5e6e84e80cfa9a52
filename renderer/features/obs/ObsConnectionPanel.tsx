import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { ObsStatus } from './ObsStatus.js';
import { DEFAULT_OBS_URL, findConnection } from './obsState.js';
import { useObsActions, useObsState } from './useObs.js';

/** Settings: where the main OBS is, its password, connect / disconnect, and how the connection is doing. */
export function ObsConnectionPanel(): ReactNode {
  const { t } = useTranslation();
  const { state, error } = useObsState();
  const main = findConnection(state);
  return (
    <section className="panel" aria-labelledby="obs-title">
      <h2 id="obs-title">{t('obs.title')}</h2>
      {main ? <ObsStatus connection={main} /> : null}
      {state === null && !error ? <p className="muted">{t('obs.loading')}</p> : null}
      {error ? <ErrorMessage error={error} title={t('obs.loadError')} testId="obs-load-error" /> : null}
      {/* Re-mounted when the stored URL changes (here or on another device) so the form shows what is saved. */}
      <ObsConnectionForm key={main?.url ?? ''} connection={main} />
    </section>
  );
}

function ObsConnectionForm({ connection }: { connection: ObsConnectionView | null }): ReactNode {
  const { t } = useTranslation();
  const actions = useObsActions();
  const save = useCommand(actions.configure);
  const disconnect = useCommand(actions.disconnect);
  const [url, setUrl] = useState(connection?.url ?? DEFAULT_OBS_URL);
  const [password, setPassword] = useState('');

  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    disconnect.clearError();
    void save.run(url.trim(), password).then((result) => {
      // The password is never shown back; the placeholder says whether one is stored.
      if (result.ok) setPassword('');
    });
  };
  const onDisconnect = (): void => {
    save.clearError();
    void disconnect.run();
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <TextField
          label={t('obs.url')}
          hint={t('obs.urlHint')}
          data-testid="obs-url"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          label={t('obs.password')}
          type="password"
          data-testid="obs-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          placeholder={connection?.hasPassword ? t('obs.passwordStored') : t('obs.passwordNone')}
          autoComplete="off"
        />
      </div>
      {save.error ? <ErrorMessage error={save.error} title={t('obs.saveError')} testId="obs-error" /> : null}
      {disconnect.error ? (
        <ErrorMessage error={disconnect.error} title={t('obs.disconnectError')} testId="obs-error" />
      ) : null}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="obs-save-connect" disabled={save.pending}>
          {save.pending ? t('obs.saving') : t('obs.saveConnect')}
        </Button>
        <Button data-testid="obs-disconnect" onClick={onDisconnect} disabled={disconnect.pending}>
          {t('obs.disconnect')}
        </Button>
      </div>
    </form>
  );
}
