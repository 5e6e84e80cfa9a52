import { describe, expect, it } from 'vitest';
import { createFrameLoop, type FrameScheduler } from './frameLoop.js';

function fakeFrames(): FrameScheduler & { pending: () => number; tick: (now: number) => void } {
  const queue = new Map<number, (now: number) => void>();
  let next = 1;
  return {
    request: (cb) => {
      queue.set(next, cb);
      return next++;
    },
    cancel: (h) => queue.delete(h),
    pending: () => queue.size,
    tick: (now) => {
      const due = [...queue.values()];
      queue.clear();
      for (const cb of due) cb(now);
    },
  };
}

describe('createFrameLoop', () => {
  it('runs every drawer in one frame and stops when the last one leaves', () => {
    const frames = fakeFrames();
    const loop = createFrameLoop(frames);
    const seen: string[] = [];
    const offA = loop.add((now) => seen.push(`a${now}`));
    const offB = loop.add((now) => seen.push(`b${now}`));
    expect(frames.pending()).toBe(1);
    frames.tick(16);
    expect(seen).toEqual(['a16', 'b16']);
    offA();
    frames.tick(32);
    expect(seen).toEqual(['a16', 'b16', 'b32']);
    offB();
    expect(frames.pending()).toBe(0);
  });

  it('keeps drawing the others when one drawer throws', () => {
    const frames = fakeFrames();
    const loop = createFrameLoop(frames);
    let drawn = 0;
    loop.add(() => {
      throw new Error('boom');
    });
    loop.add(() => drawn++);
    expect(() => frames.tick(16)).toThrow('boom');
    expect(drawn).toBe(1);
    expect(frames.pending()).toBe(1);
  });
});
