import { describe, expect, it } from 'vitest';
import {
  applyObsEvent,
  EMPTY_MIRROR,
  finiteDb,
  INACTIVE_OUTPUT,
  isTextKind,
  outputEdge,
  outputFromEvent,
  outputFromStatus,
  refetchKey,
  toSceneItems,
  toScenes,
  whoAsked,
  withInput,
  withSceneItems,
  withScenes,
  type ObsMirror,
} from './obsMirror.js';

const NOW = 1_000_000;

/** A mirror like the fixture's OBS: Host (Background, Title, Tone) and Product. */
function mirror(): ObsMirror {
  return {
    ...EMPTY_MIRROR,
    obsVersion: '29.0.2',
    websocketVersion: '5.1.0',
    scenes: [
      {
        name: 'Host',
        index: 1,
        items: [
          { id: 3, sourceName: 'Tone', inputKind: 'ffmpeg_source', enabled: true, locked: false, index: 2 },
          { id: 2, sourceName: 'Host Title', inputKind: 'text_ft2_source_v2', enabled: true, locked: false, index: 1 },
          { id: 1, sourceName: 'Host Background', inputKind: 'color_source_v3', enabled: true, locked: false, index: 0 },
        ],
      },
      { name: 'Product', index: 0, items: [] },
    ],
    programScene: 'Host',
    inputs: [
      { name: 'Tone', kind: 'ffmpeg_source', audio: true, muted: false, volumeDb: 0, capture: null },
      { name: 'Host Title', kind: 'text_ft2_source_v2', audio: false, muted: null, volumeDb: null, capture: null },
      { name: 'Cam', kind: 'v4l2_input', audio: false, muted: null, volumeDb: null, capture: { deviceProperty: 'device_id', device: '/dev/video0', active: false } },
    ],
    transitions: { current: 'Cut', durationMs: null, available: ['Cut', 'Fade'] },
  };
}

const apply = (m: ObsMirror, type: string, data: Record<string, unknown>) => applyObsEvent(m, type, data, NOW);

describe('raw answers → view', () => {
  it('orders scenes as OBS shows them and keeps known items', () => {
    const m = mirror();
    const scenes = toScenes(
      [
        { sceneName: 'Product', sceneIndex: 0 },
        { sceneName: 'Host', sceneIndex: 2 },
        { sceneName: 'New', sceneIndex: 1 },
      ],
      m.scenes,
    );
    expect(scenes.map((s) => s.name)).toEqual(['Host', 'New', 'Product']);
    expect(scenes[0]?.items).toHaveLength(3);
    expect(scenes[1]?.items).toEqual([]);
  });

  it('lists scene items top first and hides probe inputs', () => {
    const items = toSceneItems([
      { sceneItemId: 1, sceneItemIndex: 0, sceneItemEnabled: true, sceneItemLocked: false, sourceName: 'Bg', inputKind: 'color_source_v3' },
      { sceneItemId: 5, sceneItemIndex: 2, sceneItemEnabled: false, sceneItemLocked: false, sourceName: '__showrunner_probe_v4l2_input', inputKind: 'v4l2_input' },
      { sceneItemId: 2, sceneItemIndex: 1, sceneItemEnabled: false, sceneItemLocked: true, sourceName: 'Nested', inputKind: null },
    ]);
    expect(items).toEqual([
      { id: 2, sourceName: 'Nested', inputKind: null, enabled: false, locked: true, index: 1 },
      { id: 1, sourceName: 'Bg', inputKind: 'color_source_v3', enabled: true, locked: false, index: 0 },
    ]);
  });

  it('reconstructs when an output started from its duration', () => {
    expect(outputFromStatus({ outputActive: true, outputDuration: 5_000, outputReconnecting: false }, NOW)).toEqual({
      active: true,
      reconnecting: false,
      paused: false,
      since: NOW - 5_000,
    });
    expect(outputFromStatus({ outputActive: false, outputPaused: false }, NOW)).toEqual(INACTIVE_OUTPUT);
  });

  it('keeps silence finite', () => {
    expect(finiteDb(-Infinity)).toBe(-100);
    expect(finiteDb(-6.5)).toBe(-6.5);
    expect(finiteDb('x')).toBeNull();
    expect(finiteDb(NaN)).toBeNull();
  });

  it('knows text kinds with and without version suffix', () => {
    expect(isTextKind('text_ft2_source_v2')).toBe(true);
    expect(isTextKind('text_gdiplus_v3')).toBe(true);
    expect(isTextKind('color_source_v3')).toBe(false);
  });
});

