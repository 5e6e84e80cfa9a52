import { describe, expect, it } from 'vitest';
import type { ObsOutputState } from '../../../../shared/contract/obs.js';
import { INTENT_TIMEOUT_MS, intentPending, recordState, streamState } from './outputState.js';

const out = (over: Partial<ObsOutputState> = {}): ObsOutputState => ({
  active: false,
  reconnecting: false,
  paused: false,
  since: null,
  ...over,
});

describe('streamState', () => {
  it('follows OBS without an intent', () => {
    expect(streamState(out(), null, 0)).toBe('idle');
    expect(streamState(out({ active: true, since: 1 }), null, 0)).toBe('live');
    expect(streamState(out({ active: true, reconnecting: true }), null, 0)).toBe('reconnecting');
  });

  it('says starting until OBS reports the stream active, or the intent expires', () => {
    const intent = { kind: 'start', at: 1_000 } as const;
    expect(streamState(out(), intent, 2_000)).toBe('starting');
    expect(streamState(out({ active: true }), intent, 2_000)).toBe('live');
    expect(streamState(out(), intent, 1_000 + INTENT_TIMEOUT_MS)).toBe('idle');
  });

  it('says stopping until OBS reports the stream inactive', () => {
    const intent = { kind: 'stop', at: 1_000 } as const;
    expect(streamState(out({ active: true }), intent, 1_500)).toBe('stopping');
    expect(streamState(out(), intent, 1_500)).toBe('idle');
    expect(intentPending(out(), intent, 1_500)).toBe(false);
  });
});

describe('recordState', () => {
  it('distinguishes recording from paused', () => {
    expect(recordState(out({ active: true }), null, 0)).toBe('recording');
    expect(recordState(out({ active: true, paused: true }), null, 0)).toBe('paused');
    expect(recordState(out(), { kind: 'start', at: 0 }, 10)).toBe('starting');
    expect(recordState(out({ active: true }), { kind: 'stop', at: 0 }, 10)).toBe('stopping');
  });
});
