import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/contract/cues.js';
import { effectiveSession, upsertSession } from './sessions.js';

const s = (id: string, createdAt: number, status: Session['status'] = 'planned'): Session => ({
  id,
  title: id,
  plannedStart: null,
  status,
  createdAt,
  startedAt: null,
  endedAt: null,
});

describe('effectiveSession', () => {
  const list = [s('c', 3, 'ended'), s('b', 2, 'planned'), s('a', 1, 'live')];
  it('keeps the picked one while it exists', () => {
    expect(effectiveSession(list, 'c')?.id).toBe('c');
  });
  it('falls back to the live show, then the newest planned, then the newest', () => {
    expect(effectiveSession(list, 'gone')?.id).toBe('a');
    expect(effectiveSession([s('c', 3, 'ended'), s('b', 2)], null)?.id).toBe('b');
    expect(effectiveSession([s('c', 3, 'ended')], null)?.id).toBe('c');
    expect(effectiveSession([], null)).toBeNull();
  });
});

describe('upsertSession', () => {
  it('replaces by id and keeps newest first', () => {
    const out = upsertSession([s('b', 2), s('a', 1)], { ...s('a', 1), status: 'live' });
    expect(out.map((x) => `${x.id}:${x.status}`)).toEqual(['b:planned', 'a:live']);
    expect(upsertSession(out, s('c', 3)).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });
});
