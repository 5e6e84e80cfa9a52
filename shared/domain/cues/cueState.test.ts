import { describe, expect, it } from 'vitest';
import { cueReducer, currentIndex, endShow, gotoCue, idleCue, nextCue, previousCue, startShow, type CueOutcome, type CueState } from './cueState.js';

const ids = ['open', 'cup', 'price', 'close'];

function ok(o: CueOutcome): CueState {
  if (!o.ok) throw new Error(`refused: ${o.refusal} ${o.message}`);
  return o.state;
}

describe('cue reducers', () => {
  it('start → next → previous → goto → end', () => {
    let s = ok(startShow(idleCue(ids), 100));
    expect(s).toMatchObject({ status: 'live', currentId: 'open', segmentStartedAt: 100, showStartedAt: 100 });
    s = ok(nextCue(s, 200));
    expect(s.currentId).toBe('cup');
    expect(currentIndex(s)).toBe(1);
    s = ok(previousCue(s, 300));
    expect(s).toMatchObject({ currentId: 'open', segmentStartedAt: 300, showStartedAt: 100 });
    const g = gotoCue(s, 'close', 400);
    expect(g).toMatchObject({ ok: true, via: 'goto', previousId: 'open' });
    s = ok(g);
    expect(nextCue(s, 500)).toMatchObject({ ok: false, refusal: 'AT_END' });
    s = ok(endShow(s, 600));
    expect(s.status).toBe('ended');
    expect(nextCue(s, 700)).toMatchObject({ ok: false, refusal: 'ENDED' });
    expect(startShow(s, 700)).toMatchObject({ ok: false, refusal: 'ENDED' });
  });

  it('refuses what makes no sense', () => {
    const idle = idleCue(ids);
    expect(nextCue(idle, 1)).toMatchObject({ ok: false, refusal: 'NOT_LIVE' });
    expect(endShow(idle, 1)).toMatchObject({ ok: false, refusal: 'NOT_LIVE' });
    expect(startShow(idleCue([]), 1)).toMatchObject({ ok: false, refusal: 'EMPTY' });
    expect(startShow(idle, 1, 'nope')).toMatchObject({ ok: false, refusal: 'UNKNOWN_SEGMENT' });
    const live = ok(startShow(idle, 1, 'price'));
    expect(live.currentId).toBe('price');
    expect(startShow(live, 2)).toMatchObject({ ok: false, refusal: 'ALREADY_LIVE' });
    expect(gotoCue(live, 'nope', 2)).toMatchObject({ ok: false, refusal: 'UNKNOWN_SEGMENT' });
    expect(previousCue(ok(startShow(idle, 1)), 2)).toMatchObject({ ok: false, refusal: 'AT_START' });
  });

  it('refuses a Next from a controller that is behind (two presses at once advance once)', () => {
    const live = ok(startShow(idleCue(ids), 1));
    const first = ok(nextCue(live, 2, 'open'));
    expect(first.currentId).toBe('cup');
    expect(nextCue(first, 3, 'open')).toMatchObject({ ok: false, refusal: 'MOVED_ON' });
  });

  it('follows the current order when segments are moved while live', () => {
    const live = ok(startShow(idleCue(ids), 1));
    const reordered = { ...live, segmentIds: ['close', 'open', 'price', 'cup'] };
    expect(ok(nextCue(reordered, 2)).currentId).toBe('price');
    const removed = { ...live, segmentIds: ['cup', 'price'] };
    expect(ok(nextCue(removed, 2)).currentId).toBe('cup');
  });

  it('cueReducer dispatches every action', () => {
    const s = ok(cueReducer(idleCue(ids), { type: 'start', at: 1 }));
    expect(ok(cueReducer(s, { type: 'next', at: 2 })).currentId).toBe('cup');
    expect(ok(cueReducer(s, { type: 'goto', at: 2, segmentId: 'price' })).currentId).toBe('price');
    expect(cueReducer(s, { type: 'previous', at: 2 })).toMatchObject({ ok: false, refusal: 'AT_START' });
    expect(ok(cueReducer(s, { type: 'end', at: 3 })).status).toBe('ended');
  });
});
