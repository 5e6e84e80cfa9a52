import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * What the proxy does with connections:
 * - forward: relays bytes both ways (a healthy network);
 * - refuse: accepts new TCP connections and closes them at once (OBS "down"); live ones keep forwarding;
 * - blackhole: keeps every connection open but drops every byte both ways (a dead network path).
 */
export type ProxyMode = 'forward' | 'refuse' | 'blackhole';

/** A tiny TCP proxy on 127.0.0.1 in front of OBS, to count connections and to cut them on demand. */
export interface TcpProxy {
  readonly port: number;
  /** ws://127.0.0.1:<port> */
  readonly url: string;
  /** Client connections accepted so far, in any mode. */
  accepted(): number;
  /** Client connections open right now. */
  live(): number;
  /** Bytes swallowed in blackhole mode, client → OBS. */
  droppedUpstreamBytes(): number;
  setMode(mode: ProxyMode): void;
  /**
   * One-shot trigger: when any client connection sends its `chunk`-th data chunk (1-based), first switch to
   * `mode`, then (if `cut`) destroy every connection. The chunk itself is not forwarded. Lets a test land a fault
   * at an exact protocol step, e.g. chunk 3 of the core's command socket is its first request after Identify
   * (1: HTTP upgrade, 2: Identify, both answered by OBS before the next is sent).
   */
  armOnClientChunk(chunk: number, action: { readonly mode: ProxyMode; readonly cut: boolean }): void;
  /** Whether the armed trigger has fired. */
  fired(): boolean;
  /** Destroys every open connection (both sides, no WebSocket close frame: the client sees 1006). */
  destroyAll(): void;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
}

export async function startTcpProxy(target: { readonly host: string; readonly port: number }): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  let accepted = 0;
  let dropped = 0;
  let armed: { readonly chunk: number; readonly mode: ProxyMode; readonly cut: boolean } | null = null;
  let fired = false;
  const pairs = new Set<Pair>();

  const destroyAll = (): void => {
    for (const p of [...pairs]) {
      pairs.delete(p);
      p.client.destroy();
      p.upstream.destroy();
    }
  };

  const server = createServer((client) => {
    accepted++;
    client.setNoDelay(true);
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    const upstream = connect({ host: target.host, port: target.port });
    upstream.setNoDelay(true);
    const pair: Pair = { client, upstream };
    pairs.add(pair);
    const end = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    let chunks = 0;
    client.on('data', (b: Buffer) => {
      chunks++;
      if (armed !== null && chunks === armed.chunk) {
        const trigger = armed;
        armed = null;
        fired = true;
        mode = trigger.mode;
        dropped += b.length;
        if (trigger.cut) destroyAll();
        return;
      }
      if (mode === 'blackhole') dropped += b.length;
      else upstream.write(b);
    });
    upstream.on('data', (b: Buffer) => {
      if (mode !== 'blackhole') client.write(b);
    });
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    accepted: () => accepted,
    live: () => pairs.size,
    droppedUpstreamBytes: () => dropped,
    setMode: (m) => {
      mode = m;
    },
    armOnClientChunk: (chunk, action) => {
      armed = { chunk, ...action };
      fired = false;
    },
    fired: () => fired,
    destroyAll,
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}
