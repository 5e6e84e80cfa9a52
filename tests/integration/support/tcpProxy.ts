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
  const pairs = new Set<Pair>();

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
    client.on('data', (b: Buffer) => {
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

  const destroyAll = (): void => {
    for (const p of [...pairs]) {
      pairs.delete(p);
      p.client.destroy();
      p.upstream.destroy();
    }
  };

  return {
    port,
    url: `ws://127.0.0.1:${port}`,
    accepted: () => accepted,
    live: () => pairs.size,
    droppedUpstreamBytes: () => dropped,
    setMode: (m) => {
      mode = m;
    },
    destroyAll,
    close: () =>
      new Promise<void>((resolve) => {
        destroyAll();
        server.close(() => resolve());
      }),
  };
}
