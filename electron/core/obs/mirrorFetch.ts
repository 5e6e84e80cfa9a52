import type { ObsInput, ObsOutputs, ObsSceneItem } from '../../../shared/contract/obs.js';
import { captureSpecOf, isProbeInput } from '../../../shared/domain/capture.js';
import {
  finiteDb,
  outputFromStatus,
  settingString,
  toScenes,
  toSceneItems,
  type ObsMirror,
  type RawOutputStatus,
  type RawScene,
  type RawSceneItem,
} from '../../../shared/domain/obsMirror.js';
import { isObsStatus } from './obsRequestError.js';

/**
 * The requests that fill the mirror (obs-websocket 5.1 only: OBS 29). Each takes a `request` function so the
 * connection decides which socket, timeout and epoch apply.
 */
export type ObsRequest = <T>(requestType: string, requestData?: Record<string, unknown>) => Promise<T>;

export async function fetchSceneItems(request: ObsRequest, scene: string): Promise<ObsSceneItem[]> {
  const r = await request<{ sceneItems: RawSceneItem[] }>('GetSceneItemList', { sceneName: scene });
  return toSceneItems(r.sceneItems);
}

/**
 * One input with its audio and capture state, or null when it is gone. Audio-ness is OBS's word: GetInputMute
 * fails with InvalidResourceState (604) for an input without audio, whatever its kind.
 */
export async function fetchInput(request: ObsRequest, name: string, kind: string): Promise<ObsInput | null> {
  let muted: boolean | null = null;
  let volumeDb: number | null = null;
  try {
    const [m, v] = await Promise.all([
      request<{ inputMuted: boolean }>('GetInputMute', { inputName: name }),
      request<{ inputVolumeDb: number }>('GetInputVolume', { inputName: name }),
    ]);
    muted = m.inputMuted;
    volumeDb = finiteDb(v.inputVolumeDb);
  } catch (e) {
    if (isObsStatus(e, 600)) return null;
    if (!isObsStatus(e, 604)) throw e;
  }
  const spec = captureSpecOf(kind);
  let capture: ObsInput['capture'] = null;
  if (spec) {
    try {
      const [settings, active] = await Promise.all([
        request<{ inputSettings: Record<string, unknown> }>('GetInputSettings', { inputName: name }),
        request<{ videoActive: boolean }>('GetSourceActive', { sourceName: name }).then(
          (a) => a.videoActive,
          (e: unknown) => {
            if (isObsStatus(e, 600, 604)) return null;
            throw e;
          },
        ),
      ]);
      capture = { deviceProperty: spec.deviceProperty, device: settingString(settings.inputSettings[spec.deviceProperty]), active };
    } catch (e) {
      if (isObsStatus(e, 600)) return null;
      throw e;
    }
  }
  return { name, kind, audio: muted !== null, muted, volumeDb, capture };
}

export async function fetchInputs(request: ObsRequest): Promise<ObsInput[]> {
  const r = await request<{ inputs: { inputName: string; inputKind: string }[] }>('GetInputList');
  const inputs = await Promise.all(
    r.inputs.filter((i) => !isProbeInput(i.inputName)).map((i) => fetchInput(request, i.inputName, i.inputKind)),
  );
  return inputs.filter((i): i is ObsInput => i !== null);
}

export async function fetchTransitions(request: ObsRequest): Promise<ObsMirror['transitions']> {
  const [list, current] = await Promise.all([
    request<{ currentSceneTransitionName: string | null; transitions: { transitionName: string }[] }>('GetSceneTransitionList'),
    request<{ transitionName: string; transitionDuration: number | null }>('GetCurrentSceneTransition').catch((e: unknown) => {
      if (isObsStatus(e, 600, 604)) return null; // no current transition (an empty collection)
      throw e;
    }),
  ]);
  return {
    current: current?.transitionName ?? list.currentSceneTransitionName,
    durationMs: current?.transitionDuration ?? null,
    available: list.transitions.map((t) => t.transitionName),
  };
}

/** Replay buffer and virtual camera are optional in OBS 29 (604 "not available" without configuration): null then. */
async function optionalOutput(request: ObsRequest, requestType: string, now: number): Promise<ObsOutputs['replayBuffer']> {
  try {
    return outputFromStatus(await request<RawOutputStatus>(requestType), now);
  } catch (e) {
    if (isObsStatus(e, 204, 600, 604)) return null;
    throw e;
  }
}

export async function fetchOutputs(request: ObsRequest, now: number): Promise<ObsOutputs> {
  const [stream, record, replayBuffer, virtualCam] = await Promise.all([
    request<RawOutputStatus>('GetStreamStatus'),
    request<RawOutputStatus>('GetRecordStatus'),
    optionalOutput(request, 'GetReplayBufferStatus', now),
    optionalOutput(request, 'GetVirtualCamStatus', now),
  ]);
  return { stream: outputFromStatus(stream, now), record: outputFromStatus(record, now), replayBuffer, virtualCam };
}

export async function fetchPreviewScene(request: ObsRequest): Promise<string | null> {
  try {
    return (await request<{ currentPreviewSceneName: string | null }>('GetCurrentPreviewScene')).currentPreviewSceneName;
  } catch (e) {
    if (isObsStatus(e, 506)) return null; // studio mode went off meanwhile
    throw e;
  }
}

/** Everything the UI sees of one OBS, fetched at once (all requests in flight together). */
export async function fetchMirror(request: ObsRequest, websocketVersion: string, now: () => number): Promise<ObsMirror> {
  const scenesP = request<{ scenes: RawScene[]; currentProgramSceneName: string; currentPreviewSceneName: string | null }>('GetSceneList');
  const [version, list, studio, items, inputs, transitions, outputs] = await Promise.all([
    request<{ obsVersion: string }>('GetVersion'),
    scenesP,
    request<{ studioModeEnabled: boolean }>('GetStudioModeEnabled'),
    scenesP.then((l) =>
      Promise.all(
        l.scenes.map(async (s) => {
          try {
            return [s.sceneName, await fetchSceneItems(request, s.sceneName)] as const;
          } catch (e) {
            if (isObsStatus(e, 600)) return [s.sceneName, []] as const; // removed meanwhile: the list event follows
            throw e;
          }
        }),
      ),
    ),
    fetchInputs(request),
    fetchTransitions(request),
    fetchOutputs(request, now()),
  ]);
  const itemsOf = new Map<string, ObsSceneItem[]>(items.map(([n, i]) => [n, [...i]]));
  return {
    obsVersion: version.obsVersion,
    websocketVersion,
    scenes: toScenes(list.scenes).map((s) => ({ ...s, items: itemsOf.get(s.name) ?? [] })),
    programScene: list.currentProgramSceneName,
    previewScene: studio.studioModeEnabled ? list.currentPreviewSceneName : null,
    studioMode: studio.studioModeEnabled,
    transitions,
    inputs,
    outputs,
  };
}
