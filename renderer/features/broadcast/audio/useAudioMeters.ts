import { useEffect, useState } from 'react';
import { useApi } from '../../../app/ApiContext.js';
import { animationFrames, createFrameLoop, type FrameLoop } from './frameLoop.js';
import { createMeterStore, type MeterStore } from './meterStore.js';

/** The mixer's meter levels (written by obs.meters, outside React) and the one frame loop the meters draw in. */
export interface AudioMeters {
  readonly store: MeterStore;
  readonly loop: FrameLoop;
}

/** Subscribes to obs.meters of one connection; timestamps use the animation-frame clock (performance.now). */
export function useAudioMeters(connection: string): AudioMeters {
  const api = useApi();
  const [meters] = useState<AudioMeters>(() => ({ store: createMeterStore(), loop: createFrameLoop(animationFrames) }));
  useEffect(() => {
    meters.store.clear();
    return api.on('obs.meters', (event) => {
      if (event.connection === connection) meters.store.update(event.inputs, performance.now());
    });
  }, [api, connection, meters]);
  return meters;
}
