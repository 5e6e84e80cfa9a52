import { describe, expect, it } from 'vitest';
import type { ConnectorStatus } from '../../../../shared/contract/audience.js';
import type { Clock } from '../../clock.js';
import { createLogger, memorySink } from '../../logger.js';
import type { EventLog, NewEvent } from '../../store/eventLog.js';
import { createSupervisedConnector, FatalConnectorError, type ConnectorLink } from './connector.js';

/** A clock that moves when told, running due timers in order. */
function manualClock(start: number): Clock & { advance(ms: number): Promise<void> } {
  let now = start;
  let next = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = next++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(h) {
      timers.delete(h as number);
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
        // Let the connector's promise chains run before the next timer.
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      now = until;
    },
  };
}

function fakeLog(): EventLog & { appended: NewEvent[] } {
  const appended: NewEvent[] = [];
  return {
    appended,
    appendNow(es) {
      appended.push(...es);
      return es.map((_, i) => `id${appended.length + i}`);
    },
    enqueue: () => 'id',
    flush: () => 0,
    pending: () => 0,
    read: () => [],
    count: () => appended.length,
    close: () => undefined,
  };
}

/** A link that can be broken or finished from the test. */
function controllable(): { link: ConnectorLink; end(e: Error | null): void } {
  let end: (e: Error | null) => void = () => undefined;
  const ended = new Promise<Error | null>((r) => {
    end = r;
  });
  return { link: { ended, close: () => Promise.resolve() }, end: (e) => end(e) };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('supervised connector', () => {
  const setup = (open: () => Promise<ConnectorLink>) => {
    const clock = manualClock(1_000_000);
    const events = fakeLog();
    const states: ConnectorStatus['state'][] = [];
    const c = createSupervisedConnector({
      id: 'tiktok',
      kind: 'ingest',
      label: 'test',
      simulated: false,
      clock,
      log: createLogger('t', memorySink()),
      events,
      backoff: { baseMs: 1_000, capMs: 8_000 },
      random01: () => 0,
      open,
      onStatus: (s) => states.push(s.state),
    });
    return { c, clock, events, states };
  };

  it('reconnects with backoff after a break and records the outage as a ConnectorGap', async () => {
    const links: ReturnType<typeof controllable>[] = [];
    let failures = 2;
    const { c, clock, events, states } = setup(() => {
      if (links.length > 0 && failures-- > 0) return Promise.reject(new Error('ECONNREFUSED'));
      const l = controllable();
      links.push(l);
      return Promise.resolve(l.link);
    });
    expect((await c.start()).state).toBe('running');
    links[0]?.end(new Error('socket closed'));
    await flush();
    expect(c.status().state).toBe('reconnecting');
    // Backoff with random 0: 500 ms, then 1,000 ms, then 2,000 ms.
    await clock.advance(500);
    await clock.advance(1_000);
    expect(c.status().state).toBe('reconnecting');
    expect(events.appended).toEqual([]);
    await clock.advance(2_000);
    expect(c.status().state).toBe('running');
    expect(events.appended).toEqual([
      { type: 'ConnectorGap', subject: 'connector:tiktok', payload: { connectorId: 'tiktok', from: 1_000_000, to: 1_003_500, reason: 'socket closed' } },
    ]);
    expect(c.status()).toMatchObject({ gaps: 1, errors: 3, lastError: 'ECONNREFUSED' });
    expect(states).toEqual(['starting', 'running', 'reconnecting', 'running']);
    expect(c.health()).toEqual({ ok: true, reason: null });
  });

  it('fails without retrying on a fatal error', async () => {
    const { c, clock } = setup(() => Promise.reject(new FatalConnectorError('bad credentials')));
    expect((await c.start()).state).toBe('failed');
    await clock.advance(60_000);
    expect(c.status()).toMatchObject({ state: 'failed', errors: 1, lastError: 'bad credentials' });
    expect(c.health()).toEqual({ ok: false, reason: 'failed: bad credentials' });
  });

  it('fails without retrying when a running link ends with a fatal error (a chat that ended)', async () => {
    let opens = 0;
    const l = controllable();
    const { c, clock, events, states } = setup(() => {
      opens++;
      return Promise.resolve(l.link);
    });
    await c.start();
    l.end(new FatalConnectorError('the live chat has ended'));
    await flush();
    await clock.advance(60_000);
    expect(c.status()).toMatchObject({ state: 'failed', errors: 1, lastError: 'the live chat has ended', gaps: 0 });
    expect(opens).toBe(1);
    expect(states).toEqual(['starting', 'running', 'failed']);
    expect(events.appended).toEqual([]);
  });

  it('stops when its source finishes, and a stop by the producer leaves no gap', async () => {
    const l = controllable();
    const { c, events, clock } = setup(() => Promise.resolve(l.link));
    await c.start();
    l.end(null);
    await flush();
    expect(c.status().state).toBe('stopped');
    const again = setup(() => Promise.reject(new Error('down')));
    await again.c.start();
    expect(again.c.status().state).toBe('reconnecting');
    await again.c.stop();
    await again.clock.advance(60_000);
    expect(again.c.status().state).toBe('stopped');
    expect(again.events.appended).toEqual([]);
    expect(events.appended).toEqual([]);
    await clock.advance(1);
  });

  it('counts delivered events', () => {
    const { c } = setup(() => Promise.resolve(controllable().link));
    c.noteEvents(10, 5);
    c.noteEvents(5, 9);
    expect(c.status()).toMatchObject({ events: 15, lastEventAt: 9 });
  });
});
