import type { ErrorCode } from '../errors.js';

/**
 * What an obs-websocket v5 request status means for the console. OBS often sends no comment with a refusal
 * (StopStream while offline is "501" and nothing else), so the console says it in words, and maps the statuses a
 * producer can cause to the contract's codes: a missing scene is NOT_FOUND, an output already running CONFLICT.
 */
export function obsStatusCode(status: number): ErrorCode {
  if (status === 600) return 'NOT_FOUND';
  if ((status >= 500 && status <= 506) || status === 601 || status === 604) return 'CONFLICT';
  if (status >= 400 && status <= 404) return 'BAD_INPUT';
  if (status === 207) return 'UNAVAILABLE';
  return 'OBS_REQUEST_FAILED';
}

const WORDS: Readonly<Record<number, string>> = {
  204: 'this OBS does not know the request (obs-websocket is older than the request)',
  207: 'OBS is not ready yet',
  500: 'the output is already running',
  501: 'the output is not running',
  502: 'the output is paused',
  503: 'the output is not paused',
  504: 'the output is disabled',
  505: 'studio mode is on',
  506: 'studio mode is off',
  600: 'it does not exist',
  601: 'it already exists',
  602: 'it is the wrong kind of source',
  604: 'it is not in a state that allows this',
  605: 'OBS has no such input kind',
  700: 'OBS could not create it',
  701: 'OBS could not do it',
};

/** A sentence for a refused request: OBS's own comment when it gave one, else what the status means. */
export function describeObsStatus(requestType: string, status: number, comment: string): string {
  const why = comment.trim() || WORDS[status] || 'no reason given';
  return `OBS refused ${requestType}: ${why}${status ? ` (status ${status})` : ''}`;
}
