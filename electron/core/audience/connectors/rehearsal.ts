import type { RehearsalConfig } from '../../../../shared/contract/audience.js';
import { createRehearsalRoom, reconfigureRoom, stepRoom, type RehearsalRoom, type RoomProduct } from '../../../../shared/domain/audience/rehearsalRoom.js';
import { seededRng } from '../../../../shared/domain/random.js';
import type { Clock } from '../../clock.js';
import type { IngestPipeline, SourceInfo } from '../pipeline.js';
import type { ConnectorLink } from './connector.js';

export const REHEARSAL_SOURCE: SourceInfo = { connectorId: 'rehearsal', platform: 'rehearsal', simulated: true };

/** Used when neither the cues nor the catalog name a product. */
export const DEMO_PRODUCT: RoomProduct = { id: null, sku: 'DEMO-001', name: '示例商品 Demo product', price: { amount: 9_900, currency: 'CNY' } };

/** How long the rehearsal presents one catalog product when nothing is being presented. */
const FALLBACK_PRODUCT_MS = 180_000;
/** Leave this much room in the pipeline queue for real sources; the room waits (and skips ahead) otherwise. */
const QUEUE_HEADROOM = 10_000;

export interface RehearsalDeps {
  readonly clock: Clock;
  readonly pipeline: IngestPipeline;
  readonly config: () => RehearsalConfig;
  /** The product being presented (cues), or null. */
  readonly currentProduct: () => RoomProduct | null;
  /** The catalog, for when nothing is presented. */
  readonly catalog: () => readonly RoomProduct[];
  readonly tickMs?: number;
}

/** The rehearsal room as a connector: every event it makes is labelled simulated. */
export interface RehearsalDriver {
  open(): Promise<ConnectorLink>;
  /** Applies new settings to the running room. */
  reconfigure(config: RehearsalConfig): void;
}

export function createRehearsalDriver(deps: RehearsalDeps): RehearsalDriver {
  const { clock, pipeline } = deps;
  const tickMs = deps.tickMs ?? 100;
  let room: RehearsalRoom | null = null;
  let fallback: { product: RoomProduct; until: number } | null = null;
  const pickRng = seededRng(deps.config().seed ^ 0x5eed);

  const product = (now: number): RoomProduct => {
    const presented = deps.currentProduct();
    if (presented) return presented;
    if (fallback && now < fallback.until) return fallback.product;
    const list = deps.catalog();
    const chosen = list.length === 0 ? DEMO_PRODUCT : (list[Math.floor(pickRng() * list.length)] ?? DEMO_PRODUCT);
    fallback = { product: chosen, until: now + FALLBACK_PRODUCT_MS };
    return chosen;
  };

  return {
    reconfigure(config) {
      if (room) reconfigureRoom(room, config);
    },
    open() {
      let timer: unknown = null;
      let open = true;
      let resolveEnded: (e: Error | null) => void = () => undefined;
      const ended = new Promise<Error | null>((r) => {
        resolveEnded = r;
      });
      const current = createRehearsalRoom(deps.config(), clock.now());
      room = current;
      const tick = (): void => {
        timer = null;
        if (!open) return;
        const now = clock.now();
        if (pipeline.room() >= QUEUE_HEADROOM) {
          const events = stepRoom(current, now, product(now));
          if (!pipeline.submit(REHEARSAL_SOURCE, events)) {
            // The queue filled between the check and the submit: the room simply skips this moment.
            current.lastAt = now;
          }
        } else {
          // Busy: do not add simulated load. The room's time moves on without events.
          current.lastAt = now;
        }
        timer = clock.setTimeout(tick, tickMs);
      };
      timer = clock.setTimeout(tick, tickMs);
      return Promise.resolve({
        ended,
        close() {
          open = false;
          if (timer !== null) clock.clearTimeout(timer);
          timer = null;
          if (room === current) room = null;
          resolveEnded(null);
          return Promise.resolve();
        },
      });
    },
  };
}
