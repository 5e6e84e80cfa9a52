import type { EventName, EventPayload, PushedEvent } from '../../shared/contract/index.js';

export type EventListener = (event: PushedEvent) => void;

/** Pushed events of the contract, fanned out to every transport's subscribers. */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  /** Returns its own unsubscribe function. */
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onListenerError: (e: unknown) => void): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const event = { name, payload } as PushedEvent;
      // Iterate a snapshot: a listener that subscribes another during emit must not be called back in the same
      // emit (a listener that re-subscribes itself would loop forever).
      for (const l of [...listeners]) {
        try {
          l(event);
        } catch (e) {
          onListenerError(e);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
