import type { Clock } from '../clock.js';

export interface Screenshot {
  readonly source: string;
  readonly imageDataUrl: string;
  readonly takenAt: number;
}

/**
 * Thumbnails of one OBS, at most one request to OBS per source per `minIntervalMs` (GetSourceScreenshot renders a
 * frame on OBS's graphics thread: a grid of thumbnails polled by several browsers must not load it). A faster ask
 * gets the last image; asks while one is in flight share it.
 */
export class ScreenshotCache {
  private readonly clock: Clock;
  private readonly minIntervalMs: number;
  private readonly take: (source: string, width: number) => Promise<string>;
  private readonly last = new Map<string, Screenshot>();
  private readonly inFlight = new Map<string, Promise<Screenshot>>();
  private generation = 0;

  constructor(opts: { clock: Clock; take: (source: string, width: number) => Promise<string>; minIntervalMs?: number }) {
    this.clock = opts.clock;
    this.take = opts.take;
    this.minIntervalMs = opts.minIntervalMs ?? 500;
  }

  get(source: string, width: number): Promise<Screenshot> {
    const now = this.clock.now();
    const last = this.last.get(source);
    if (last && now - last.takenAt < this.minIntervalMs) return Promise.resolve(last);
    const running = this.inFlight.get(source);
    if (running) return running;
    const gen = this.generation;
    const p = this.take(source, width)
      .then((url) => {
        const shot: Screenshot = { source, imageDataUrl: jpegDataUrl(url), takenAt: now };
        if (gen === this.generation) this.last.set(source, shot);
        return shot;
      })
      .finally(() => {
        if (this.inFlight.get(source) === p) this.inFlight.delete(source);
      });
    this.inFlight.set(source, p);
    return p;
  }

  /** Forgets every image (OBS reconnected: a thumbnail of the previous session is not the current picture). */
  clear(): void {
    this.generation++;
    this.last.clear();
    this.inFlight.clear();
  }
}

/** OBS 29 labels its JPEGs `data:image/jpg`; the registered type is image/jpeg. */
export function jpegDataUrl(url: string): string {
  return url.startsWith('data:image/jpg;') ? `data:image/jpeg;${url.slice('data:image/jpg;'.length)}` : url;
}
