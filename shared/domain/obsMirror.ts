/**
 * The console's mirror of one OBS: what OBS reports, kept current by OBS's own events. Pure: the connection does
 * the requests, these functions turn answers and events into the view the UI sees. Events that carry everything
 * needed are applied here; the others name what must be fetched again (`Refetch`).
 */
import type { ObsConnectionView, ObsInput, ObsOutputState, ObsOutputs, ObsScene, ObsSceneItem } from '../contract/obs.js';
import { captureSpecOf, isProbeInput } from './capture.js';

/** What OBS itself reports of one connection (the view minus what the console knows about the link). */
export type ObsMirror = Omit<
  ObsConnectionView,
  'name' | 'url' | 'hasPassword' | 'status' | 'failure' | 'message' | 'epoch' | 'attempts' | 'nextRetryAt'
>;

export const INACTIVE_OUTPUT: ObsOutputState = { active: false, reconnecting: false, paused: false, since: null };

export const EMPTY_MIRROR: ObsMirror = {
  obsVersion: null,
  websocketVersion: null,
  scenes: [],
  programScene: null,
  previewScene: null,
  studioMode: false,
  transitions: { current: null, durationMs: null, available: [] },
  inputs: [],
  outputs: { stream: INACTIVE_OUTPUT, record: INACTIVE_OUTPUT, replayBuffer: null, virtualCam: null },
};

/** Something an event announced but did not carry: fetch it again. */
export type Refetch =
  | { readonly kind: 'sceneList' }
  | { readonly kind: 'sceneItems'; readonly scene: string }
  | { readonly kind: 'input'; readonly name: string; readonly inputKind: string }
  | { readonly kind: 'transitions' }
  | { readonly kind: 'preview' }
  | { readonly kind: 'all' };

/** Two refetches with the same key are the same work: a burst of events runs it once. */
export function refetchKey(r: Refetch): string {
  switch (r.kind) {
    case 'sceneItems':
      return `sceneItems:${r.scene}`;
    case 'input':
      return `input:${r.name}`;
    case 'sceneList':
    case 'transitions':
    case 'preview':
    case 'all':
      return r.kind;
  }
}

// ---------------------------------------------------------------- raw answers → view

export interface RawScene {
  readonly sceneName: string;
  readonly sceneIndex: number;
}

/**
 * OBS lists scenes bottom-up (index 0 is the last in its UI); the console shows them as OBS's UI does. Items of
 * scenes already known are kept (a new list does not say anything about items).
 */
export function toScenes(raw: readonly RawScene[], known: readonly ObsScene[] = []): ObsScene[] {
  const itemsOf = new Map(known.map((s) => [s.name, s.items]));
  return [...raw]
    .sort((a, b) => b.sceneIndex - a.sceneIndex)
    .map((s) => ({ name: s.sceneName, index: s.sceneIndex, items: itemsOf.get(s.sceneName) ?? [] }));
}

export interface RawSceneItem {
  readonly sceneItemId: number;
  readonly sceneItemIndex: number;
  readonly sceneItemEnabled: boolean;
  readonly sceneItemLocked: boolean;
  readonly sourceName: string;
  readonly inputKind?: string | null;
}

/** Scene items top-first as OBS's UI lists them (OBS numbers them bottom-up); the console's probe inputs are hidden. */
export function toSceneItems(raw: readonly RawSceneItem[]): ObsSceneItem[] {
  return raw
    .filter((i) => !isProbeInput(i.sourceName))
    .map((i) => ({
      id: i.sceneItemId,
      sourceName: i.sourceName,
      inputKind: i.inputKind ?? null,
      enabled: i.sceneItemEnabled,
      locked: i.sceneItemLocked,
      index: i.sceneItemIndex,
    }))
    .sort((a, b) => b.index - a.index);
}

export interface RawOutputStatus {
  readonly outputActive: boolean;
  readonly outputReconnecting?: boolean;
  readonly outputPaused?: boolean;
  /** Milliseconds the output has been running (stream and record only). */
  readonly outputDuration?: number;
}

/** An output's state from a Get…Status answer; `since` is reconstructed from its duration on the console's clock. */
export function outputFromStatus(s: RawOutputStatus, now: number): ObsOutputState {
  return {
    active: s.outputActive,
    reconnecting: s.outputReconnecting === true,
    paused: s.outputPaused === true,
    since: s.outputActive ? now - Math.max(0, s.outputDuration ?? 0) : null,
  };
}

/**
 * An output's state after an OBS_WEBSOCKET_OUTPUT_* state event. `since` is kept while the output stays active
 * (a pause or a reconnect is not a new start).
 */
