/** Coalescing of chart redraws: however many updates arrive, at most one draw per animation frame. */
export interface FrameRequester {
  request(cb: () => void): number;
  cancel(handle: number): void;
}

/** Coalesces redraw requests into one draw per frame. */
export function createDrawScheduler(draw: () => void, frames: FrameRequester): { invalidate(): void; dispose(): void; draws(): number } {
  let handle: number | null = null;
  let count = 0;
  return {
    invalidate() {
      if (handle !== null) return;
      handle = frames.request(() => {
        handle = null;
        count++;
        draw();
      });
    },
    dispose() {
      if (handle !== null) frames.cancel(handle);
      handle = null;
    },
    draws: () => count,
  };
}
