import { describe, expect, it } from 'vitest';
import { knownErrorCode } from './errors.js';

describe('knownErrorCode', () => {
  it('accepts the contract codes and nothing else', () => {
    expect(knownErrorCode('BAD_INPUT')).toBe('BAD_INPUT');
    expect(knownErrorCode('OBS_TIMEOUT')).toBe('OBS_TIMEOUT');
    expect(knownErrorCode('bad_input')).toBeNull();
    expect(knownErrorCode('toString')).toBeNull();
  });
});
