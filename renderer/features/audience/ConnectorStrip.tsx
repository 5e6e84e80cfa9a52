import { memo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformKind, type ConnectorState } from '../../../shared/contract/audience.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { StatusPill, type Tone } from '../../ui/StatusPill.js';
import { useConnectorActions, useConnectors } from './useAudience.js';

const TONE: Record<ConnectorState, Tone> = { stopped: 'idle', starting: 'busy', running: 'ok', reconnecting: 'busy', failed: 'bad' };

/** One line per audience source: state, events/s, errors, start/stop; the rehearsal room's rate. */
export const ConnectorStrip = memo(function ConnectorStrip(): ReactNode {
  const { t } = useTranslation();
  const { rows, error } = useConnectors();
  const actions = useConnectorActions();
  const [actionError, setActionError] = useState<ErrorBody | null>(null);
  return (
    <div className="connector-strip" aria-label={t('audience.title')}>
      {error ? <p className="error">{t('audience.loadError')}</p> : null}
      {rows.length === 0 && !error ? <p className="muted">{t('audience.none')}</p> : null}
      {rows.map(({ status: c, rate }) => {
        const running = c.state === 'running' || c.state === 'starting' || c.state === 'reconnecting';
        return (
          <div key={c.id} className="connector" data-testid="connector-status" data-id={c.id} data-state={c.state}>
            <strong>{c.label}</strong>
            {PlatformKind.safeParse(c.kind).success ? (
              <span className="connector-kind muted" data-testid="connector-kind">
                {t(`platforms.kinds.${c.kind as PlatformKind}`)}
              </span>
            ) : null}
            <StatusPill tone={TONE[c.state]}>{t(`audience.state.${c.state}`)}</StatusPill>
            {c.simulated ? <span className="chat-sim">{t('chat.simulated')}</span> : null}
            <span className="connector-rate" data-testid="connector-rate">
              {t('audience.rate', { rate: rate === null ? '—' : Math.round(rate) })}
            </span>
            {c.errors > 0 ? (
              <span className="connector-errors" title={c.lastError ?? undefined}>
                {t('audience.errors', { count: c.errors })}
              </span>
            ) : null}
            {c.kind !== 'ingest' || running ? (
              <Button
                data-testid={running ? 'connector-stop' : 'connector-start'}
                onClick={() => void (running ? actions.stop(c.id) : actions.start(c.id)).then((x) => setActionError(x.ok ? null : x.error))}
              >
                {running ? t('audience.stop') : t('audience.start')}
              </Button>
            ) : null}
            {c.kind === 'rehearsal' && c.rehearsal ? (
              <RehearsalRate key={c.rehearsal.rate} rate={c.rehearsal.rate} apply={(r) => void actions.setRehearsalRate(r).then((x) => setActionError(x.ok ? null : x.error))} />
            ) : null}
          </div>
        );
      })}
      {actionError ? <ErrorMessage error={actionError} /> : null}
    </div>
  );
});

function RehearsalRate({ rate, apply }: { rate: number; apply: (rate: number) => void }): ReactNode {
  const { t } = useTranslation();
  const [value, setValue] = useState(String(rate));
  const n = Number(value);
  const valid = value.trim() !== '' && Number.isFinite(n) && n >= 0.1 && n <= 5000;
  return (
    <form
      className="connector-rate-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) apply(n);
      }}
    >
      <label>
        <span className="muted">{t('audience.rehearsalRate')}</span>{' '}
        <input
          type="number"
          min={0.1}
          max={5000}
          step="any"
          data-testid="rehearsal-rate"
          aria-invalid={!valid}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <Button type="submit" disabled={!valid} data-testid="rehearsal-rate-apply">
        {t('audience.applyRate')}
      </Button>
    </form>
  );
}
