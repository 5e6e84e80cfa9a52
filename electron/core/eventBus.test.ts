import { describe, expect, it } from 'vitest';
import type { PushedEvent } from '../../shared/contract/index.js';
import { createEventBus } from './eventBus.js';

describe('createEventBus', () => {
  it('delivers each event to every subscriber until it unsubscribes', () => {
    const bus = createEventBus(() => undefined);
    const a: PushedEvent[] = [];
    const b: PushedEvent[] = [];
    const offA = bus.subscribe((e) => a.push(e));
    bus.subscribe((e) => b.push(e));
    bus.emit('catalog.changed', { ids: ['p1'], reason: 'created' });
    offA();
    offA(); // a second unsubscribe is harmless
    bus.emit('obs.sceneChanged', { connection: 'main', scene: 'Live' });
    expect(a).toEqual([{ name: 'catalog.changed', payload: { ids: ['p1'], reason: 'created' } }]);
    expect(b).toEqual([
      { name: 'catalog.changed', payload: { ids: ['p1'], reason: 'created' } },
      { name: 'obs.sceneChanged', payload: { connection: 'main', scene: 'Live' } },
    ]);
  });

  it('reports a throwing listener and still calls the others', () => {
    const errors: unknown[] = [];
    const bus = createEventBus((e) => errors.push(e));
    const seen: string[] = [];
    bus.subscribe(() => {
      throw new Error('listener broke');
    });
    bus.subscribe((e) => seen.push(e.name));
    bus.emit('obs.sceneChanged', { connection: 'main', scene: 'Live' });
    expect(seen).toEqual(['obs.sceneChanged']);
    expect(errors).toEqual([new Error('listener broke')]);
  });

  it('does not call a listener added during an emit in that same emit (no runaway loop)', () => {
    const bus = createEventBus(() => undefined);
    let calls = 0;
    const resubscribe = (): void => {
      calls++;
      if (calls > 1000) throw new Error('runaway');
      bus.subscribe(() => resubscribe());
    };
    bus.subscribe(() => resubscribe());
    bus.emit('obs.sceneChanged', { connection: 'main', scene: 'Live' });
    expect(calls).toBe(1);
    bus.emit('obs.sceneChanged', { connection: 'main', scene: 'Live' });
    expect(calls).toBe(3);
  });
});
