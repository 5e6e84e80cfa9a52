/**
 * Bounded wait for a condition that no event announces (a counter in a test proxy, a process exit): polls every
 * `intervalMs` and rejects with `what` after `timeoutMs`. Prefer awaiting an event where there is one.
 */
export async function waitUntil(
  condition: () => boolean,
  opts: { readonly timeoutMs: number; readonly what: string; readonly intervalMs?: number },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    if (condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${opts.timeoutMs} ms waiting for ${opts.what}`);
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 20));
  }
}

/** Lets `ms` pass. Only for asserting that something does NOT happen within a window. */
export function elapse(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
