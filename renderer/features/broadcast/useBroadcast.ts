import { useMemo } from 'react';
import { useApi } from '../../app/ApiContext.js';

/** Broadcast commands on one OBS connection; each resolves to its Result for the caller to show. */
export function useBroadcastActions(connection: string) {
  const api = useApi();
  return useMemo(
    () => ({
      setScene: (scene: string) => api.call('obs.setScene', { connection, scene }),
      setPreviewScene: (scene: string) => api.call('obs.setPreviewScene', { connection, scene }),
      setStudioMode: (enabled: boolean) => api.call('obs.setStudioMode', { connection, enabled }),
      transition: () => api.call('obs.transition', { connection }),
      setSceneItemEnabled: (scene: string, itemId: number, enabled: boolean) =>
        api.call('obs.setSceneItemEnabled', { connection, scene, itemId, enabled }),
      setText: (input: string, text: string) => api.call('obs.setText', { connection, input, text }),
      setInputMute: (input: string, muted: boolean) => api.call('obs.setInputMute', { connection, input, muted }),
      setInputVolume: (input: string, volumeDb: number) => api.call('obs.setInputVolume', { connection, input, volumeDb }),
      startStream: () => api.call('obs.startStream', { connection }),
      /** Only after the producer confirmed in the dialog. */
      stopStreamConfirmed: () => api.call('obs.stopStream', { connection, confirm: true }),
      startRecord: () => api.call('obs.startRecord', { connection }),
      stopRecord: () => api.call('obs.stopRecord', { connection }),
      screenshot: (source: string, width: number) => api.call('obs.screenshot', { connection, source, width }),
      listCaptureDevices: () => api.call('obs.listCaptureDevices', { connection }),
      addCaptureInput: (scene: string, kind: string, inputName: string, device: string) =>
        api.call('obs.addCaptureInput', { connection, scene, kind, inputName, device }),
    }),
    [api, connection],
  );
}
