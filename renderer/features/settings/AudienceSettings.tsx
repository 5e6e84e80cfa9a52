import { useCallback, useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IngestSource, RetrainProgress, RetrainResult, StudioModelStatus } from '../../../shared/contract/audience.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { BlockWordsEditor } from '../chat/BlockWordsEditor.js';

/** How often the delivery counts are read again while Settings is open. */
const REFRESH_MS = 5_000;

/** The generic ingest endpoints of this console host (docs/ingest.md). */
export function ingestEndpoints(sourceName: string): { http: string; ws: string } {
  const loc = typeof window !== 'undefined' && window.location.protocol.startsWith('http') ? window.location : null;
  const origin = loc ? loc.origin : '';
  const wsOrigin = loc ? `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}` : '';
  return { http: `${origin}/ingest/v1/events`, ws: `${wsOrigin}/ingest/ws?source=${encodeURIComponent(sourceName)}` };
}

/**
 * Settings → audience: generic ingest sources (token shown once), retention of comment text, the block list, and
 * label corrections (count, export, retrain the studio's own model locally).
 */
export function AudienceSettings(): ReactNode {
  const { t } = useTranslation();
  return (
    <section className="panel settings-section" aria-labelledby="audience-settings-title" data-testid="audience-settings">
      <h2 id="audience-settings-title">{t('audienceSettings.title')}</h2>
      <IngestSources />
      <Retention />
      <BlockWords />
      <Corrections />
    </section>
  );
}

