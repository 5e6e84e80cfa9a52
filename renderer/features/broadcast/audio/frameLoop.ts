/** A drawing callback run on an animation frame with the frame's timestamp (ms, performance clock). */
export type FrameDraw = (now: number) => void;

export interface FrameLoop {
  /** Registers a drawing callback; returns its removal. The loop runs only while callbacks are registered. */
  add(draw: FrameDraw): () => void;
}

export interface FrameScheduler {
  request(cb: (now: number) => void): number;
  cancel(handle: number): void;
}

/**
 * One requestAnimationFrame loop shared by many drawers (every meter of the mixer), so all of them update in the
 * same frame and nothing runs while nobody draws. A drawer that throws does not stop the others.
 */
export function createFrameLoop(scheduler: FrameScheduler): FrameLoop {
  const draws = new Set<FrameDraw>();
  let handle: number | null = null;

  const frame = (now: number): void => {
    handle = null;
    let failure: Error | null = null;
    for (const draw of draws) {
      try {
        draw(now);
      } catch (e) {
        failure ??= e instanceof Error ? e : new Error('a meter drawer failed');
      }
    }
    if (draws.size > 0) handle = scheduler.request(frame);
    if (failure !== null) throw failure; // reported by the browser; the next frame is already scheduled
  };

  return {
    add: (draw) => {
      draws.add(draw);
      handle ??= scheduler.request(frame);
      return () => {
        draws.delete(draw);
        if (draws.size === 0 && handle !== null) {
          scheduler.cancel(handle);
          handle = null;
        }
      };
    },
  };
}

/** The browser's animation frames (paused by the browser while the page is hidden). */
export const animationFrames: FrameScheduler = {
  request: (cb) => window.requestAnimationFrame(cb),
  cancel: (handle) => window.cancelAnimationFrame(handle),
};
