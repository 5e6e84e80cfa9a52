import { useCallback, useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSource } from '../../../shared/contract/metrics.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';

/** How often the delivery counts are read again while Settings is open. */
const REFRESH_MS = 5_000;

/** The full URL a platform posts to: this console host's origin + the source's path. */
export function webhookUrl(path: string): string {
  const origin = typeof window !== 'undefined' && window.location.protocol.startsWith('http') ? window.location.origin : '';
  return `${origin}${path}`;
}

function useOrderSources(): { sources: readonly OrderSource[] | null; error: ErrorBody | null; reload: () => void } {
  const api = useApi();
  const [sources, setSources] = useState<readonly OrderSource[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const reload = useCallback(() => {
    void api.call('orders.listSources', {}).then((r) => {
      if (r.ok) {
        setSources(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [api]);
  useEffect(() => {
    reload();
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useOnLinkOpen(reload);
  return { sources, error, reload };
}

/**
 * Settings → order sources: register a Shopify shop (its webhook secret goes to the core once, is stored sealed and
 * never shown again), create a generic order webhook sender (its token is shown once), and the sources with their
 * delivery counts.
 */
export function OrderSources(): ReactNode {
  const { t } = useTranslation();
  const { sources, error, reload } = useOrderSources();
  return (
    <section className="panel settings-section" aria-labelledby="order-sources-title" data-testid="order-sources">
      <h2 id="order-sources-title">{t('metricsSettings.ordersTitle')}</h2>
      <p className="note">{t('metricsSettings.ordersNote')}</p>
      {error ? <ErrorMessage error={error} title={t('metricsSettings.ordersLoadError')} /> : null}
      <div className="form-grid">
        <ShopifyForm onDone={reload} />
        <GenericForm onDone={reload} />
      </div>
      <SourceTable sources={sources} />
    </section>
  );
}

function ShopifyForm({ onDone }: { onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [created, setCreated] = useState<OrderSource | null>(null);
  const register = useCommand((n: string, s: string) => api.call('orders.registerShopify', { name: n, secret: s }));
  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    void register.run(name, secret).then((r) => {
      if (!r.ok) return;
      // The secret is in the core now (sealed); the console forgets it.
      setSecret('');
      setName('');
      setCreated(r.value);
      onDone();
    });
  };
  return (
    <form className="settings-subform" onSubmit={submit} data-testid="shopify-form" noValidate>
      <h3>{t('metricsSettings.shopifyTitle')}</h3>
      <TextField label={t('metricsSettings.sourceName')} data-testid="shopify-name" value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" />
      <TextField
        label={t('metricsSettings.shopifySecret')}
        hint={t('metricsSettings.shopifySecretHint')}
        type="password"
        data-testid="shopify-secret"
        value={secret}
        onChange={(e) => setSecret(e.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {register.error ? <ErrorMessage error={register.error} title={t('metricsSettings.shopifyError')} testId="shopify-error" /> : null}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="shopify-register" disabled={register.pending}>
          {t('metricsSettings.shopifyRegister')}
        </Button>
      </div>
      {created ? (
        <div className="settings-once" data-testid="shopify-created" data-source-id={created.id} role="status">
          <p>{t('metricsSettings.shopifyCreated', { name: created.name })}</p>
          <p className="muted">{t('metricsSettings.shopifyTopics')}</p>
          <code className="settings-url" data-testid="shopify-url">
            {webhookUrl(created.path)}
          </code>
        </div>
      ) : null}
    </form>
  );
}

function GenericForm({ onDone }: { onDone: () => void }): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('');
  const [created, setCreated] = useState<{ source: OrderSource; token: string } | null>(null);
  const create = useCommand((n: string, p: string) => api.call('orders.createGenericSource', { name: n, platform: p }));
  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    void create.run(name, platform).then((r) => {
      if (!r.ok) return;
      setName('');
      setPlatform('');
      setCreated(r.value);
      onDone();
    });
  };
  return (
    <form className="settings-subform" onSubmit={submit} data-testid="generic-form" noValidate>
      <h3>{t('metricsSettings.genericTitle')}</h3>
      <TextField label={t('metricsSettings.sourceName')} data-testid="generic-name" value={name} onChange={(e) => setName(e.currentTarget.value)} autoComplete="off" />
      <TextField
        label={t('metricsSettings.platform')}
        hint={t('metricsSettings.platformHint')}
        data-testid="generic-platform"
        value={platform}
        onChange={(e) => setPlatform(e.currentTarget.value)}
        autoComplete="off"
        spellCheck={false}
      />
      {create.error ? <ErrorMessage error={create.error} title={t('metricsSettings.genericError')} testId="generic-error" /> : null}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="generic-create" disabled={create.pending}>
          {t('metricsSettings.genericCreate')}
        </Button>
      </div>
      {created ? (
        <div className="settings-once" data-testid="generic-created" data-source-id={created.source.id} role="status">
          <p>{t('metricsSettings.tokenOnce')}</p>
          <code className="settings-url" data-testid="generic-token">
            {created.token}
          </code>
          <code className="settings-url" data-testid="generic-url">
            POST {webhookUrl(created.source.path)}
          </code>
        </div>
      ) : null}
    </form>
  );
}

function SourceTable({ sources }: { sources: readonly OrderSource[] | null }): ReactNode {
  const { t, i18n } = useTranslation();
  if (sources === null) return <p className="muted">{t('common.loading')}</p>;
  if (sources.length === 0) return <p className="muted" data-testid="order-sources-none">{t('metricsSettings.sourcesNone')}</p>;
  return (
    <table className="settings-table">
      <caption>{t('metricsSettings.sourcesTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('metricsSettings.sourceName')}</th>
          <th scope="col">{t('metricsSettings.kind')}</th>
          <th scope="col">{t('metricsSettings.url')}</th>
          <th scope="col">{t('metricsSettings.accepted')}</th>
          <th scope="col">{t('metricsSettings.duplicates')}</th>
          <th scope="col">{t('metricsSettings.rejected')}</th>
          <th scope="col">{t('metricsSettings.unauthorized')}</th>
          <th scope="col">{t('metricsSettings.lastAt')}</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((s) => (
          <tr key={s.id} data-testid="order-source-row" data-source-id={s.id} data-kind={s.kind}>
            <th scope="row">{s.name}</th>
            <td>{s.kind === 'shopify' ? 'Shopify' : s.platform}</td>
            <td>
              <code className="settings-url">{webhookUrl(s.path)}</code>
            </td>
            <td className="mono" data-testid="source-accepted" data-value={String(s.accepted)}>
              {s.accepted}
            </td>
            <td className="mono">{s.duplicates}</td>
            <td className="mono" data-testid="source-rejected" data-value={String(s.rejected)}>
              {s.rejected}
            </td>
            <td className="mono">{s.unauthorized}</td>
            <td className="mono">{s.lastAt === null ? '–' : new Date(s.lastAt).toLocaleTimeString(i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
