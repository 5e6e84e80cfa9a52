import { describe, expect, it } from 'vitest';
import { classifyObsClose, describeObsClose } from './obsClose.js';

describe('classifyObsClose', () => {
  it.each([
    [4009, 'auth'],
    [4010, 'version'],
    [4002, 'config'],
    [4003, 'config'],
    [4004, 'config'],
    [4005, 'config'],
    [4006, 'config'],
    [4007, 'config'],
    [4008, 'config'],
    // the protocol says a client kicked from OBS (4011) must not reconnect by itself
    [4011, 'config'],
    [4012, 'config'],
    [1006, 'network'],
    [1001, 'network'],
    [1000, 'network'],
    [4000, 'network'],
    [-1, 'network'],
    [0, 'network'],
  ])('%i → %s', (code, failure) => {
    expect(classifyObsClose(code)).toBe(failure);
  });
});

describe('describeObsClose', () => {
  it('explains what the user has to fix', () => {
    expect(describeObsClose(4009, 'Authentication failed.')).toBe(
      'OBS rejected the password. Check the password in OBS → Tools → WebSocket Server Settings.',
    );
    expect(describeObsClose(4010, '')).toBe(
      'This OBS speaks an obs-websocket RPC version Showrunner does not support (needs obs-websocket 5).',
    );
    expect(describeObsClose(4011, '')).toBe('OBS ended this session (kicked from its WebSocket session list). Connect again when ready.');
    expect(describeObsClose(4007, 'Not identified')).toBe('OBS closed the connection because of a protocol error (code 4007: Not identified).');
    expect(describeObsClose(4002, '')).toBe('OBS closed the connection because of a protocol error (code 4002).');
  });

  it('describes network conditions with or without a reason and code', () => {
    expect(describeObsClose(1001, 'going away')).toBe('OBS is shutting down.');
    expect(describeObsClose(1006, '')).toBe('Cannot reach OBS (code 1006).');
    expect(describeObsClose(1006, 'connect ECONNREFUSED 127.0.0.1:4455')).toBe(
      'Cannot reach OBS: connect ECONNREFUSED 127.0.0.1:4455 (code 1006).',
    );
    expect(describeObsClose(-1, 'timeout')).toBe('Cannot reach OBS: timeout.');
    expect(describeObsClose(-1, '')).toBe('Cannot reach OBS.');
  });
});
