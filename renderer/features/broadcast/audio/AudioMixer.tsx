import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObsConnectionView, ObsInput } from '../../../../shared/contract/obs.js';
import { useCommand } from '../../../lib/useCommand.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { audioInputs } from '../inputs.js';
import { useBroadcastActions } from '../useBroadcast.js';
import { AudioMeter } from './AudioMeter.js';
import { useAudioMeters, type AudioMeters } from './useAudioMeters.js';
import { VolumeFader } from './VolumeFader.js';

/** Every OBS input with audio: a live meter, mute, and a volume fader. */
export function AudioMixer({ connection: c }: { connection: ObsConnectionView }): ReactNode {
  const { t } = useTranslation();
  const meters = useAudioMeters(c.name);
  const inputs = audioInputs(c);
  if (inputs.length === 0) return <p className="muted">{t('mixer.none')}</p>;
  return (
    <ul className="mixer">
      {inputs.map((input) => (
        <AudioStrip key={`${c.name}/${input.name}`} connection={c} input={input} meters={meters} />
      ))}
    </ul>
  );
}

function AudioStrip({ connection: c, input, meters }: { connection: ObsConnectionView; input: ObsInput; meters: AudioMeters }): ReactNode {
  const { t } = useTranslation();
  const actions = useBroadcastActions(c.name);
  const mute = useCommand(actions.setInputMute);
  const volume = useCommand(actions.setInputVolume);
  const live = c.status === 'identified';
  const muted = input.muted === true;
  return (
    <li className={muted ? 'audio-strip audio-muted' : 'audio-strip'} data-testid="audio-strip" data-input={input.name}>
      <div className="audio-head">
        <span className="audio-name">{input.name}</span>
        <button
          type="button"
          className={muted ? 'btn mute mute-on' : 'btn mute'}
          data-testid="audio-mute"
          aria-pressed={muted}
          aria-label={t(muted ? 'mixer.unmuteLabel' : 'mixer.muteLabel', { name: input.name })}
          disabled={!live || mute.pending || input.muted === null}
          onClick={() => void mute.run(input.name, !muted)}
        >
          {muted ? t('mixer.muted') : t('mixer.mute')}
        </button>
      </div>
      <AudioMeter meters={meters} input={input.name} />
      <VolumeFader
        input={input.name}
        volumeDb={input.volumeDb}
        disabled={!live}
        onVolume={(db) => void volume.run(input.name, db)}
      />
      {mute.error ? <ErrorMessage error={mute.error} title={t('mixer.muteError', { name: input.name })} /> : null}
      {volume.error ? <ErrorMessage error={volume.error} title={t('mixer.volumeError', { name: input.name })} /> : null}
    </li>
  );
}
