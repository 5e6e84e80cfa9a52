import { IngestEvent, type IngestEventInput, type RawAudienceEvent } from '../../../../shared/contract/audience.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { IngestPipeline, SourceInfo } from '../pipeline.js';
import type { ConnectorLink } from './connector.js';

/** What a platform link (TikTok LIVE, Twitch chat, YouTube live chat) gets to deliver its events. */
export interface PlatformLinkDeps {
  readonly pipeline: IngestPipeline;
  /** Stamped on every event of the link (connector id, platform, simulated = false). */
  readonly source: SourceInfo;
  readonly clock: Clock;
  readonly log: Logger;
  /** The platform message ids this connector delivered last: across its reconnects and, stored, app restarts. */
  readonly seen: RecentMessageIds;
}

/**
 * Message ids a connector has delivered. Platforms repeat recent messages: TikTok resends the room's recent
 * messages (with their original ids) on every new connection, YouTube's first poll returns the recent chat. Each
 * message must be stored once, across reconnects and app restarts (the audience service stores the ids).
 * Bounded: the most recent `max` ids are kept.
 */
export class RecentMessageIds {
  private readonly ids = new Set<string>();
  private dirty = false;
  constructor(
    initial: readonly string[] = [],
    private readonly max = 5_000,
  ) {
    for (const id of initial.slice(-max)) this.ids.add(id);
  }
  /** True the first time a message id is seen; messages without an id always pass. */
  fresh(id: string | undefined): boolean {
    if (id === undefined || id === '' || id === '0') return true;
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    this.dirty = true;
    if (this.ids.size > this.max) {
      const oldest = this.ids.values().next();
      if (oldest.done !== true) this.ids.delete(oldest.value);
    }
    return true;
  }
  /** The ids, oldest first, when some were added since the last call; else null. */
  takeChanges(): string[] | null {
    if (!this.dirty) return null;
    this.dirty = false;
    return [...this.ids];
  }
}

/** Opens one link to a platform with its (already unsealed) settings; the supervisor retries and marks gaps. */
export type OpenPlatformLink<Config> = (config: Config, deps: PlatformLinkDeps) => Promise<ConnectorLink>;

/** How long held events wait before the next try when the pipeline's queue is full. */
const HOLD_RETRY_MS = 50;
/** Events held at most while the pipeline is full; past this the link reports an error (never drops silently). */
const HOLD_MAX = 50_000;

export interface HeldSubmitter {
  /** Hands events to the pipeline; holds them (in order) while its queue is full. */
  deliver(events: readonly RawAudienceEvent[]): void;
  /** Events waiting for room. */
  held(): number;
  /** Stops the retry timer and hands over whatever is still held (the pipeline stores its queue first to make room). */
  close(): void;
}

/**
 * Backpressure for a push-style platform link: the platform does not wait for us, so what the pipeline refuses is
 * held here in arrival order and offered again every 50 ms. `onOverflow` is called (once per overflow) when the
 * hold passes 50,000 events, so the link can fail loudly and the supervisor records the gap.
 */
export function createHeldSubmitter(deps: PlatformLinkDeps, onOverflow: (held: number) => void): HeldSubmitter {
  const queue: RawAudienceEvent[][] = [];
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let overflowed = false;

  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const flush = (): void => {
    timer = null;
    while (queue.length > 0) {
      const head = queue[0];
      if (head === undefined || !deps.pipeline.submit(deps.source, head)) break;
      queue.shift();
      count -= head.length;
    }
    if (queue.length > 0) timer = setTimeout(flush, HOLD_RETRY_MS);
    else overflowed = false;
  };

  return {
    deliver(events) {
      if (events.length === 0) return;
      if (queue.length === 0 && deps.pipeline.submit(deps.source, events)) return;
      queue.push([...events]);
      count += events.length;
      if (count > HOLD_MAX && !overflowed) {
        overflowed = true;
        onOverflow(count);
      }
      timer ??= setTimeout(flush, HOLD_RETRY_MS);
    },
    held: () => count,
    close() {
      stopTimer();
      flush();
      if (queue.length > 0) {
        deps.pipeline.drain();
        flush();
      }
      stopTimer();
      if (count > 0) deps.log.error('platform link closed with events the pipeline could not take', { connector: deps.source.connectorId, held: count });
    },
  };
}

/** Checks each event a platform link built against the ingest schema against the ingest schema; what does not fit is reported, never passed on. */
export function validEvents(inputs: readonly IngestEventInput[], onInvalid: (why: string) => void): RawAudienceEvent[] {
  const out: RawAudienceEvent[] = [];
  for (const input of inputs) {
    const r = IngestEvent.safeParse(input);
    if (r.success) out.push(r.data);
    else onInvalid(`${input.kind}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  return out;
}

/** Cuts platform text to `max` UTF-16 units, never leaving half of a surrogate pair (an emoji) at the end. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
