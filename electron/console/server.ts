import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, type ServerFrame } from '../../shared/contract/wire.js';
import type { Core } from '../core/core.js';
import type { Logger } from '../core/logger.js';
import { bearerOf, cookieOf, safeEqual, SESSION_COOKIE, SessionRegistry } from './auth.js';
import { createControlApi } from './controlApi.js';
import { BodyError, readBody, securityHeaders, sendError, sendJson } from './http.js';
import { createIngestEndpoints } from './ingest.js';
import { createOrderWebhooks } from './orderWebhooks.js';
import { serveStatic } from './staticFiles.js';

export interface ConsoleHostOptions {
  readonly core: Core;
  readonly log: Logger;
  /** Where the built renderer lives (dist/renderer). */
  readonly staticDir: string;
  readonly port: number;
  /** true: bind 0.0.0.0 and require the token or a pairing for every request. */
  readonly lan: boolean;
  readonly accessToken: string;
  readonly sessions?: SessionRegistry;
  /** Told the next pairing code after a device pairs (the terminal shows it to the producer). */
  readonly onPaired?: (nextCode: string) => void;
}

export interface ConsoleHost {
  readonly url: string;
  readonly port: number;
  readonly sessions: SessionRegistry;
  /** Number of connected WebSocket clients. */
  clients(): number;
  close(): Promise<void>;
}

const WS_MAX_PAYLOAD = 8 * 1024 * 1024;
/** A client this far behind on pushed events is disconnected rather than buffered without bound. */
const WS_MAX_BUFFERED = 32 * 1024 * 1024;


function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function peerOf(req: IncomingMessage): string {
  return `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? 0}`;
}

/**
 * The console host: serves the renderer and the contract over HTTP + WebSocket, and the local control API
 * (/api/v1) for Stream Deck / Companion-style controllers.
 *
 * Who may do what:
 * - /api/v1/* always needs `Authorization: Bearer <token>` (except /api/v1/health).
 * - Loopback mode: the UI and its WebSocket are open to this machine only; the Host header must name the
 *   loopback address (defeats DNS rebinding) and a WebSocket's Origin must be the host itself (defeats other
 *   web pages driving the console).
 * - LAN mode: the UI and WebSocket need a session cookie (from `/?token=…` or the pairing code) or the token.
 */
