/** One reading of a connector's event counter. */
export interface Reading {
  readonly events: number;
  readonly at: number;
  /** The rate computed at this reading, kept for readings that come too soon to compute a new one. */
  readonly rate: number | null;
}

/**
 * Events per second of each connector since its previous reading (ms clock). A reading less than 200 ms after
 * the previous one keeps the previous one (base and rate), so a pushed status right after a poll does not read as 0/s.
 */
export function eventRates(
  previous: ReadonlyMap<string, Reading>,
  current: readonly { id: string; events: number }[],
  now: number,
): { rates: Map<string, number>; readings: Map<string, Reading> } {
  const rates = new Map<string, number>();
  const readings = new Map<string, Reading>();
  for (const c of current) {
    const prev = previous.get(c.id);
    if (prev && now - prev.at < 200) {
      readings.set(c.id, prev);
      if (prev.rate !== null) rates.set(c.id, prev.rate);
      continue;
    }
    const rate = prev && c.events >= prev.events ? ((c.events - prev.events) * 1000) / (now - prev.at) : null;
    if (rate !== null) rates.set(c.id, rate);
    readings.set(c.id, { events: c.events, at: now, rate });
  }
  return { rates, readings };
}
