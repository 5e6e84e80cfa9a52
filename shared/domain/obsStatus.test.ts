import { describe, expect, it } from 'vitest';
import { describeObsStatus, obsStatusCode } from './obsStatus.js';

describe('obsStatusCode', () => {
  it('maps what a producer can cause to the contract codes', () => {
    expect(obsStatusCode(600)).toBe('NOT_FOUND');
    expect(obsStatusCode(500)).toBe('CONFLICT');
    expect(obsStatusCode(501)).toBe('CONFLICT');
    expect(obsStatusCode(506)).toBe('CONFLICT');
    expect(obsStatusCode(604)).toBe('CONFLICT');
    expect(obsStatusCode(402)).toBe('BAD_INPUT');
    expect(obsStatusCode(207)).toBe('UNAVAILABLE');
    expect(obsStatusCode(204)).toBe('OBS_REQUEST_FAILED');
    expect(obsStatusCode(702)).toBe('OBS_REQUEST_FAILED');
    expect(obsStatusCode(0)).toBe('OBS_REQUEST_FAILED');
  });
});

describe('describeObsStatus', () => {
  it("prefers OBS's comment", () => {
    expect(describeObsStatus('SetInputSettings', 600, 'No source was found by the name of `X`.')).toBe(
      'OBS refused SetInputSettings: No source was found by the name of `X`. (status 600)',
    );
  });
  it('says what a bare status means', () => {
    expect(describeObsStatus('StopStream', 501, '')).toBe('OBS refused StopStream: the output is not running (status 501)');
    expect(describeObsStatus('X', 799, ' ')).toBe('OBS refused X: no reason given (status 799)');
  });
});