export async function startConsoleHost(opts: ConsoleHostOptions): Promise<ConsoleHost> {
  const { core, log, lan, accessToken } = opts;
  const sessions = opts.sessions ?? new SessionRegistry();
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  let port = opts.port;
  const controlApi = createControlApi(core);
  // Generic audience ingest: authenticated by per-source tokens, outside the UI's access rules.
  const ingest = createIngestEndpoints(core, log.child('ingest'));
  // Order webhooks: authenticated by the shop's HMAC signature or a per-source token.
  const orderWebhooks = createOrderWebhooks(core.metrics.orders, log.child('orders'));

  const hasToken = (req: IncomingMessage): boolean => {
    const t = bearerOf(req);
    return t !== null && safeEqual(t, accessToken);
  };
  const uiAllowed = (req: IncomingMessage): boolean => {
    if (!lan) return isLoopbackHost(req.headers.host, port);
    return hasToken(req) || sessions.valid(cookieOf(req, SESSION_COOKIE));
  };
  const setSessionCookie = (res: ServerResponse, id: string): void => {
    res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000`);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path === '/api/v1/health' && req.method === 'GET') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (!hasToken(req)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="showrunner"');
      sendError(res, 401, 'UNAUTHORIZED', 'send Authorization: Bearer <token> (printed when the console host starts)');
      return;
    }
    await controlApi.handle(req, res, path, { transport: 'http', peer: peerOf(req) });
  };

  const pairPage = (message: string): string =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Showrunner · pair this device</title>` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<style>body{background:#0f1115;color:#e8eaf0;font:18px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0}` +
    `form{display:grid;gap:12px;min-width:280px}input,button{font-size:24px;padding:10px;border-radius:8px;border:1px solid #444;background:#1a1d24;color:inherit}` +
    `button{background:#3b6ef5;border:0}p{color:#f5b73b}</style></head><body><form method="post" action="/pair">` +
    `<h1>Showrunner</h1><label for="code">Pairing code shown on the console host / 配对码</label>` +
    `<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required autofocus>` +
    `<button type="submit">Pair / 配对</button>${message ? `<p role="alert">${message}</p>` : ''}</form></body></html>`;

  const handlePair = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(pairPage(''));
      return;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, 'BAD_INPUT', 'use GET or POST');
      return;
    }
    const body = await readBody(req, 1024);
    const code = new URLSearchParams(body).get('code') ?? '';
    const outcome = sessions.pair(code, req.socket.remoteAddress ?? '?');
    if (outcome === 'locked') {
      res.writeHead(429, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60' });
      res.end(pairPage('Too many wrong codes. Wait a minute. / 错误次数过多，请一分钟后再试。'));
      return;
    }
    if (outcome === null) {
      res.writeHead(401, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(pairPage('Wrong code. / 配对码错误。'));
      return;
    }
    log.info('device paired', { peer: peerOf(req) });
    opts.onPaired?.(sessions.code());
    setSessionCookie(res, outcome.session);
    res.writeHead(303, { Location: '/' });
    res.end();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const path = url.pathname;
    if (path.startsWith('/api/')) {
      await handleApi(req, res, path);
      return;
    }
    if (path.startsWith('/ingest/')) {
      await ingest.handle(req, res, path);
      return;
    }
    if (path.startsWith('/webhooks/')) {
      await orderWebhooks.handle(req, res, path);
      return;
    }
    if (!lan && !isLoopbackHost(req.headers.host, port)) {
      sendError(res, 421, 'FORBIDDEN', 'the console host answers to 127.0.0.1 / localhost only (start it with --lan for other devices)');
      return;
    }
    if (lan && path === '/pair') {
      await handlePair(req, res);
      return;
    }
    if (lan && !uiAllowed(req)) {
      const token = url.searchParams.get('token');
      if (token !== null && safeEqual(token, accessToken)) {
        setSessionCookie(res, sessions.create());
        res.writeHead(303, { Location: path });
        res.end();
        return;
      }
      res.writeHead(303, { Location: '/pair' });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, 'BAD_INPUT', 'the console UI is read with GET');
      return;
    }
    if (!serveStatic(opts.staticDir, path, res, req.method === 'HEAD')) {
      sendError(res, 404, 'NOT_FOUND', `not found: ${path}`);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (e instanceof BodyError) {
        if (!res.headersSent) sendError(res, e.status, 'BAD_INPUT', e.message);
        return;
      }
      log.error('request failed', { url: req.url, error: String(e) });
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'the console host could not answer this request');
      else res.destroy();
    });
  });
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://console.invalid').pathname;
    if (path === '/ingest/ws') {
      ingest.upgrade(req, socket, head);
      return;
    }
    const origin = req.headers.origin;
    const originOk = origin === undefined || origin === `http://${req.headers.host ?? ''}`;
    if (path !== '/ws' || !uiAllowed(req) || !originOk) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      serveSocket(ws, peerOf(req));
    });
  });

  const serveSocket = (ws: WebSocket, peer: string): void => {
    const send = (frame: ServerFrame): void => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > WS_MAX_BUFFERED) {
        log.warn('client too slow for pushed events; disconnecting it', { peer });
        ws.close(1013, 'too slow');
        return;
      }
      ws.send(JSON.stringify(frame));
    };
    const unsubscribe = core.subscribe((event) => {
      send({ type: 'event', name: event.name, payload: event.payload });
    });
    send({ type: 'hello', protocol: 1, serverTime: Date.now() });
    ws.on('message', (data, isBinary) => {
      let frame: ClientFrame;
      try {
        if (isBinary) throw new Error('binary frames are not part of the protocol');
        const raw = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8')) as unknown;
        const parsed = ClientFrame.safeParse(raw);
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'bad frame');
        frame = parsed.data;
      } catch (e) {
        const id = -1;
        send({ type: 'result', id, result: { ok: false, error: { code: 'BAD_INPUT', message: `unreadable frame: ${(e as Error).message}` } } });
        return;
      }
      void core.dispatch(frame.command, frame.input, { transport: 'ws', peer }).then((result) => {
        send({ type: 'result', id: frame.id, result });
      });
    });
    ws.on('close', unsubscribe);
    ws.on('error', (e) => log.warn('websocket error', { peer, error: e.message }));
  };

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port, lan ? '0.0.0.0' : '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log.info('console host listening', { url, lan });

  return {
    url,
    port,
    sessions,
    clients: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const c of wss.clients) c.close(1001, 'console host shutting down');
        wss.close();
        ingest.close();
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