export function outputFromEvent(prev: ObsOutputState, outputState: string, outputActive: boolean, now: number): ObsOutputState {
  const active = outputActive;
  const since = active ? (prev.active && prev.since !== null ? prev.since : now) : null;
  switch (outputState) {
    case 'OBS_WEBSOCKET_OUTPUT_RECONNECTING':
      return { active, reconnecting: true, paused: false, since };
    case 'OBS_WEBSOCKET_OUTPUT_PAUSED':
      return { active, reconnecting: false, paused: true, since };
    default:
      // STARTING, STARTED, STOPPING, STOPPED, RECONNECTED, RESUMED and anything newer OBS may add.
      return { active, reconnecting: false, paused: false, since };
  }
}

/** A start or a stop of an output, from its state event; null for the steps in between. */
export function outputEdge(outputState: string): 'started' | 'stopped' | null {
  if (outputState === 'OBS_WEBSOCKET_OUTPUT_STARTED') return 'started';
  if (outputState === 'OBS_WEBSOCKET_OUTPUT_STOPPED') return 'stopped';
  return null;
}

/** Who asked for an output change: the console when one of its commands asked within `windowMs`, else OBS. */
export function whoAsked(lastConsoleAskAt: number | null, now: number, windowMs = 10_000): 'console' | 'obs' {
  return lastConsoleAskAt !== null && now - lastConsoleAskAt <= windowMs ? 'console' : 'obs';
}

// ---------------------------------------------------------------- pieces replaced after a refetch

export function withScenes(m: ObsMirror, raw: readonly RawScene[]): ObsMirror {
  return { ...m, scenes: toScenes(raw, m.scenes) };
}

export function withSceneItems(m: ObsMirror, scene: string, items: readonly ObsSceneItem[]): ObsMirror {
  if (!m.scenes.some((s) => s.name === scene)) return m;
  return { ...m, scenes: m.scenes.map((s) => (s.name === scene ? { ...s, items: [...items] } : s)) };
}

/** Replaces (or adds, or with null removes) one input, keeping OBS's order. */
export function withInput(m: ObsMirror, name: string, input: ObsInput | null): ObsMirror {
  const at = m.inputs.findIndex((i) => i.name === name);
  if (input === null) return at < 0 ? m : { ...m, inputs: m.inputs.filter((i) => i.name !== name) };
  if (isProbeInput(input.name)) return m;
  if (at < 0) return { ...m, inputs: [...m.inputs, input] };
  return { ...m, inputs: m.inputs.map((i, k) => (k === at ? input : i)) };
}

// ---------------------------------------------------------------- events

type Data = Readonly<Record<string, unknown>>;

const str = (d: Data, k: string): string | null => (typeof d[k] === 'string' ? d[k] : null);
const bool = (d: Data, k: string): boolean | null => (typeof d[k] === 'boolean' ? d[k] : null);
const num = (d: Data, k: string): number | null => (typeof d[k] === 'number' && Number.isFinite(d[k]) ? d[k] : null);

const OUTPUT_OF_EVENT: Readonly<Record<string, keyof ObsOutputs>> = {
  StreamStateChanged: 'stream',
  RecordStateChanged: 'record',
  ReplayBufferStateChanged: 'replayBuffer',
  VirtualcamStateChanged: 'virtualCam',
};

/** Every OBS event the mirror listens to (obs-websocket-js emits events by name, so they are subscribed one by one). */
export const MIRROR_EVENTS = [
  'CurrentProgramSceneChanged',
  'CurrentPreviewSceneChanged',
  'StudioModeStateChanged',
  'SceneListChanged',
  'SceneCreated',
  'SceneRemoved',
  'SceneNameChanged',
  'SceneItemCreated',
  'SceneItemRemoved',
  'SceneItemListReindexed',
  'SceneItemEnableStateChanged',
  'SceneItemLockStateChanged',
  'InputCreated',
  'InputRemoved',
  'InputNameChanged',
  'InputMuteStateChanged',
  'InputVolumeChanged',
  'InputActiveStateChanged',
  'CurrentSceneTransitionChanged',
  'CurrentSceneTransitionDurationChanged',
  'CurrentSceneCollectionChanged',
  'StreamStateChanged',
  'RecordStateChanged',
  'ReplayBufferStateChanged',
  'VirtualcamStateChanged',
  'ExitStarted',
] as const;

export interface Applied {
  /** The same object as the input when nothing the UI sees changed. */
  readonly mirror: ObsMirror;
  readonly refetch: readonly Refetch[];
}

const mapItems = (m: ObsMirror, scene: string, f: (items: readonly ObsSceneItem[]) => ObsSceneItem[]): ObsMirror => {
  if (!m.scenes.some((s) => s.name === scene)) return m;
  return { ...m, scenes: m.scenes.map((s) => (s.name === scene ? { ...s, items: f(s.items) } : s)) };
};

