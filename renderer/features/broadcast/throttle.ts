export interface ThrottleTimers {
  now(): number;
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Throttle<T> {
  /** Sends `value` now if the interval has passed since the last send, else sends the latest value when it has. */
  push(value: T): void;
  /** Sends a waiting value at once (e.g. when a fader is released). */
  flush(): void;
  /** Drops a waiting value. */
  cancel(): void;
}

/**
 * At most one send per `intervalMs`, always ending with the latest value (leading and trailing edge): a fader
 * dragged across its range sends a handful of volumes, and the last one is where it stopped.
 */
export function createThrottle<T>(send: (value: T) => void, intervalMs: number, timers: ThrottleTimers): Throttle<T> {
  let lastSent = Number.NEGATIVE_INFINITY;
  let waiting: { value: T } | null = null;
  let timer: unknown = null;

  const fire = (): void => {
    timer = null;
    if (!waiting) return;
    const { value } = waiting;
    waiting = null;
    lastSent = timers.now();
    send(value);
  };

  return {
    push: (value) => {
      waiting = { value };
      const wait = lastSent + intervalMs - timers.now();
      if (wait <= 0 && timer === null) fire();
      else timer ??= timers.setTimeout(fire, Math.max(0, wait));
    },
    flush: () => {
      if (timer !== null) timers.clearTimeout(timer);
      fire();
    },
    cancel: () => {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      waiting = null;
    },
  };
}

/** The browser's clock and timers. */
export const browserTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (cb, ms) => window.setTimeout(cb, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};
