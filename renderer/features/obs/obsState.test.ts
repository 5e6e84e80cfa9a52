import { describe, expect, it } from 'vitest';
import type { ObsConnectionView, ObsStateView } from '../../../shared/contract/obs.js';
import { applySceneChanged, findConnection, secondsUntil, statusTone } from './obsState.js';

const conn = (name: string, programScene: string | null): ObsConnectionView => ({
  name,
  url: 'ws://127.0.0.1:4455',
  hasPassword: false,
  status: 'identified',
  failure: null,
  message: null,
  epoch: 1,
  attempts: 0,
  nextRetryAt: null,
  obsVersion: '31.0.0',
  websocketVersion: '5.5.0',
  scenes: [
    { name: 'Host wide', index: 1, items: [] },
    { name: 'Product close-up', index: 0, items: [] },
  ],
  programScene,
  previewScene: null,
  studioMode: false,
  transitions: { current: 'Cut', durationMs: null, available: ['Cut', 'Fade'] },
  inputs: [],
  outputs: {
    stream: { active: false, reconnecting: false, paused: false, since: null },
    record: { active: false, reconnecting: false, paused: false, since: null },
    replayBuffer: null,
    virtualCam: null,
  },
});

describe('applySceneChanged', () => {
  const state: ObsStateView = { connections: [conn('main', 'Host wide'), conn('backup', 'Host wide')] };

  it('moves the program scene of the named connection only', () => {
    const next = applySceneChanged(state, { connection: 'main', scene: 'Product close-up' });
    expect(findConnection(next)?.programScene).toBe('Product close-up');
    expect(findConnection(next, 'backup')?.programScene).toBe('Host wide');
  });

  it('returns the same object when nothing changes, so React skips a render', () => {
    expect(applySceneChanged(state, { connection: 'main', scene: 'Host wide' })).toBe(state);
    expect(applySceneChanged(state, { connection: 'nope', scene: 'X' })).toBe(state);
  });
});

describe('findConnection', () => {
  it('is null without state or without that connection', () => {
    expect(findConnection(null)).toBeNull();
    expect(findConnection({ connections: [conn('backup', null)] })).toBeNull();
  });
});

describe('secondsUntil', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsUntil(null, 0)).toBeNull();
    expect(secondsUntil(10_001, 0)).toBe(11);
    expect(secondsUntil(10_000, 0)).toBe(10);
    expect(secondsUntil(1_000, 5_000)).toBe(0);
  });
});

describe('statusTone', () => {
  it('gives every status a tone', () => {
    expect(statusTone('identified')).toBe('ok');
    expect(statusTone('reconnecting')).toBe('busy');
    expect(statusTone('failed')).toBe('bad');
    expect(statusTone('disconnected')).toBe('idle');
  });
});
