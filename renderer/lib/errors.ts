import { ERROR_CODES, type ErrorCode } from '../../shared/errors.js';

/** Codes arrive over the wire as strings; only the closed set gets a translated label. */
export function knownErrorCode(code: string): ErrorCode | null {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : null;
}
