import type { Clock } from '../clock.js';

/** Keeps the latest value and emits it at most once per interval: the first at once, the rest as one trailing emit. */
export interface Throttle<T> {
  push(value: T): void;
  /** Emits a pending value now (and restarts the interval): for changes that must not wait, such as a status. */
  flush(): void;
  /** Drops a pending value and its timer (the source went away). */
  cancel(): void;
}

export function createThrottle<T>(opts: {
  readonly clock: Clock;
  readonly intervalMs: number;
  readonly emit: (value: T) => void;
  /**
   * Emit even the first value on a timer rather than inside push(): push() is then cheap for the caller (an OBS
   * event handler that should not delay the command answers behind it). Default false.
   */
  readonly deferFirst?: boolean;
}): Throttle<T> {
  const { clock, intervalMs, emit } = opts;
  let lastEmitAt = -Infinity;
  let timer: unknown = null;
  let pending: { value: T } | null = null;

  const fire = (): void => {
    timer = null;
    if (pending === null) return;
    const { value } = pending;
    pending = null;
    lastEmitAt = clock.now();
    emit(value);
  };
  // Node's timers count from the event loop's cached time, so under load one can fire a little before its delay
  // has really passed: a timer that is early waits for the rest instead of emitting inside the interval.
  const onTimer = (): void => {
    timer = null;
    const early = lastEmitAt + intervalMs - clock.now();
    if (pending !== null && early > 0) timer = clock.setTimeout(onTimer, early);
    else fire();
  };

  return {
    push(value) {
      pending = { value };
      if (timer !== null) return;
      const wait = lastEmitAt + intervalMs - clock.now();
      if (wait > 0) timer = clock.setTimeout(onTimer, wait);
      else if (opts.deferFirst === true) timer = clock.setTimeout(onTimer, 0);
      else fire();
    },
    flush() {
      if (timer !== null) clock.clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
