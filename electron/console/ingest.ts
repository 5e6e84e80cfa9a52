import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { INGEST_LIMITS, type IngestErrorCode, type IngestReply, type SourceRecord } from '../core/audience/ingestSources.js';
import type { Core } from '../core/core.js';
import type { Logger } from '../core/logger.js';
import { bearerOf } from './auth.js';
import { BodyError, readBody } from './http.js';

/** How long a WebSocket may stay open without authenticating. */
const WS_AUTH_TIMEOUT_MS = 5_000;
/** Far-behind ingest clients (not reading their acks) are cut off rather than buffered without bound. */
const WS_MAX_BUFFERED = 4 * 1024 * 1024;

export interface IngestEndpoints {
  /** Answers `/ingest/...` HTTP requests. Never throws. */
  handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** Takes over an upgrade to `/ingest/ws`. */
  upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void;
  clients(): number;
  close(): void;
}

function reply(res: ServerResponse, r: IngestReply): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (r.retryAfterSec !== undefined) headers['Retry-After'] = String(r.retryAfterSec);
  if (r.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="showrunner-ingest"';
  res.writeHead(r.status, headers);
  res.end(JSON.stringify(r.body));
}

const refused = (status: number, code: IngestErrorCode, message: string): IngestReply => ({
  status,
  body: { ok: false, accepted: 0, rejected: [], error: { code, message } },
});

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * Generic ingest over HTTP (`POST /ingest/v1/events`) and WebSocket (`/ingest/ws?source=…`), documented in
 * docs/ingest.md. Each source authenticates with its own bearer token; the console host's UI access rules do not
 * apply here (a relay on the studio LAN has no browser session), only the token does.
 */
export function createIngestEndpoints(core: Core, log: Logger): IngestEndpoints {
  const sources = core.audience.ingest;
  const wss = new WebSocketServer({ noServer: true, maxPayload: INGEST_LIMITS.maxBodyBytes });

  const handle = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    if (path !== '/ingest/v1/events') {
      reply(res, refused(404, 'NOT_FOUND', `no such ingest endpoint: ${path.slice(0, 200)} (use POST /ingest/v1/events)`));
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      reply(res, refused(405, 'METHOD_NOT_ALLOWED', 'send events with POST'));
      return;
    }
    const token = bearerOf(req);
    const source = token === null ? null : sources.authenticate(token);
    if (!source) {
      sources.noteUnauthenticated();
      reply(res, refused(401, 'UNAUTHORIZED', 'send Authorization: Bearer <source token> (from audience.createSource)'));
      return;
    }
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      sources.noteRejected(source, 'wrong content type');
      reply(res, refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'));
      return;
    }
    let text: string;
    try {
      text = await readBody(req, INGEST_LIMITS.maxBodyBytes);
    } catch (e) {
      const status = e instanceof BodyError ? e.status : 400;
      sources.noteRejected(source, (e as Error).message);
      reply(res, refused(status, status === 413 ? 'TOO_LARGE' : 'BAD_INPUT', (e as Error).message));
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      sources.noteRejected(source, 'body is not JSON');
      reply(res, refused(400, 'BAD_INPUT', 'the body is not valid JSON'));
      return;
    }
    reply(res, sources.accept(source, body));
  };

  const serveSocket = (ws: WebSocket, sourceName: string, authed: SourceRecord | null, token: string | null, peer: string): void => {
    let source = authed;
    let currentToken = token;
    const send = (frame: Record<string, unknown>): void => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > WS_MAX_BUFFERED) {
        ws.close(1013, 'not reading replies');
        return;
      }
      ws.send(JSON.stringify(frame));
    };
    const answer = (r: IngestReply, ref: unknown): void => {
      send({
        type: r.body.ok ? 'ack' : 'error',
        ...(ref === undefined ? {} : { ref }),
        status: r.status,
        ...r.body,
        ...(r.retryAfterSec === undefined ? {} : { retryAfterSec: r.retryAfterSec }),
      });
    };
    const authTimer = source
      ? null
      : setTimeout(() => {
          answer(refused(401, 'UNAUTHORIZED', `no auth message within ${WS_AUTH_TIMEOUT_MS} ms`), undefined);
          ws.close(1008, 'authentication required');
        }, WS_AUTH_TIMEOUT_MS);
    if (source) send({ type: 'ready', source: source.name });

    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        if (source) sources.noteRejected(source, 'binary message');
        answer(refused(400, 'BAD_INPUT', 'send JSON text messages, not binary'), undefined);
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(textOf(data)) as unknown;
      } catch {
        if (source) sources.noteRejected(source, 'message is not JSON');
        answer(refused(400, 'BAD_INPUT', 'the message is not valid JSON'), undefined);
        return;
      }
      const obj = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
      const ref = obj?.['ref'];
      if (!source) {
        const t = obj?.['type'] === 'auth' && typeof obj['token'] === 'string' ? obj['token'] : null;
        const s = t === null ? null : sources.authenticateFor(sourceName, t);
        if (!s) {
          sources.noteUnauthenticated();
          answer(refused(401, 'UNAUTHORIZED', 'the first message must be {"type":"auth","token":"<source token>"} with this source’s token'), ref);
          ws.close(1008, 'authentication failed');
          return;
        }
        if (authTimer) clearTimeout(authTimer);
        source = s;
        currentToken = t;
        send({ type: 'ready', source: s.name, ...(ref === undefined ? {} : { ref }) });
        return;
      }
      // A revoked source loses its open sockets too.
      if (currentToken === null || sources.authenticateFor(sourceName, currentToken) === null) {
        answer(refused(401, 'UNAUTHORIZED', 'this source was revoked'), ref);
        ws.close(1008, 'source revoked');
        return;
      }
      if (obj?.['type'] === 'auth') {
        send({ type: 'ready', source: source.name, ...(ref === undefined ? {} : { ref }) });
        return;
      }
      answer(sources.accept(source, body), ref);
    });
    ws.on('close', () => {
      if (authTimer) clearTimeout(authTimer);
    });
    ws.on('error', (e) => log.debug('ingest websocket error', { peer, error: e.message }));
  };

  return {
    async handle(req, res, path) {
      try {
        await handle(req, res, path);
      } catch (e) {
        log.error('ingest request failed', { error: String(e) });
        if (!res.headersSent) reply(res, refused(500, 'UNAVAILABLE', 'the ingest endpoint could not answer this request'));
        else res.destroy();
      }
    },
    upgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://ingest.invalid');
      const sourceName = url.searchParams.get('source') ?? '';
      const deny = (status: string): void => {
        socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
        socket.destroy();
      };
      if (sourceName === '' || sourceName.length > 80) {
        deny('400 Bad Request');
        return;
      }
      const token = bearerOf(req);
      const authed = token === null ? null : sources.authenticateFor(sourceName, token);
      if (token !== null && !authed) {
        sources.noteUnauthenticated();
        deny('401 Unauthorized');
        return;
      }
      const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? 0}`;
      wss.handleUpgrade(req, socket, head, (ws) => {
        serveSocket(ws, sourceName, authed, token, peer);
      });
    },
    clients: () => wss.clients.size,
    close() {
      for (const c of wss.clients) c.close(1001, 'console host shutting down');
      wss.close();
    },
  };
}
