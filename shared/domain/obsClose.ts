import type { ObsFailure } from '../contract/obs.js';
import { assertNever } from '../errors.js';

/**
 * What a WebSocket close code from obs-websocket v5 means for reconnecting. Auth and version errors are the
 * user's to fix: retrying them only hammers OBS. 4011 is OBS's "Kick" button: the protocol says a kicked client
 * must not reconnect by itself. Everything else (1006 crash, 1001 OBS exiting, refused TCP) is a network
 * condition and is retried with backoff.
 */
export function classifyObsClose(code: number): ObsFailure {
  switch (code) {
    case 4009: // AuthenticationFailed
      return 'auth';
    case 4010: // UnsupportedRpcVersion
      return 'version';
    case 4002: // MessageDecodeError
    case 4003: // MissingDataField
    case 4004: // InvalidDataFieldType
    case 4005: // InvalidDataFieldValue
    case 4006: // UnknownOpCode
    case 4007: // NotIdentified
    case 4008: // AlreadyIdentified
    case 4011: // SessionInvalidated ("Kick" in OBS's session list): never reconnect automatically
    case 4012: // UnsupportedFeature
      return 'config';
    default:
      return 'network';
  }
}

export function describeObsClose(code: number, reason: string): string {
  const failure = classifyObsClose(code);
  switch (failure) {
    case 'auth':
      return 'OBS rejected the password. Check the password in OBS → Tools → WebSocket Server Settings.';
    case 'version':
      return 'This OBS speaks an obs-websocket RPC version Showrunner does not support (needs obs-websocket 5).';
    case 'config':
      if (code === 4011) return 'OBS ended this session (kicked from its WebSocket session list). Connect again when ready.';
      return `OBS closed the connection because of a protocol error (code ${code}${reason ? `: ${reason}` : ''}).`;
    case 'network':
      return code === 1001
        ? 'OBS is shutting down.'
        : `Cannot reach OBS${reason ? `: ${reason}` : ''}${code > 0 ? ` (code ${code})` : ''}.`;
    default:
      return assertNever(failure, 'OBS failure');
  }
}