const mapInput = (m: ObsMirror, name: string, f: (i: ObsInput) => ObsInput): ObsMirror => {
  if (!m.inputs.some((i) => i.name === name)) return m;
  return { ...m, inputs: m.inputs.map((i) => (i.name === name ? f(i) : i)) };
};

/** Applies one OBS event to the mirror; `now` is the console's clock (output start times). */
export function applyObsEvent(m: ObsMirror, type: string, d: Data, now: number): Applied {
  const same: Applied = { mirror: m, refetch: [] };
  const to = (mirror: ObsMirror, refetch: readonly Refetch[] = []): Applied => ({ mirror, refetch });

  const output = OUTPUT_OF_EVENT[type];
  if (output !== undefined) {
    const state = str(d, 'outputState');
    const active = bool(d, 'outputActive');
    if (state === null || active === null) return same;
    const prev = m.outputs[output] ?? INACTIVE_OUTPUT;
    return to({ ...m, outputs: { ...m.outputs, [output]: outputFromEvent(prev, state, active, now) } });
  }

  switch (type) {
    case 'CurrentProgramSceneChanged': {
      const scene = str(d, 'sceneName');
      return scene === null || scene === m.programScene ? same : to({ ...m, programScene: scene });
    }
    case 'CurrentPreviewSceneChanged': {
      const scene = str(d, 'sceneName');
      // OBS also reports preview changes while studio mode is off; there is no preview then.
      return scene === null || !m.studioMode || scene === m.previewScene ? same : to({ ...m, previewScene: scene });
    }
    case 'StudioModeStateChanged': {
      const on = bool(d, 'studioModeEnabled');
      if (on === null) return same;
      // Enabling announces no preview scene (OBS picks one): ask for it.
      return on ? to({ ...m, studioMode: true }, [{ kind: 'preview' }]) : to({ ...m, studioMode: false, previewScene: null });
    }
    case 'SceneNameChanged': {
      const from = str(d, 'oldSceneName');
      const name = str(d, 'sceneName');
      if (from === null || name === null) return to(m, [{ kind: 'sceneList' }]);
      const rename = (s: string | null): string | null => (s === from ? name : s);
      return to({
        ...m,
        scenes: m.scenes.map((s) => (s.name === from ? { ...s, name } : s)),
        programScene: rename(m.programScene),
        previewScene: rename(m.previewScene),
      });
    }
    case 'SceneListChanged':
    case 'SceneRemoved':
      return to(m, [{ kind: 'sceneList' }]);
    case 'SceneCreated': {
      const name = str(d, 'sceneName');
      return to(m, name === null ? [{ kind: 'sceneList' }] : [{ kind: 'sceneList' }, { kind: 'sceneItems', scene: name }]);
    }
    case 'SceneItemCreated':
    case 'SceneItemRemoved': {
      const scene = str(d, 'sceneName');
      const source = str(d, 'sourceName');
      if (scene === null || (source !== null && isProbeInput(source))) return same;
      const id = num(d, 'sceneItemId');
      // Remove at once (the UI must not offer a gone item), then fetch the list for the new indices.
      const mirror = type === 'SceneItemRemoved' && id !== null ? mapItems(m, scene, (items) => items.filter((i) => i.id !== id)) : m;
      return to(mirror, [{ kind: 'sceneItems', scene }]);
    }
    case 'SceneItemListReindexed': {
      const scene = str(d, 'sceneName');
      const list = Array.isArray(d['sceneItems']) ? (d['sceneItems'] as unknown[]) : null;
      if (scene === null || list === null) return same;
      const index = new Map<number, number>();
      for (const e of list) {
        if (typeof e !== 'object' || e === null) continue;
        const r = e as Data;
        const id = num(r, 'sceneItemId');
        const at = num(r, 'sceneItemIndex');
        if (id !== null && at !== null) index.set(id, at);
      }
      return to(
        mapItems(m, scene, (items) => items.map((i) => ({ ...i, index: index.get(i.id) ?? i.index })).sort((a, b) => b.index - a.index)),
      );
    }
    case 'SceneItemEnableStateChanged':
    case 'SceneItemLockStateChanged': {
      const scene = str(d, 'sceneName');
      const id = num(d, 'sceneItemId');
      const field = type === 'SceneItemEnableStateChanged' ? 'enabled' : 'locked';
      const value = bool(d, type === 'SceneItemEnableStateChanged' ? 'sceneItemEnabled' : 'sceneItemLocked');
      if (scene === null || id === null || value === null) return same;
      // Applied at once, then checked against OBS: obs-websocket can run requests concurrently, so under load the
      // events of a burst of toggles can arrive in another order than OBS applied them, and the last one to arrive
      // is not always the state OBS ends in. One refetch per burst puts the mirror back on what OBS has.
      return to(
        mapItems(m, scene, (items) => items.map((i) => (i.id === id ? { ...i, [field]: value } : i))),
        [{ kind: 'sceneItems', scene }],
      );
    }
    case 'InputCreated': {
      const name = str(d, 'inputName');
      const kind = str(d, 'inputKind');
      if (name === null || kind === null || isProbeInput(name)) return same;
      // Whether it has audio (and its capture device) takes requests: add it as plain now, complete it after.
      const capture = captureSpecOf(kind);
      const settings = typeof d['inputSettings'] === 'object' && d['inputSettings'] !== null ? (d['inputSettings'] as Data) : {};
      const device = capture ? settingString(settings[capture.deviceProperty]) : null;
      const input: ObsInput = {
        name,
        kind,
        audio: false,
        muted: null,
        volumeDb: null,
        capture: capture ? { deviceProperty: capture.deviceProperty, device, active: null } : null,
      };
      return to(withInput(m, name, input), [{ kind: 'input', name, inputKind: kind }]);
    }
    case 'InputRemoved': {
      const name = str(d, 'inputName');
      if (name === null) return same;
      // OBS announces no SceneItemRemoved for the items of a removed input.
      const mirror = withInput(m, name, null);
      const scenes = mirror.scenes.map((s) =>
        s.items.some((i) => i.sourceName === name) ? { ...s, items: s.items.filter((i) => i.sourceName !== name) } : s,
      );
      return to({ ...mirror, scenes });
    }
    case 'InputNameChanged': {
      const from = str(d, 'oldInputName');
      const name = str(d, 'inputName');
      if (from === null || name === null) return same;
      const mirror = mapInput(m, from, (i) => ({ ...i, name }));
      const scenes = mirror.scenes.map((s) =>
        s.items.some((i) => i.sourceName === from)
          ? { ...s, items: s.items.map((i) => (i.sourceName === from ? { ...i, sourceName: name } : i)) }
          : s,
      );
      return to({ ...mirror, scenes });
    }
    case 'InputMuteStateChanged': {
      const name = str(d, 'inputName');
      const muted = bool(d, 'inputMuted');
      if (name === null || muted === null) return same;
      return to(mapInput(m, name, (i) => ({ ...i, audio: true, muted })));
    }
    case 'InputVolumeChanged': {
      const name = str(d, 'inputName');
      const db = finiteDb(d['inputVolumeDb']);
      if (name === null || db === null) return same;
      return to(mapInput(m, name, (i) => ({ ...i, audio: true, volumeDb: db })));
    }
    case 'InputActiveStateChanged': {
      const name = str(d, 'inputName');
      const active = bool(d, 'videoActive');
      const input = name === null ? undefined : m.inputs.find((i) => i.name === name);
      // Only capture inputs show an active state; OBS reports this for every input on every scene switch.
      if (name === null || active === null || !input?.capture || input.capture.active === active) return same;
      const capture = input.capture;
      return to(mapInput(m, name, (i) => ({ ...i, capture: { ...capture, active } })));
    }
    case 'CurrentSceneTransitionChanged': {
      const name = str(d, 'transitionName');
      if (name === null) return to(m, [{ kind: 'transitions' }]);
      // The duration belongs to the transition: fetch it with the list.
      return to({ ...m, transitions: { ...m.transitions, current: name } }, [{ kind: 'transitions' }]);
    }
    case 'CurrentSceneTransitionDurationChanged': {
      const ms = num(d, 'transitionDuration');
      return to({ ...m, transitions: { ...m.transitions, durationMs: ms } });
    }
    case 'CurrentSceneCollectionChanged':
      return to(m, [{ kind: 'all' }]);
    default:
      return same;
  }
}

/** OBS reports silence as −inf dB (msgpack carries it); the contract's volume is finite and −100 dB is OBS's floor. */
export function finiteDb(v: unknown): number | null {
  if (typeof v !== 'number' || Number.isNaN(v)) return null;
  return Number.isFinite(v) ? v : v < 0 ? -100 : 26;
}

/** A device setting as the console shows it: OBS stores device ids as strings, some platforms as numbers. */
export function settingString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Text source kinds whose `text` setting is the shown text (versioned names are matched without their suffix). */
const TEXT_KINDS = new Set(['text_ft2_source', 'text_gdiplus']);

export function unversionedKind(kind: string): string {
  return kind.replace(/_v\d+$/, '');
}

export function isTextKind(kind: string): boolean {
  return TEXT_KINDS.has(unversionedKind(kind));
}
