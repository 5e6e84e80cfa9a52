import { METER_STALE_MS } from './meter.js';

type Levels = readonly (readonly number[])[];

/**
 * The latest audio levels per input, outside React: obs.meters messages write here (up to 15 Hz) and the meters
 * read it once per animation frame, so a meter message never causes a React render.
 */
export interface MeterStore {
  /** Records one obs.meters message; inputs not in it keep their last levels until they go stale. */
  update(inputs: readonly { readonly name: string; readonly levels: Levels }[], at: number): void;
  /** The input's levels, or [] when it has none or they are older than `METER_STALE_MS`. */
  read(name: string, now: number): Levels;
  clear(): void;
}

export function createMeterStore(staleMs: number = METER_STALE_MS): MeterStore {
  const latest = new Map<string, { levels: Levels; at: number }>();
  return {
    update: (inputs, at) => {
      for (const input of inputs) latest.set(input.name, { levels: input.levels, at });
    },
    read: (name, now) => {
      const entry = latest.get(name);
      return entry && now - entry.at <= staleMs ? entry.levels : [];
    },
    clear: () => latest.clear(),
  };
}
