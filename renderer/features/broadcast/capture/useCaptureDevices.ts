import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '../../../../shared/errors.js';
import { useBroadcastActions } from '../useBroadcast.js';
import type { CaptureKind } from './capture.js';

export interface CaptureDevicesView {
  /** null until OBS first answers. */
  readonly kinds: readonly CaptureKind[] | null;
  readonly message: string | null;
  readonly error: ErrorBody | null;
  readonly loading: boolean;
  readonly refresh: () => void;
}

/** The capture devices one OBS can see, listed when `enabled` (connected) and on refresh; stale answers dropped. */
export function useCaptureDevices(connection: string, enabled: boolean): CaptureDevicesView {
  const { listCaptureDevices } = useBroadcastActions(connection);
  const [state, setState] = useState<Omit<CaptureDevicesView, 'refresh'>>({ kinds: null, message: null, error: null, loading: false });
  const seq = useRef(0);

  const fetchDevices = useCallback(() => {
    const mine = ++seq.current;
    void listCaptureDevices().then((result) => {
      if (mine !== seq.current) return;
      if (result.ok) setState({ kinds: result.value.kinds, message: result.value.message, error: null, loading: false });
      else setState((prev) => ({ ...prev, error: result.error, loading: false }));
    });
  }, [listCaptureDevices]);

  useEffect(() => {
    if (enabled) fetchDevices();
  }, [enabled, fetchDevices]);

  const refresh = useCallback(() => {
    setState((prev) => ({ ...prev, loading: true, error: null }));
    fetchDevices();
  }, [fetchDevices]);

  // The first listing runs from the effect; it counts as loading until OBS answers.
  const firstLoad = enabled && state.kinds === null && state.error === null;
  return { ...state, loading: state.loading || firstLoad, refresh };
}
