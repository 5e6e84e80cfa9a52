import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { useNow } from '../../../lib/useNow.js';
import { Button } from '../../../ui/Button.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { elapsedSince, formatDuration } from '../format.js';
import { useBroadcastActions } from '../useBroadcast.js';
import { recordState, streamState, type OutputIntent } from './outputState.js';
import { StopStreamDialog } from './StopStreamDialog.js';

/** Stream and record buttons with their state and running time. */
export function OutputControls({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  return (
    <div className="outputs">
      <StreamControl connection={c} />
      <RecordControl connection={c} />
    </div>
  );
}

function OutputTimer({ since, active, testId, label }: { since: number | null; active: boolean; testId: string; label: string }): ReactNode {
  const now = useNow(1000, active);
  const elapsed = active ? elapsedSince(since, now) : null;
  return (
    <span className={active ? 'output-timer mono' : 'output-timer mono muted'} data-testid={testId} aria-label={label} role="timer">
      {formatDuration(elapsed ?? 0)}
    </span>
  );
}

function StreamControl({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const actions = useBroadcastActions(c.name);
  const start = useCommand(actions.startStream);
  const stop = useCommand(actions.stopStreamConfirmed);
  const [intent, setIntent] = useState<OutputIntent>(null);
  const [confirming, setConfirming] = useState(false);
  const out = c.outputs.stream;
  // Ticks each second while waiting on OBS, so an unanswered intent expires; without an intent `now` is unused.
  const now = useNow(1000, intent !== null);
  const state = streamState(out, intent, now);
  const live = c.status === 'identified';

  const onClick = (): void => {
    if (state === 'live' || state === 'reconnecting') {
      setConfirming(true);
      return;
    }
    stop.clearError();
    setIntent({ kind: 'start', at: Date.now() });
    void start.run().then((r) => {
      if (!r.ok || r.value.active) setIntent(null);
    });
  };
  const onConfirmStop = (): void => {
    start.clearError();
    setIntent({ kind: 'stop', at: Date.now() });
    void stop.run().then((r) => {
      if (r.ok) setConfirming(false); // on failure the dialog stays open with the error
      if (!r.ok || !r.value.active) setIntent(null);
    });
  };

  const busy = state === 'starting' || state === 'stopping';
  return (
    <div className={`output output-stream output-${state}`}>
      <Button
        variant={state === 'idle' ? 'primary' : 'danger'}
        className="output-button"
        data-testid="stream-button"
        data-state={state}
        disabled={!live || busy}
        aria-busy={busy}
        onClick={onClick}
      >
        {t(`outputs.stream.${state}`)}
      </Button>
      <div className="output-status">
        <span className="output-state">{t(`outputs.stream.status.${state}`)}</span>
        <OutputTimer since={out.since} active={out.active} testId="stream-timer" label={t('outputs.stream.timer')} />
      </div>
      {start.error ? <ErrorMessage error={start.error} title={t('outputs.stream.startError')} testId="stream-error" /> : null}
      {stop.error && !confirming ? <ErrorMessage error={stop.error} title={t('outputs.stream.stopError')} testId="stream-error" /> : null}
      {confirming ? (
        <StopStreamDialog
          pending={stop.pending}
          error={stop.error}
          since={out.since}
          onCancel={() => {
            stop.clearError();
            setConfirming(false);
          }}
          onConfirm={onConfirmStop}
        />
      ) : null}
    </div>
  );
}

function RecordControl({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const actions = useBroadcastActions(c.name);
  const start = useCommand(actions.startRecord);
  const stop = useCommand(actions.stopRecord);
  const [intent, setIntent] = useState<OutputIntent>(null);
  const out = c.outputs.record;
  const now = useNow(1000, intent !== null);
  const state = recordState(out, intent, now);
  const live = c.status === 'identified';

  const onClick = (): void => {
    if (state === 'recording' || state === 'paused') {
      start.clearError();
      setIntent({ kind: 'stop', at: Date.now() });
      void stop.run().then((r) => {
        if (!r.ok) setIntent(null);
      });
      return;
    }
    stop.clearError();
    setIntent({ kind: 'start', at: Date.now() });
    void start.run().then((r) => {
      if (!r.ok || r.value.active) setIntent(null);
    });
  };

  const busy = state === 'starting' || state === 'stopping';
  return (
    <div className={`output output-record output-${state}`}>
      <Button
        variant={state === 'idle' ? 'secondary' : 'danger'}
        className="output-button"
        data-testid="record-button"
        data-state={state}
        disabled={!live || busy}
        aria-busy={busy}
        onClick={onClick}
      >
        {t(`outputs.record.${state}`)}
      </Button>
      <div className="output-status">
        <span className="output-state">{t(`outputs.record.status.${state}`)}</span>
        <OutputTimer since={out.since} active={out.active} testId="record-timer" label={t('outputs.record.timer')} />
      </div>
      {start.error ? <ErrorMessage error={start.error} title={t('outputs.record.startError')} testId="record-error" /> : null}
      {stop.error ? <ErrorMessage error={stop.error} title={t('outputs.record.stopError')} testId="record-error" /> : null}
    </div>
  );
}
