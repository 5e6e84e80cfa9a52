import {
  BRIDGE_KEY,
  type ShowrunnerBridge,
} from '../../shared/contract/bridge.js';
import {
  events as eventSchemas,
  isEventName,
  type CommandInput,
  type CommandName,
  type CommandOutput,
  type EventName,
  type EventPayload,
  type PushedEvent,
} from '../../shared/contract/index.js';
import { ServerFrame } from '../../shared/contract/wire.js';
import { backoffDelay } from '../../shared/domain/backoff.js';
import type { Result } from '../../shared/errors.js';

export type LinkStatus = 'connecting' | 'open' | 'closed';

/** The renderer's only door to the core; feature hooks use it, components never do. */
export interface Api {
  readonly transport: 'ipc' | 'ws';
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  onAny(listener: (event: PushedEvent) => void): () => void;
  linkStatus(): LinkStatus;
  onLinkStatus(listener: (s: LinkStatus) => void): () => void;
}

type Listener = (event: PushedEvent) => void;

function fanOut(): { listeners: Set<Listener>; emit: Listener } {
  const listeners = new Set<Listener>();
  return {
    listeners,
    emit: (e) => {
      for (const l of listeners) l(e);
    },
  };
}

function makeApi(
  transport: 'ipc' | 'ws',
  call: (command: string, input: unknown) => Promise<Result<unknown>>,
  listeners: Set<Listener>,
  status: () => LinkStatus,
  statusListeners: Set<(s: LinkStatus) => void>,
): Api {
  return {
    transport,
    call: (command, input) => call(command, input) as never,
    on: (name, listener) => {
      const l: Listener = (e) => {
        if (e.name === name) listener(e.payload as never);
      };
      listeners.add(l);
      return () => listeners.delete(l);
    },
    onAny: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    linkStatus: status,
    onLinkStatus: (l) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
  };
}

/** The Electron transport: the preload bridge. */
export function ipcApi(bridge: ShowrunnerBridge): Api {
  const { listeners, emit } = fanOut();
  bridge.onEvent(emit);
  return makeApi(
    'ipc',
    (command, input) => bridge.invoke(command as CommandName, input as never),
    listeners,
    () => 'open',
    new Set(),
  );
}

/** The console host's WebSocket: reconnects with backoff; calls made while offline fail fast with UNAVAILABLE. */
export function wsApi(url: string): Api {
  const { listeners, emit } = fanOut();
  const statusListeners = new Set<(s: LinkStatus) => void>();
  const pending = new Map<number, (r: Result<unknown>) => void>();
  let socket: WebSocket | null = null;
  let status: LinkStatus = 'connecting';
  let nextId = 1;
  let attempt = 0;
  const waiting: (() => void)[] = [];

  const setStatus = (s: LinkStatus): void => {
    status = s;
    for (const l of statusListeners) l(s);
  };

  const open = (): void => {
    setStatus('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
      for (const w of waiting.splice(0)) w();
    };
    ws.onmessage = (msg) => {
      let frame: ServerFrame;
      try {
        frame = ServerFrame.parse(JSON.parse(String(msg.data)));
      } catch {
        return; // a frame we cannot read is ignored, never fatal
      }
      if (frame.type === 'result') {
        const resolve = pending.get(frame.id);
        pending.delete(frame.id);
        resolve?.(frame.result as Result<unknown>);
      } else if (frame.type === 'event' && isEventName(frame.name)) {
        const parsed = eventSchemas[frame.name].safeParse(frame.payload);
        if (parsed.success) emit({ name: frame.name, payload: parsed.data } as PushedEvent);
      }
    };
    ws.onclose = () => {
      socket = null;
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'the connection to the console host was lost' } });
      }
      setStatus('closed');
      attempt++;
      setTimeout(open, backoffDelay(attempt, { baseMs: 250, capMs: 5000 }, Math.random()));
    };
  };
  open();

  const send = (command: string, input: unknown): Promise<Result<unknown>> =>
    new Promise((resolve) => {
      const go = (): void => {
        if (!socket || socket.readyState !== WebSocket.OPEN) {
          resolve({ ok: false, error: { code: 'UNAVAILABLE', message: 'not connected to the console host' } });
          return;
        }
        const id = nextId++;
        pending.set(id, resolve);
        socket.send(JSON.stringify({ type: 'call', id, command, input }));
      };
      if (status === 'connecting') waiting.push(go);
      else go();
    });

  return makeApi('ws', send, listeners, () => status, statusListeners);
}

/** Picks the transport: the Electron preload's bridge when present, else the console host's WebSocket. */
export function createApi(): Api {
  const bridge = (window as unknown as Record<string, ShowrunnerBridge | undefined>)[BRIDGE_KEY];
  if (bridge) return ipcApi(bridge);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return wsApi(`${scheme}://${location.host}/ws`);
}
