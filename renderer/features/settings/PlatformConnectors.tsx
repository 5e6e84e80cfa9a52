import { useCallback, useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PLATFORM_KINDS,
  type ConnectorState,
  type PlatformConnectorConfigInput,
  type PlatformConnectorView,
  type PlatformKind,
} from '../../../shared/contract/audience.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { StatusPill, type Tone } from '../../ui/StatusPill.js';

const TONE: Record<ConnectorState, Tone> = { stopped: 'idle', starting: 'busy', running: 'ok', reconnecting: 'busy', failed: 'bad' };

function usePlatformConnectors(): { list: readonly PlatformConnectorView[] | null; error: ErrorBody | null; reload: () => void } {
  const api = useApi();
  const [list, setList] = useState<readonly PlatformConnectorView[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const reload = useCallback(() => {
    void api.call('audience.platformConnectors', {}).then((r) => {
      if (r.ok) {
        setList(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [api]);
  useEffect(() => {
    reload();
    return api.on('audience.connectorsChanged', reload);
  }, [api, reload]);
  useOnLinkOpen(reload);
  return { list, error, reload };
}

/** The form's text, one field per setting of any platform. */
interface Draft {
  kind: PlatformKind;
  label: string;
  uniqueId: string;
  roomId: string;
  signServerUrl: string;
  signApiKey: string;
  channels: string;
  username: string;
  oauthToken: string;
  server: string;
  port: string;
  secure: boolean;
  liveChatId: string;
  apiKey: string;
  apiBaseUrl: string;
}

const EMPTY: Draft = {
  kind: 'twitch',
  label: '',
  uniqueId: '',
  roomId: '',
  signServerUrl: '',
  signApiKey: '',
  channels: '',
  username: '',
  oauthToken: '',
  server: '',
  port: '',
  secure: true,
  liveChatId: '',
  apiKey: '',
  apiBaseUrl: '',
};

function draftOf(c: PlatformConnectorView): Draft {
  const d: Draft = { ...EMPTY, kind: c.config.kind, label: c.label };
  switch (c.config.kind) {
    case 'tiktok':
      return { ...d, uniqueId: c.config.uniqueId, roomId: c.config.roomId ?? '', signServerUrl: c.config.signServerUrl ?? '' };
    case 'twitch':
      return {
        ...d,
        channels: c.config.channels.join(', '),
        username: c.config.username ?? '',
        server: c.config.server ?? '',
        port: c.config.port === undefined ? '' : String(c.config.port),
        secure: c.config.secure ?? true,
      };
    case 'youtube':
      return { ...d, liveChatId: c.config.liveChatId, apiBaseUrl: c.config.apiBaseUrl ?? '' };
  }
}

const opt = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  value.trim() === '' ? {} : ({ [key]: value.trim() } as Partial<Record<K, string>>);

/** The settings to send (checked by the core). Empty optional fields are left out. */
function configOf(d: Draft): PlatformConnectorConfigInput {
  switch (d.kind) {
    case 'tiktok':
      return { kind: 'tiktok', uniqueId: d.uniqueId, ...opt('roomId', d.roomId), ...opt('signServerUrl', d.signServerUrl), ...opt('signApiKey', d.signApiKey) };
    case 'twitch': {
      const port = d.port.trim() === '' ? undefined : Number(d.port);
      return {
        kind: 'twitch',
        channels: d.channels
          .split(/[\s,]+/)
          .map((c) => c.trim())
          .filter((c) => c !== ''),
        ...opt('username', d.username),
        ...opt('oauthToken', d.oauthToken),
        ...opt('server', d.server),
        ...(port === undefined ? {} : { port }),
        secure: d.secure,
      };
    }
    case 'youtube':
      return { kind: 'youtube', liveChatId: d.liveChatId, apiKey: d.apiKey.trim(), ...opt('apiBaseUrl', d.apiBaseUrl) };
  }
}

/** For an update: an empty secret field keeps the stored secret (it is left out). */
function updateOf(d: Draft): PlatformConnectorConfigInput | Omit<Extract<PlatformConnectorConfigInput, { kind: 'youtube' }>, 'apiKey'> {
  const c = configOf(d);
  if (c.kind !== 'youtube' || c.apiKey !== '') return c;
  const { apiKey: _kept, ...rest } = c;
  return rest;
}

const secretSet = (c: PlatformConnectorView | null, key: 'signApiKey' | 'oauthToken' | 'apiKey'): boolean =>
  c !== null && (c.config as Partial<Record<typeof key, { set: true }>>)[key]?.set === true;

/**
 * Settings → live platforms: TikTok LIVE, Twitch chat and YouTube live chat connectors. Credentials go to the core
 * once (stored sealed) and show only as "set" afterwards.
 */
export function PlatformConnectors(): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const { list, error, reload } = usePlatformConnectors();
  const [editing, setEditing] = useState<PlatformConnectorView | null>(null);
  const [formKey, setFormKey] = useState(0);
  const act = useCommand((cmd: 'start' | 'stop' | 'remove', id: string) =>
    cmd === 'remove'
      ? api.call('audience.removePlatformConnector', { id })
      : api.call(cmd === 'start' ? 'audience.startConnector' : 'audience.stopConnector', { id }),
  );
  const run = (cmd: 'start' | 'stop' | 'remove', id: string): void => {
    void act.run(cmd, id).then(() => {
      if (cmd === 'remove' && editing?.id === id) setEditing(null);
      reload();
    });
  };
  return (
    <section className="panel settings-section" aria-labelledby="platforms-title" data-testid="platform-connectors">
      <h2 id="platforms-title">{t('platforms.title')}</h2>
      <p className="note">{t('platforms.note')}</p>
      {error ? <ErrorMessage error={error} title={t('platforms.loadError')} /> : null}
      {list !== null && list.length === 0 ? <p className="muted">{t('platforms.none')}</p> : null}
      {list && list.length > 0 ? (
        <table className="settings-table" data-testid="platform-list">
          <thead>
            <tr>
              <th scope="col">{t('platforms.label')}</th>
              <th scope="col">{t('platforms.kind')}</th>
              <th scope="col">{t('platforms.state')}</th>
              <th scope="col">{t('platforms.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => {
              const on = c.status.state === 'running' || c.status.state === 'starting' || c.status.state === 'reconnecting';
              return (
                <tr key={c.id} data-testid="platform-row" data-id={c.id} data-state={c.status.state}>
                  <td>{c.label}</td>
                  <td>{t(`platforms.kinds.${c.config.kind}`)}</td>
                  <td>
                    <StatusPill tone={TONE[c.status.state]}>{t(`audience.state.${c.status.state}`)}</StatusPill>
                    {c.status.lastError && c.status.state !== 'running' ? (
                      <span className="muted" data-testid="platform-error">
                        {' '}
                        {c.status.lastError}
                      </span>
                    ) : null}
                  </td>
                  <td className="row-actions">
                    <Button data-testid={on ? 'platform-stop' : 'platform-start'} onClick={() => run(on ? 'stop' : 'start', c.id)} disabled={act.pending}>
                      {on ? t('audience.stop') : t('audience.start')}
                    </Button>
                    <Button
                      data-testid="platform-edit"
                      onClick={() => {
                        setEditing(c);
                        setFormKey((k) => k + 1);
                      }}
                    >
                      {t('platforms.edit')}
                    </Button>
                    <Button variant="danger" data-testid="platform-remove" onClick={() => run('remove', c.id)} disabled={act.pending}>
                      {t('platforms.remove')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {act.error ? <ErrorMessage error={act.error} testId="platform-action-error" /> : null}
      <PlatformForm
        key={formKey}
        editing={editing}
        onDone={() => {
          setEditing(null);
          setFormKey((k) => k + 1);
          reload();
        }}
      />
    </section>
  );
}

function PlatformForm({ editing, onDone }: { editing: PlatformConnectorView | null; onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [d, setD] = useState<Draft>(() => (editing ? draftOf(editing) : EMPTY));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]): void => setD((prev) => ({ ...prev, [k]: v }));
  const save = useCommand((draft: Draft) => {
    if (editing) return api.call('audience.updatePlatformConnector', { id: editing.id, label: draft.label, config: updateOf(draft) });
    return api.call('audience.addPlatformConnector', { label: draft.label, config: configOf(draft) });
  });
  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    void save.run(d).then((r) => {
      if (r.ok) onDone();
    });
  };
  const secretHint = (key: 'signApiKey' | 'oauthToken' | 'apiKey'): string | undefined => (secretSet(editing, key) ? t('platforms.secretKept') : undefined);
  const secretPlaceholder = (key: 'signApiKey' | 'oauthToken' | 'apiKey'): string | undefined => (secretSet(editing, key) ? t('platforms.secretSet') : undefined);
  return (
    <form className="settings-subform" onSubmit={submit} data-testid="platform-form" noValidate>
      <h3>{editing ? t('platforms.editTitle', { label: editing.label }) : t('platforms.addTitle')}</h3>
      <div className="field">
        <label htmlFor="platform-kind">{t('platforms.kind')}</label>
        <select
          id="platform-kind"
          data-testid="platform-kind"
          value={d.kind}
          disabled={editing !== null}
          onChange={(e) => set('kind', e.currentTarget.value as PlatformKind)}
        >
          {PLATFORM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`platforms.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField label={t('platforms.label')} data-testid="platform-label" value={d.label} onChange={(e) => set('label', e.currentTarget.value)} autoComplete="off" />
      {d.kind === 'tiktok' ? (
        <>
          <TextField label={t('platforms.tiktok.uniqueId')} hint={t('platforms.tiktok.uniqueIdHint')} data-testid="platform-tiktok-uniqueId" value={d.uniqueId} onChange={(e) => set('uniqueId', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.tiktok.roomId')} data-testid="platform-tiktok-roomId" value={d.roomId} onChange={(e) => set('roomId', e.currentTarget.value)} autoComplete="off" />
          <TextField label={t('platforms.tiktok.signServerUrl')} hint={t('platforms.optionalDefault')} data-testid="platform-tiktok-signServerUrl" value={d.signServerUrl} onChange={(e) => set('signServerUrl', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.tiktok.signApiKey')} hint={secretHint('signApiKey')} placeholder={secretPlaceholder('signApiKey')} type="password" data-testid="platform-tiktok-signApiKey" value={d.signApiKey} onChange={(e) => set('signApiKey', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
        </>
      ) : null}
      {d.kind === 'twitch' ? (
        <>
          <TextField label={t('platforms.twitch.channels')} hint={t('platforms.twitch.channelsHint')} data-testid="platform-twitch-channels" value={d.channels} onChange={(e) => set('channels', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.twitch.username')} hint={t('platforms.twitch.usernameHint')} data-testid="platform-twitch-username" value={d.username} onChange={(e) => set('username', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.twitch.oauthToken')} hint={secretHint('oauthToken')} placeholder={secretPlaceholder('oauthToken')} type="password" data-testid="platform-twitch-oauthToken" value={d.oauthToken} onChange={(e) => set('oauthToken', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.twitch.server')} hint={t('platforms.optionalDefault')} data-testid="platform-twitch-server" value={d.server} onChange={(e) => set('server', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.twitch.port')} hint={t('platforms.optionalDefault')} inputMode="numeric" data-testid="platform-twitch-port" value={d.port} onChange={(e) => set('port', e.currentTarget.value)} autoComplete="off" />
          <label className="settings-check">
            <input type="checkbox" data-testid="platform-twitch-secure" checked={d.secure} onChange={(e) => set('secure', e.currentTarget.checked)} /> {t('platforms.twitch.secure')}
          </label>
        </>
      ) : null}
      {d.kind === 'youtube' ? (
        <>
          <TextField label={t('platforms.youtube.liveChatId')} hint={t('platforms.youtube.liveChatIdHint')} data-testid="platform-youtube-liveChatId" value={d.liveChatId} onChange={(e) => set('liveChatId', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.youtube.apiKey')} hint={secretHint('apiKey')} placeholder={secretPlaceholder('apiKey')} type="password" data-testid="platform-youtube-apiKey" value={d.apiKey} onChange={(e) => set('apiKey', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
          <TextField label={t('platforms.youtube.apiBaseUrl')} hint={t('platforms.optionalDefault')} data-testid="platform-youtube-apiBaseUrl" value={d.apiBaseUrl} onChange={(e) => set('apiBaseUrl', e.currentTarget.value)} autoComplete="off" spellCheck={false} />
        </>
      ) : null}
      {save.error ? <ErrorMessage error={save.error} title={t('platforms.saveError')} testId="platform-save-error" /> : null}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="platform-save" disabled={save.pending}>
          {editing ? t('platforms.save') : t('platforms.add')}
        </Button>
        {editing ? (
          <Button type="button" data-testid="platform-cancel" onClick={onDone}>
            {t('platforms.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
