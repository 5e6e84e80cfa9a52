import type { Session } from '../../../shared/contract/cues.js';

/** localStorage key of the show this device works on (Queue, Scripts and Live pages share it). */
export const SESSION_STORAGE_KEY = 'showrunner.session';

/**
 * The show to work on: the one this device picked if it still exists, else the live one, else the newest that has
 * not ended, else the newest.
 */
export function effectiveSession(sessions: readonly Session[], picked: string | null): Session | null {
  return (
    sessions.find((s) => s.id === picked) ??
    sessions.find((s) => s.status === 'live') ??
    sessions.find((s) => s.status === 'planned') ??
    sessions[0] ??
    null
  );
}

/** Adds or replaces a session, newest first (by creation time, as session.list sorts). */
export function upsertSession(list: readonly Session[], s: Session): Session[] {
  const rest = list.filter((x) => x.id !== s.id);
  return [...rest, s].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
