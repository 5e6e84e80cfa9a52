import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../shared/contract/obs.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { ObsStatus } from './ObsStatus.js';
import { DEFAULT_OBS_URL, findConnection, MAIN_CONNECTION } from './obsState.js';
import { useObsActions, useObsState } from './useObs.js';

/**
 * Settings: every OBS of the studio ("main", "backup", …): where it is, its password, connect / disconnect, how
 * the connection is doing; and a form to add another one.
 */
export function ObsConnectionPanel(): ReactNode {
  const { t } = useTranslation();
  const { state, error } = useObsState();
  const main = findConnection(state);
  const others = (state?.connections ?? []).filter((c) => c.name !== MAIN_CONNECTION);
  return (
    <section className="panel" aria-labelledby="obs-title">
      <h2 id="obs-title">{t('obs.title')}</h2>
      {state === null && !error ? <p className="muted">{t('obs.loading')}</p> : null}
      {error ? <ErrorMessage error={error} title={t('obs.loadError')} testId="obs-load-error" /> : null}
      <div data-testid="obs-connection-card" data-name={MAIN_CONNECTION}>
        {main ? <ObsStatus connection={main} /> : null}
        {/* Re-mounted when the stored URL changes (here or on another device) so the form shows what is saved. */}
        <ObsConnectionForm key={main?.url ?? ''} name={MAIN_CONNECTION} connection={main} />
      </div>
      {others.map((c) => (
        <div key={c.name} data-testid="obs-connection-card" data-name={c.name}>
          <h3>{c.name}</h3>
          <ObsStatus connection={c} />
          <ObsConnectionForm key={c.url} name={c.name} connection={c} />
        </div>
      ))}
      <AddConnectionForm taken={(state?.connections ?? []).map((c) => c.name)} />
    </section>
  );
}

/** Adds another OBS (e.g. the backup encoder) under a name of its own. */
function AddConnectionForm({ taken }: { taken: string[] }): ReactNode {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const valid = /^[\w\- ]{1,40}$/.test(trimmed) && !taken.includes(trimmed);
  return (
    <details className="obs-add">
      <summary data-testid="obs-add-toggle">{t('obs.addTitle')}</summary>
      <TextField
        label={t('obs.name')}
        hint={t('obs.nameHint')}
        data-testid="obs-add-name"
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {valid ? <ObsConnectionForm key={trimmed} name={trimmed} connection={null} onSaved={() => setName('')} /> : null}
    </details>
  );
}

function ObsConnectionForm({
  name,
  connection,
  onSaved,
}: {
  name: string;
  connection: ObsConnectionView | null;
  onSaved?: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const actions = useObsActions(name);
  const save = useCommand(actions.configure);
  const disconnect = useCommand(actions.disconnect);
  const [url, setUrl] = useState(connection?.url ?? DEFAULT_OBS_URL);
  const [password, setPassword] = useState('');

  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    disconnect.clearError();
    void save.run(url.trim(), password).then((result) => {
      // The password is never shown back; the placeholder says whether one is stored.
      if (result.ok) {
        setPassword('');
        onSaved?.();
      }
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
