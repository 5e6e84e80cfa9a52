import { useTranslation } from 'react-i18next';

/** A readable name for an OBS capture input kind; unknown kinds show their id. */
export function useKindLabel(kind: string): string {
  const { t } = useTranslation();
  switch (kind) {
    case 'v4l2_input':
      return t('capture.kinds.v4l2');
    case 'dshow_input':
      return t('capture.kinds.dshow');
    case 'av_capture_input':
    case 'av_capture_input_v2':
      return t('capture.kinds.avCapture');
    case 'pulse_input_capture':
      return t('capture.kinds.pulse');
    case 'wasapi_input_capture':
      return t('capture.kinds.wasapi');
    case 'coreaudio_input_capture':
      return t('capture.kinds.coreaudio');
    default:
      return kind;
  }
}