describe('output states', () => {
  it('keeps the start time across reconnects and pauses, drops it when stopped', () => {
    const started = outputFromEvent(INACTIVE_OUTPUT, 'OBS_WEBSOCKET_OUTPUT_STARTED', true, NOW);
    expect(started).toEqual({ active: true, reconnecting: false, paused: false, since: NOW });
    const reconnecting = outputFromEvent(started, 'OBS_WEBSOCKET_OUTPUT_RECONNECTING', true, NOW + 5);
    expect(reconnecting).toEqual({ active: true, reconnecting: true, paused: false, since: NOW });
    const paused = outputFromEvent(started, 'OBS_WEBSOCKET_OUTPUT_PAUSED', true, NOW + 9);
    expect(paused).toMatchObject({ paused: true, since: NOW });
    expect(outputFromEvent(paused, 'OBS_WEBSOCKET_OUTPUT_STOPPED', false, NOW + 10)).toEqual(INACTIVE_OUTPUT);
  });

  it('finds starts and stops', () => {
    expect(outputEdge('OBS_WEBSOCKET_OUTPUT_STARTED')).toBe('started');
    expect(outputEdge('OBS_WEBSOCKET_OUTPUT_STOPPED')).toBe('stopped');
    expect(outputEdge('OBS_WEBSOCKET_OUTPUT_STARTING')).toBeNull();
    expect(outputEdge('OBS_WEBSOCKET_OUTPUT_STOPPING')).toBeNull();
  });

  it('credits the console only for a recent ask', () => {
    expect(whoAsked(null, NOW)).toBe('obs');
    expect(whoAsked(NOW - 10_000, NOW)).toBe('console');
    expect(whoAsked(NOW - 10_001, NOW)).toBe('obs');
    expect(whoAsked(NOW - 100, NOW, 50)).toBe('obs');
  });

  it('applies stream, record and optional output events (OBS 29 shapes)', () => {
    let m = apply(mirror(), 'StreamStateChanged', { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_STARTING' }).mirror;
    expect(m.outputs.stream.active).toBe(false);
    m = apply(m, 'StreamStateChanged', { outputActive: true, outputState: 'OBS_WEBSOCKET_OUTPUT_STARTED' }).mirror;
    expect(m.outputs.stream).toEqual({ active: true, reconnecting: false, paused: false, since: NOW });
    m = apply(m, 'RecordStateChanged', { outputActive: true, outputPath: '/rec/a.mkv', outputState: 'OBS_WEBSOCKET_OUTPUT_STARTED' }).mirror;
    expect(m.outputs.record.active).toBe(true);
    // A replay buffer unknown at snapshot time (null) appears once OBS reports it.
    m = apply(m, 'ReplayBufferStateChanged', { outputActive: true, outputState: 'OBS_WEBSOCKET_OUTPUT_STARTED' }).mirror;
    expect(m.outputs.replayBuffer?.active).toBe(true);
    m = apply(m, 'VirtualcamStateChanged', { outputActive: false, outputState: 'OBS_WEBSOCKET_OUTPUT_STOPPED' }).mirror;
    expect(m.outputs.virtualCam).toEqual(INACTIVE_OUTPUT);
  });
});

describe('applyObsEvent', () => {
  it('returns the same mirror for what it does not know or what does not change', () => {
    const m = mirror();
    expect(apply(m, 'SomethingNew', { a: 1 }).mirror).toBe(m);
    expect(apply(m, 'CurrentProgramSceneChanged', { sceneName: 'Host' }).mirror).toBe(m);
    expect(apply(m, 'InputMuteStateChanged', { inputName: 'Nope', inputMuted: true }).mirror).toBe(m);
    expect(apply(m, 'SceneItemEnableStateChanged', { sceneName: 'Host', sceneItemId: 'x' }).mirror).toBe(m);
  });

  it('switches program and preview; preview only in studio mode', () => {
    const m = mirror();
    expect(apply(m, 'CurrentProgramSceneChanged', { sceneName: 'Product' }).mirror.programScene).toBe('Product');
    expect(apply(m, 'CurrentPreviewSceneChanged', { sceneName: 'Product' }).mirror.previewScene).toBeNull();
    const on = apply(m, 'StudioModeStateChanged', { studioModeEnabled: true });
    expect(on.mirror.studioMode).toBe(true);
    expect(on.refetch).toEqual([{ kind: 'preview' }]);
    const preview = apply(on.mirror, 'CurrentPreviewSceneChanged', { sceneName: 'Product' }).mirror;
    expect(preview.previewScene).toBe('Product');
    const off = apply(preview, 'StudioModeStateChanged', { studioModeEnabled: false }).mirror;
    expect(off).toMatchObject({ studioMode: false, previewScene: null });
  });

  it('toggles, locks and reindexes scene items in place', () => {
    const toggled = apply(mirror(), 'SceneItemEnableStateChanged', { sceneName: 'Host', sceneItemId: 2, sceneItemEnabled: false });
    // …and reads the scene's items back once the burst is over (events of concurrent requests can arrive out of order).
    expect(toggled.refetch).toEqual([{ kind: 'sceneItems', scene: 'Host' }]);
    let m = toggled.mirror;
    m = apply(m, 'SceneItemLockStateChanged', { sceneName: 'Host', sceneItemId: 1, sceneItemLocked: true }).mirror;
    const host = m.scenes[0]!;
    expect(host.items.find((i) => i.id === 2)?.enabled).toBe(false);
    expect(host.items.find((i) => i.id === 1)?.locked).toBe(true);
    m = apply(m, 'SceneItemListReindexed', {
      sceneName: 'Host',
      sceneItems: [
        { sceneItemId: 2, sceneItemIndex: 0 },
        { sceneItemId: 1, sceneItemIndex: 1 },
        { sceneItemId: 3, sceneItemIndex: 2 },
      ],
    }).mirror;
    expect(m.scenes[0]!.items.map((i) => [i.id, i.index])).toEqual([
      [3, 2],
      [1, 1],
      [2, 0],
    ]);
  });

  it('asks for a scene item list when items come and go, removing a gone one at once', () => {
    const created = apply(mirror(), 'SceneItemCreated', { sceneItemId: 4, sceneItemIndex: 3, sceneName: 'Host', sourceName: 'Logo' });
    expect(created.refetch).toEqual([{ kind: 'sceneItems', scene: 'Host' }]);
    const removed = apply(mirror(), 'SceneItemRemoved', { sceneItemId: 2, sceneName: 'Host', sourceName: 'Host Title' });
    expect(removed.mirror.scenes[0]!.items.map((i) => i.id)).toEqual([3, 1]);
    expect(removed.refetch).toEqual([{ kind: 'sceneItems', scene: 'Host' }]);
    // The console's own probe inputs cause no work.
    expect(apply(mirror(), 'SceneItemCreated', { sceneName: 'Host', sourceName: '__showrunner_probe_v4l2_input', sceneItemId: 9 }).refetch).toEqual([]);
  });

  it('renames scenes with their items and the program scene; scene list changes ask for the list', () => {
    const m = apply(mirror(), 'SceneNameChanged', { oldSceneName: 'Host', sceneName: 'Studio' }).mirror;
    expect(m.scenes.map((s) => s.name)).toEqual(['Studio', 'Product']);
    expect(m.scenes[0]!.items).toHaveLength(3);
    expect(m.programScene).toBe('Studio');
    expect(apply(mirror(), 'SceneRemoved', { sceneName: 'Product' }).refetch).toEqual([{ kind: 'sceneList' }]);
    expect(apply(mirror(), 'SceneCreated', { sceneName: 'X', isGroup: false }).refetch).toEqual([
      { kind: 'sceneList' },
      { kind: 'sceneItems', scene: 'X' },
    ]);
  });

  it('adds a created input at once and asks for its audio and capture state', () => {
    const r = apply(mirror(), 'InputCreated', {
      inputName: 'Mic',
      inputKind: 'pulse_input_capture',
      unversionedInputKind: 'pulse_input_capture',
      inputSettings: { device_id: 'default' },
      defaultInputSettings: { device_id: 'default' },
    });
    expect(r.mirror.inputs.at(-1)).toEqual({
      name: 'Mic',
      kind: 'pulse_input_capture',
      audio: false,
      muted: null,
      volumeDb: null,
      capture: { deviceProperty: 'device_id', device: 'default', active: null },
    });
    expect(r.refetch).toEqual([{ kind: 'input', name: 'Mic', inputKind: 'pulse_input_capture' }]);
    expect(apply(mirror(), 'InputCreated', { inputName: '__showrunner_probe_x', inputKind: 'v4l2_input' }).refetch).toEqual([]);
  });

  it('removes an input with its scene items; renames it everywhere', () => {
    const removed = apply(mirror(), 'InputRemoved', { inputName: 'Host Title' }).mirror;
    expect(removed.inputs.map((i) => i.name)).toEqual(['Tone', 'Cam']);
    expect(removed.scenes[0]!.items.map((i) => i.sourceName)).toEqual(['Tone', 'Host Background']);
    const renamed = apply(mirror(), 'InputNameChanged', { oldInputName: 'Tone', inputName: 'Music' }).mirror;
    expect(renamed.inputs[0]!.name).toBe('Music');
    expect(renamed.scenes[0]!.items[0]!.sourceName).toBe('Music');
  });

  it('applies mute and volume (silence included) and capture activity', () => {
    let m = apply(mirror(), 'InputMuteStateChanged', { inputMuted: true, inputName: 'Tone' }).mirror;
    m = apply(m, 'InputVolumeChanged', { inputName: 'Tone', inputVolumeDb: -6, inputVolumeMul: 0.5 }).mirror;
    expect(m.inputs[0]).toMatchObject({ muted: true, volumeDb: -6 });
    m = apply(m, 'InputVolumeChanged', { inputName: 'Tone', inputVolumeDb: -Infinity, inputVolumeMul: 0 }).mirror;
    expect(m.inputs[0]?.volumeDb).toBe(-100);
    m = apply(m, 'InputActiveStateChanged', { inputName: 'Cam', videoActive: true }).mirror;
    expect(m.inputs[2]?.capture?.active).toBe(true);
    const before = m;
    expect(apply(before, 'InputActiveStateChanged', { inputName: 'Host Title', videoActive: true }).mirror).toBe(before);
  });

  it('follows transitions; a collection change asks for everything', () => {
    const r = apply(mirror(), 'CurrentSceneTransitionChanged', { transitionName: 'Fade' });
    expect(r.mirror.transitions.current).toBe('Fade');
    expect(r.refetch).toEqual([{ kind: 'transitions' }]);
    expect(apply(mirror(), 'CurrentSceneTransitionDurationChanged', { transitionDuration: 500 }).mirror.transitions.durationMs).toBe(500);
    expect(apply(mirror(), 'CurrentSceneCollectionChanged', { sceneCollectionName: 'Other' }).refetch).toEqual([{ kind: 'all' }]);
  });
});

describe('refetch results', () => {
  it('replace scenes, items and inputs', () => {
    const m = mirror();
    expect(withScenes(m, [{ sceneName: 'Host', sceneIndex: 0 }]).scenes.map((s) => [s.name, s.items.length])).toEqual([['Host', 3]]);
    expect(withSceneItems(m, 'Product', [{ id: 1, sourceName: 'X', inputKind: null, enabled: true, locked: false, index: 0 }]).scenes[1]?.items).toHaveLength(1);
    expect(withSceneItems(m, 'Gone', [])).toBe(m);
    const tone = { name: 'Tone', kind: 'ffmpeg_source', audio: true, muted: true, volumeDb: -3, capture: null };
    expect(withInput(m, 'Tone', tone).inputs[0]).toEqual(tone);
    expect(withInput(m, 'Tone', null).inputs.map((i) => i.name)).toEqual(['Host Title', 'Cam']);
    expect(withInput(m, 'Gone', null)).toBe(m);
  });

  it('keys refetches so a burst runs each once', () => {
    expect(refetchKey({ kind: 'sceneItems', scene: 'Host' })).toBe('sceneItems:Host');
    expect(refetchKey({ kind: 'input', name: 'Mic', inputKind: 'x' })).toBe('input:Mic');
    expect(refetchKey({ kind: 'all' })).toBe('all');
  });
});
