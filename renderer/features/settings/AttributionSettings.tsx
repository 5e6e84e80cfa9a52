import { useCallback, useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsOptionsView } from '../../../shared/contract/metrics.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { useCommand } from '../../lib/useCommand.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { TextField } from '../../ui/Field.js';
import { fieldError } from './ruleForm.js';

const COMMAND = 'metrics.setOptions';

/** Minutes as typed → ms ("" and words become NaN, which the core refuses with its message). */
export function tailMsOf(minutes: string): number {
  const text = minutes.trim();
  return text === '' ? Number.NaN : Math.round(Number(text) * 60_000);
}

/** Settings → attribution: how long after a product stops being presented its orders still count for it. */
export function AttributionSettings(): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [stored, setStored] = useState<MetricsOptionsView | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const load = useCallback(() => {
    void api.call('metrics.getOptions', {}).then((r) => {
      if (r.ok) setStored(r.value);
      else setLoadError(r.error);
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  return (
    <section className="panel settings-section" aria-labelledby="attribution-title" data-testid="attribution-settings">
      <h2 id="attribution-title">{t('metricsSettings.attributionTitle')}</h2>
      {loadError ? <ErrorMessage error={loadError} title={t('metricsSettings.attributionLoadError')} /> : null}
      {stored === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <TailForm key={stored.attributionTailMs} stored={stored} onSaved={setStored} />
      )}
    </section>
  );
}

function TailForm({ stored, onSaved }: { stored: MetricsOptionsView; onSaved: (o: MetricsOptionsView) => void }): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const [minutes, setMinutes] = useState(String(stored.attributionTailMs / 60_000));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useCommand((o: MetricsOptionsView) => api.call(COMMAND, o));
  const submit = (e: SubmitEvent<HTMLFormElement>): void => {
    e.preventDefault();
    setProblem(null);
    void save.run({ attributionTailMs: tailMsOf(minutes) }).then((r) => {
      if (r.ok) onSaved(r.value);
      else if (r.error.code === 'BAD_INPUT') setProblem(fieldError(r.error.message, COMMAND).message);
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('metricsSettings.tailMinutes')}
        hint={t('metricsSettings.tailHint', { minutes: stored.attributionTailMs / 60_000 })}
        problem={problem}
        inputMode="decimal"
        data-testid="attribution-tail"
        data-stored-ms={String(stored.attributionTailMs)}
        value={minutes}
        onChange={(e) => setMinutes(e.currentTarget.value)}
      />
      {save.error && save.error.code !== 'BAD_INPUT' ? <ErrorMessage error={save.error} title={t('metricsSettings.saveError')} /> : null}
      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="attribution-save" disabled={save.pending}>
          {t('metricsSettings.save')}
        </Button>
      </div>
    </form>
  );
}
