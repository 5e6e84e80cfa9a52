import { describe, expect, it } from 'vitest';
import type { ObsConnectionView, ObsInput } from '../../../shared/contract/obs.js';
import { audioInputs, captureInputs, focusedScene, isTextKind, itemsTopFirst, pickConnection, textInputs } from './inputs.js';

const input = (name: string, kind: string, over: Partial<ObsInput> = {}): ObsInput => ({
  name,
  kind,
  audio: false,
  muted: null,
  volumeDb: null,
  capture: null,
  ...over,
});

const conn = (name: string, over: Partial<ObsConnectionView> = {}): ObsConnectionView => ({
  name,
  url: 'ws://127.0.0.1:4455',
  hasPassword: false,
  status: 'identified',
  failure: null,
  message: null,
  epoch: 1,
  attempts: 0,
  nextRetryAt: null,
  obsVersion: null,
  websocketVersion: null,
  scenes: [
    { name: 'Host', index: 2, items: [] },
    {
      name: 'Product',
      index: 1,
      items: [
        { id: 1, sourceName: 'Background', inputKind: 'color_source_v3', enabled: true, locked: true, index: 0 },
        { id: 7, sourceName: 'Title', inputKind: 'text_ft2_source_v2', enabled: false, locked: false, index: 1 },
      ],
    },
  ],
  programScene: 'Host',
  previewScene: null,
  studioMode: false,
  transitions: { current: 'Cut', durationMs: null, available: ['Cut'] },
  inputs: [
    input('Mic', 'pulse_input_capture', { audio: true, muted: false, volumeDb: 0, capture: { deviceProperty: 'device_id', device: 'default', active: true } }),
    input('Title', 'text_ft2_source_v2'),
    input('Price', 'text_gdiplus_v3'),
    input('Tone', 'ffmpeg_source', { audio: true, muted: true, volumeDb: -6 }),
    input('Camera', 'v4l2_input', { capture: { deviceProperty: 'device_id', device: '/dev/video0', active: false } }),
  ],
  outputs: {
    stream: { active: false, reconnecting: false, paused: false, since: null },
    record: { active: false, reconnecting: false, paused: false, since: null },
    replayBuffer: null,
    virtualCam: null,
  },
  ...over,
});

describe('input selectors', () => {
  it('finds audio, text and capture inputs', () => {
    const c = conn('main');
    expect(audioInputs(c).map((i) => i.name)).toEqual(['Mic', 'Tone']);
    expect(textInputs(c).map((i) => i.name)).toEqual(['Title', 'Price']);
    expect(captureInputs(c).map((i) => i.name)).toEqual(['Mic', 'Camera']);
    expect(isTextKind('text_ft2_source')).toBe(true);
    expect(isTextKind('image_source')).toBe(false);
    expect(isTextKind(null)).toBe(false);
  });

  it('lists scene items top of the stack first', () => {
    const product = conn('main').scenes[1];
    expect(product && itemsTopFirst(product).map((i) => i.id)).toEqual([7, 1]);
  });
});

describe('focusedScene', () => {
  it('prefers the picked scene, then preview in studio mode, then program', () => {
    expect(focusedScene(conn('main'), 'Product')?.name).toBe('Product');
    expect(focusedScene(conn('main'), 'Gone')?.name).toBe('Host');
    expect(focusedScene(conn('main', { studioMode: true, previewScene: 'Product' }), null)?.name).toBe('Product');
    expect(focusedScene(conn('main', { programScene: null }), null)?.name).toBe('Host');
    expect(focusedScene(conn('main', { scenes: [] }), null)).toBeNull();
  });
});

describe('pickConnection', () => {
  it('falls back to main, then the first connection', () => {
    const state = { connections: [conn('backup'), conn('main')] };
    expect(pickConnection(state, 'backup')?.name).toBe('backup');
    expect(pickConnection(state, 'gone')?.name).toBe('main');
    expect(pickConnection({ connections: [conn('backup')] }, null)?.name).toBe('backup');
    expect(pickConnection(null, 'main')).toBeNull();
  });
});
