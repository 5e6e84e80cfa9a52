import { useEffect, useState } from 'react';

/** The wall clock, re-read every `intervalMs` while `active` (for countdowns). */
export function useNow(intervalMs: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const tick = (): void => setNow(Date.now());
    const timer = setInterval(tick, intervalMs);
    queueMicrotask(tick);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}
