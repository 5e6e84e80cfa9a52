import type { ObsConnectionView, ObsStateView, ObsStatus } from '../../../shared/contract/obs.js';
import { assertNever } from '../../../shared/errors.js';
import type { Tone } from '../../ui/StatusPill.js';

/** The connection this release configures and drives; a backup instance comes later. */
export const MAIN_CONNECTION = 'main';

/** Default obs-websocket v5 address (OBS → Tools → WebSocket Server Settings). */
export const DEFAULT_OBS_URL = 'ws://127.0.0.1:4455';

export function findConnection(state: ObsStateView | null, name: string = MAIN_CONNECTION): ObsConnectionView | null {
  return state?.connections.find((c) => c.name === name) ?? null;
}

/** Applies an obs.sceneChanged event to the last known state (a full obs.stateChanged may follow). */
export function applySceneChanged(state: ObsStateView, event: { connection: string; scene: string }): ObsStateView {
  if (!state.connections.some((c) => c.name === event.connection && c.programScene !== event.scene)) return state;
  return {
    connections: state.connections.map((c) => (c.name === event.connection ? { ...c, programScene: event.scene } : c)),
  };
}

/** Whole seconds until the next reconnect attempt, never negative; null when none is scheduled. */
export function secondsUntil(at: number | null, now: number): number | null {
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export function statusTone(status: ObsStatus): Tone {
  switch (status) {
    case 'identified':
      return 'ok';
    case 'connecting':
    case 'reconnecting':
      return 'busy';
    case 'failed':
      return 'bad';
    case 'disconnected':
      return 'idle';
    default:
      return assertNever(status, 'OBS status');
  }
}