function IngestSources(): ReactNode {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [sources, setSources] = useState<readonly IngestSource[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('');
  const [created, setCreated] = useState<{ source: IngestSource; token: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const reload = useCallback(() => {
    void api.call('audience.listSources', {}).then((r) => {
      if (r.ok) {
        setSources(r.value);
        setLoadError(null);
      } else setLoadError(r.error);
    });
  }, [api]);
  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useOnLinkOpen(reload);
  const create = useCommand((n: string, p: string) => api.call('audience.createSource', p.trim() === '' ? { name: n } : { name: n, platform: p.trim() }));
  const revoke = useCommand((id: string) => api.call('audience.revokeSource', { id }));

  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    void create.run(name, platform).then((r) => {
      if (!r.ok) return;
      setName('');
      setPlatform('');
      setCopied(false);
      setCreated(r.value);
      reload();
    });
  };
  const endpoints = created ? ingestEndpoints(created.source.name) : null;
  return (
    <div className="settings-subsection" data-testid="ingest-sources">
      <h3>{t('audienceSettings.sourcesTitle')}</h3>
      <p className="note">{t('audienceSettings.sourcesNote')}</p>
      <form className="settings-subform" onSubmit={submit} data-testid="ingest-form" noValidate>
        <TextField label={t('audienceSettings.sourceName')} data-testid="ingest-name" value={name} maxLength={60} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" />
        <TextField
          label={t('audienceSettings.platform')}
          hint={t('audienceSettings.platformHint')}
          data-testid="ingest-platform"
          value={platform}
          maxLength={32}
          onChange={(e) => setPlatform(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
        />
        {create.error ? <ErrorMessage error={create.error} title={t('audienceSettings.createError')} testId="ingest-error" /> : null}
        <div className="form-actions">
          <Button variant="primary" type="submit" data-testid="ingest-create" disabled={create.pending}>
            {t('audienceSettings.create')}
          </Button>
        </div>
      </form>
      {created && endpoints ? (
        <div className="settings-once" data-testid="ingest-created" data-source-id={created.source.id} role="status">
          <p>{t('audienceSettings.tokenOnce')}</p>
          <code className="settings-url" data-testid="ingest-token">
            {created.token}
          </code>
          <div className="form-actions">
            <Button
              data-testid="ingest-copy"
              onClick={() => {
                void navigator.clipboard.writeText(created.token).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? t('audienceSettings.copied') : t('audienceSettings.copy')}
            </Button>
            <Button variant="ghost" data-testid="ingest-hide" onClick={() => setCreated(null)}>
              {t('audienceSettings.hideToken')}
            </Button>
          </div>
          <code className="settings-url" data-testid="ingest-http-url">
            POST {endpoints.http}
          </code>
          <code className="settings-url" data-testid="ingest-ws-url">
            {endpoints.ws}
          </code>
        </div>
      ) : null}
      {loadError ? <ErrorMessage error={loadError} title={t('audienceSettings.loadError')} /> : null}
      {revoke.error ? <ErrorMessage error={revoke.error} testId="ingest-revoke-error" /> : null}
      {sources === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : sources.length === 0 ? (
        <p className="muted" data-testid="ingest-none">
          {t('audienceSettings.sourcesNone')}
        </p>
      ) : (
        <table className="settings-table">
          <caption>{t('audienceSettings.sourcesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audienceSettings.sourceName')}</th>
              <th scope="col">{t('audienceSettings.platform')}</th>
              <th scope="col">{t('audienceSettings.accepted')}</th>
              <th scope="col">{t('audienceSettings.rejected')}</th>
              <th scope="col">{t('audienceSettings.rateLimited')}</th>
              <th scope="col">{t('audienceSettings.lastAt')}</th>
              <th scope="col">{t('audienceSettings.state')}</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s) => (
              <tr key={s.id} data-testid="ingest-source-row" data-source-id={s.id} data-revoked={s.revokedAt !== null}>
                <th scope="row">{s.name}</th>
                <td>{s.platform}</td>
                <td className="mono">{s.accepted}</td>
                <td className="mono" title={s.lastError ?? undefined}>
                  {s.rejected}
                </td>
                <td className="mono">{s.rateLimited}</td>
                <td className="mono">{s.lastEventAt === null ? '–' : new Date(s.lastEventAt).toLocaleTimeString(i18n.language)}</td>
                <td>
                  {s.revokedAt !== null ? (
                    <span className="muted">{t('audienceSettings.revoked')}</span>
                  ) : (
                    <Button
                      variant="danger"
                      data-testid="ingest-revoke"
                      disabled={revoke.pending}
                      onClick={() => {
                        if (!window.confirm(t('audienceSettings.revokeConfirm', { name: s.name }))) return;
                        void revoke.run(s.id).then(reload);
                      }}
                    >
                      {t('audienceSettings.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function Retention(): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [days, setDays] = useState<number | null | undefined>(undefined);
  const [draft, setDraft] = useState('');
  const [purged, setPurged] = useState<number | null>(null);
  const load = useCallback(() => {
    void api.call('audience.getSettings', {}).then((r) => {
      if (!r.ok) return;
      setDays(r.value.retentionDays);
      setDraft(r.value.retentionDays === null ? '' : String(r.value.retentionDays));
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  const save = useCommand((d: number | null) => api.call('audience.setRetention', { days: d }));
  const n = Number(draft);
  const keep = draft.trim() === '';
  const valid = keep || (Number.isInteger(n) && n >= 1 && n <= 3650);
  return (
    <form
      className="settings-subsection"
      data-testid="retention"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        void save.run(keep ? null : n).then((r) => {
          if (!r.ok) return;
          setDays(r.value.days);
          setPurged(r.value.purged);
        });
      }}
    >
      <h3>{t('audienceSettings.retentionTitle')}</h3>
      <TextField
        label={t('audienceSettings.retentionDays')}
        hint={t('audienceSettings.retentionHint')}
        problem={valid ? null : t('audienceSettings.retentionInvalid')}
        type="number"
        min={1}
        max={3650}
        data-testid="retention-days"
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
      />
      <p className="muted" data-testid="retention-current" data-days={days === undefined ? '' : String(days)}>
        {days === undefined ? t('common.loading') : days === null ? t('audienceSettings.keepForever') : t('audienceSettings.keepDays', { count: days })}
      </p>
      {save.error ? <ErrorMessage error={save.error} testId="retention-error" /> : null}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="retention-save" disabled={save.pending || !valid}>
          {t('audienceSettings.retentionSave')}
        </Button>
        {purged !== null ? (
          <span className="muted" data-testid="retention-purged">
            {t('audienceSettings.purged', { count: purged })}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function BlockWords(): ReactNode {
  const api = useApi();
  const [words, setWords] = useState<readonly string[]>([]);
  const load = useCallback(() => {
    void api.call('audience.getSettings', {}).then((r) => {
      if (r.ok) setWords(r.value.blockWords);
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  const save = useCallback(
    async (w: readonly string[]) => {
      const r = await api.call('audience.blockWords', { words: [...w] });
      if (r.ok) setWords(r.value.words);
      return r;
    },
    [api],
  );
  return <BlockWordsEditor words={words} save={save} />;
}

function Corrections(): ReactNode {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<StudioModelStatus | null>(null);
  const [progress, setProgress] = useState<RetrainProgress | null>(null);
  const [result, setResult] = useState<RetrainResult | null>(null);
  const [exported, setExported] = useState<{ file: string; count: number } | null>(null);
  const load = useCallback(() => {
    void api.call('audience.modelStatus', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
  }, [api]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    const off = api.on('audience.retrainProgress', setProgress);
    return () => {
      window.clearInterval(timer);
      off();
    };
  }, [api, load]);
  useOnLinkOpen(load);
  const exportCmd = useCommand(() => api.call('audience.exportCorrections', {}));
  const retrain = useCommand(() => api.call('audience.retrainModel', {}));
  const training = retrain.pending || (status?.training ?? false);
  return (
    <div className="settings-subsection" data-testid="corrections">
      <h3>{t('audienceSettings.correctionsTitle')}</h3>
      <p className="note">{t('audienceSettings.correctionsNote')}</p>
      <p data-testid="corrections-count" data-count={status?.corrections ?? ''}>
        {status === null ? t('common.loading') : t('audienceSettings.correctionsCount', { count: status.corrections })}
      </p>
      <p className="muted" data-testid="model-source" data-source={status?.source ?? ''}>
        {status === null
          ? null
          : status.source === 'studio'
            ? t('audienceSettings.modelStudio', {
                count: status.trainedCorrections ?? 0,
                at: status.trainedAt === null ? '–' : new Date(status.trainedAt).toLocaleString(i18n.language),
              })
            : status.source === 'shipped'
              ? t('audienceSettings.modelShipped')
              : t('audienceSettings.modelNone')}
      </p>
      <div className="form-actions">
        <Button
          data-testid="corrections-export"
          disabled={exportCmd.pending}
          onClick={() => {
            void exportCmd.run().then((r) => {
              if (r.ok) setExported(r.value);
            });
          }}
        >
          {t('audienceSettings.export')}
        </Button>
        <Button
          variant="primary"
          data-testid="model-retrain"
          disabled={training}
          onClick={() => {
            setResult(null);
            void retrain.run().then((r) => {
              if (r.ok) {
                setResult(r.value);
                setStatus(r.value.status);
              } else load();
            });
          }}
        >
          {training ? t('audienceSettings.retraining') : t('audienceSettings.retrain')}
        </Button>
      </div>
      <p className="muted">{t('audienceSettings.retrainNote')}</p>
      {exported ? (
        <p className="muted" data-testid="corrections-exported" data-count={exported.count}>
          {t('audienceSettings.exported', { count: exported.count })} <code className="settings-url">{exported.file}</code>
        </p>
      ) : null}
      {training && progress ? (
        <p className="muted" data-testid="retrain-progress" data-stage={progress.stage} role="status">
          {t(`audienceSettings.stage.${progress.stage}`)}
        </p>
      ) : null}
      {result ? (
        <p data-testid="retrain-result" data-corrections={result.corrections} role="status">
          {t('audienceSettings.retrained', {
            count: result.corrections,
            seconds: (result.trainMs / 1000).toFixed(1),
            accuracy: `${Math.round(result.heldout.sentimentAccuracy * 100)}%`,
            f1: result.heldout.intentMacroF1.toFixed(2),
          })}
        </p>
      ) : null}
      {exportCmd.error ? <ErrorMessage error={exportCmd.error} testId="corrections-export-error" /> : null}
      {retrain.error ? <ErrorMessage error={retrain.error} title={t('audienceSettings.retrainError')} testId="retrain-error" /> : null}
    </div>
  );
}
