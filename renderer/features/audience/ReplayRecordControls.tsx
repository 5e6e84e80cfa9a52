import { memo, useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceStats, ConnectorStatus } from '../../../shared/contract/audience.js';
import type { ErrorBody, Result } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';
import { Button } from '../../ui/Button.js';
import { ErrorMessage } from '../../ui/ErrorMessage.js';
import { useConnectors } from './useAudience.js';

const REPLAY_ID = 'replay';
const MIN_SPEED = 1;
const MAX_SPEED = 50;

interface Recording {
  readonly file: string;
  readonly bytes: number;
  readonly modifiedAt: number;
}

/**
 * The producer's replay and record controls: play a recording from the data dir at 1×–50× (pause, resume, speed,
 * progress), and record every audience event of the live session to a replayable JSONL file.
 */
export const ReplayRecordControls = memo(function ReplayRecordControls({ stats }: { stats: AudienceStats | null }): ReactNode {
  const { t } = useTranslation();
  const api = useApi();
  const { rows } = useConnectors();
  const replay: ConnectorStatus | null = rows.find((r) => r.status.id === REPLAY_ID)?.status ?? null;
  const progress = replay?.replay ?? null;
  const playing = replay !== null && (replay.state === 'running' || replay.state === 'starting');

  const [recordings, setRecordings] = useState<readonly Recording[]>([]);
  const [file, setFile] = useState('');
  const [speed, setSpeed] = useState(1);
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<{ file: string; events: number } | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [pending, setPending] = useState(false);

  const loadRecordings = useCallback(() => {
    void api.call('audience.listRecordings', {}).then((r) => {
      if (!r.ok) return;
      const newest = [...r.value].sort((a, b) => b.modifiedAt - a.modifiedAt);
      setRecordings(newest);
      setFile((f) => (f !== '' && newest.some((x) => x.file === f) ? f : (newest[0]?.file ?? '')));
    });
  }, [api]);
  useEffect(loadRecordings, [loadRecordings]);
  useOnLinkOpen(loadRecordings);

  const run = useCallback(<T,>(p: Promise<Result<T>>, then?: (value: T) => void) => {
    setPending(true);
    void p.then((r) => {
      setPending(false);
      setError(r.ok ? null : r.error);
      if (r.ok) then?.(r.value);
    });
  }, []);

  const recording = stats?.recording ?? null;

  return (
    <section className="chat-card replay-record" data-testid="replay-record" aria-labelledby="replay-record-title">
      <h3 id="replay-record-title">{t('audienceControls.title')}</h3>
      <div className="replay-row">
        <label>
          <span className="muted">{t('audienceControls.recording')}</span>{' '}
          <select data-testid="replay-file" value={file} onChange={(e) => setFile(e.target.value)} disabled={recordings.length === 0}>
            {recordings.length === 0 ? <option value="">{t('audienceControls.noRecordings')}</option> : null}
            {recordings.map((r) => (
              <option key={r.file} value={r.file}>
                {r.file} ({formatBytes(r.bytes)})
              </option>
            ))}
          </select>
        </label>
        <Button variant="ghost" onClick={loadRecordings} data-testid="replay-refresh">
          {t('audienceControls.refresh')}
        </Button>
      </div>
      <div className="replay-row">
        <label>
          <span className="muted">{t('audienceControls.speed')}</span>{' '}
          <input
            type="range"
            min={MIN_SPEED}
            max={MAX_SPEED}
            step={1}
            data-testid="replay-speed"
            value={speed}
            onChange={(e) => {
              const s = Math.min(MAX_SPEED, Math.max(MIN_SPEED, Math.round(Number(e.target.value))));
              setSpeed(s);
              // A running replay changes speed at once.
              if (playing) run(api.call('audience.controlReplay', { speed: s }));
            }}
          />{' '}
          <output data-testid="replay-speed-value">{t('audienceControls.times', { speed })}</output>
        </label>
        <Button
          variant="primary"
          data-testid="replay-start"
          disabled={pending || file === ''}
          onClick={() => run(api.call('audience.startReplay', { file, speed }))}
        >
          {playing ? t('audienceControls.restart') : t('audienceControls.play')}
        </Button>
        {playing && progress ? (
          <Button data-testid="replay-pause" disabled={pending} onClick={() => run(api.call('audience.controlReplay', { paused: !progress.paused }))}>
            {progress.paused ? t('audienceControls.resume') : t('audienceControls.pause')}
          </Button>
        ) : null}
        {playing ? (
          <Button data-testid="replay-stop" disabled={pending} onClick={() => run(api.call('audience.stopConnector', { id: REPLAY_ID }))}>
            {t('audienceControls.stop')}
          </Button>
        ) : null}
      </div>
      {progress ? (
        <p
          className="muted replay-progress"
          data-testid="replay-progress"
          data-file={progress.file}
          data-played={progress.played}
          data-speed={progress.speed}
          data-paused={progress.paused}
          data-finished={progress.finished}
        >
          {t('audienceControls.progress', { file: progress.file, played: progress.played, skipped: progress.skipped, speed: progress.speed })}{' '}
          {progress.finished ? t('audienceControls.finished') : progress.paused ? t('audienceControls.paused') : null}
        </p>
      ) : null}
      <div className="replay-row record-row">
        {recording ? (
          <>
            <span className="record-dot" aria-hidden="true" />
            <span data-testid="record-status" data-file={recording.file} data-events={recording.events}>
              {t('audienceControls.recordingTo', { file: recording.file, count: recording.events })}
            </span>
            <Button
              variant="danger"
              data-testid="record-stop"
              disabled={pending}
              onClick={() =>
                run(api.call('audience.stopRecording', {}), (v) => {
                  setSaved(v);
                  loadRecordings();
                })
              }
            >
              {t('audienceControls.recordStop')}
            </Button>
          </>
        ) : (
          <>
            <label>
              <span className="muted">{t('audienceControls.recordName')}</span>{' '}
              <input
                data-testid="record-name"
                value={name}
                maxLength={80}
                pattern="[\w.\-]*"
                placeholder={t('audienceControls.recordNamePlaceholder')}
                onChange={(e) => setName(e.target.value)}
              />
            </label>
            <Button
              data-testid="record-start"
              disabled={pending}
              onClick={() =>
                run(api.call('audience.startRecording', name.trim() === '' ? {} : { name: name.trim() }), () => {
                  setSaved(null);
                })
              }
            >
              {t('audienceControls.recordStart')}
            </Button>
          </>
        )}
      </div>
      {saved && !recording ? (
        <p className="muted" data-testid="record-saved" data-file={saved.file} data-events={saved.events}>
          {t('audienceControls.saved', { file: saved.file, count: saved.events })}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} testId="replay-record-error" /> : null}
    </section>
  );
});

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
