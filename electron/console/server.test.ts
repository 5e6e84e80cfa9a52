import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/core.js';
import { createLogger, memorySink } from '../core/logger.js';
import { startConsoleHost, type ConsoleHost } from './server.js';

const TOKEN = 'T'.repeat(43);
const MIGRATIONS = join(import.meta.dirname, '../core/store/migrations');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function http(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

function wsOpens(url: string, headers: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(true);
    });
    ws.on('error', () => resolve(false));
  });
}

function setup(lan: boolean): { start: () => Promise<{ host: ConsoleHost; core: Core }>; stop: () => Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'showrunner-host-'));
  const staticDir = join(dir, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Showrunner</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'export {}');
  writeFileSync(join(dir, 'secret.txt'), 'outside the static root');
  let core: Core | null = null;
  let host: ConsoleHost | null = null;
  return {
    start: async () => {
      core = createCore({ dataDir: join(dir, 'data'), migrationsDir: MIGRATIONS, host: 'console', version: 't', log: createLogger('t', memorySink()) });
      host = await startConsoleHost({ core, log: createLogger('t', memorySink()), staticDir, port: 0, lan, accessToken: TOKEN });
      return { host, core };
    },
    stop: async () => {
      await host?.close();
      await core?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('console host on loopback', () => {
  const env = setup(false);
  let port = 0;
  beforeAll(async () => {
    port = (await env.start()).host.port;
  });
  afterAll(() => env.stop());

  it('serves the UI with security headers and falls back to index.html for app routes', async () => {
    const r = await http(port, '/queue');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Showrunner</title>');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect((await http(port, '/assets/app.js')).headers['cache-control']).toContain('immutable');
  });

  it('never serves files outside the static root', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00']) {
      const r = await http(port, p);
      expect(r.body).not.toContain('outside the static root');
    }
    expect((await http(port, '/missing.js')).status).toBe(404);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const r = await http(port, '/', { headers: { Host: 'attacker.example:80' } });
    expect(r.status).toBe(421);
  });

  it('requires the bearer token on the control API', async () => {
    expect((await http(port, '/api/v1/status')).status).toBe(401);
    expect((await http(port, '/api/v1/status', { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await http(port, '/api/v1/status', { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.body) as { ok: boolean; obs: { connections: { name: string; status: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.obs.connections[0]).toMatchObject({ name: 'main', status: 'disconnected' });
    expect(ok.body).not.toMatch(/password"\s*:/);
  });

  it('checks scene requests: content type, JSON, schema, size, method', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const json = { ...auth, 'Content-Type': 'application/json' };
    expect((await http(port, '/api/v1/obs/scene', { method: 'POST', headers: auth, body: 'scene=x' })).status).toBe(415);
    expect((await http(port, '/api/v1/obs/scene', { method: 'POST', headers: json, body: '{nope' })).status).toBe(400);
    expect((await http(port, '/api/v1/obs/scene', { method: 'POST', headers: json, body: '{"scene": 5}' })).status).toBe(400);
    expect((await http(port, '/api/v1/obs/scene', { method: 'POST', headers: json, body: JSON.stringify({ scene: 'x'.repeat(70_000) }) })).status).toBe(413);
    expect((await http(port, '/api/v1/obs/scene', { method: 'GET', headers: auth })).status).toBe(405);
    const notConnected = await http(port, '/api/v1/obs/scene', { method: 'POST', headers: json, body: '{"scene":"Product"}' });
    expect(notConnected.status).toBe(503);
    expect(JSON.parse(notConnected.body)).toMatchObject({ ok: false, error: { code: 'OBS_NOT_CONNECTED' } });
  });

  it('accepts the UI WebSocket from its own origin only', async () => {
    const url = `ws://127.0.0.1:${port}/ws`;
    expect(await wsOpens(url, { Origin: `http://127.0.0.1:${port}` })).toBe(true);
    expect(await wsOpens(url, { Origin: 'https://evil.example' })).toBe(false);
  });

  it('answers unreadable WebSocket frames with BAD_INPUT and keeps serving', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
    const frames: unknown[] = [];
    ws.on('message', (d: Buffer) => frames.push(JSON.parse(d.toString('utf8'))));
    await new Promise((r) => ws.on('open', r));
    ws.send('not json');
    ws.send(JSON.stringify({ type: 'call', id: 7, command: 'app.info', input: {} }));
    // Pushed events (the rehearsal room's comments, stats, metrics) arrive in between: look at the results only.
    const results = (): unknown[] => frames.filter((f) => typeof f === 'object' && f !== null && (f as { type?: unknown }).type === 'result');
    await expect.poll(() => results().length, { timeout: 3000 }).toBe(2);
    expect(results()[0]).toMatchObject({ type: 'result', id: -1, result: { ok: false, error: { code: 'BAD_INPUT' } } });
    expect(results()[1]).toMatchObject({ type: 'result', id: 7, result: { ok: true } });
    ws.close();
  });
});

describe('console host on the LAN', () => {
  const env = setup(true);
  let host: ConsoleHost;
  beforeAll(async () => {
    host = (await env.start()).host;
  });
  afterAll(() => env.stop());

  it('sends unpaired browsers to the pairing page and pairs with the code once', async () => {
    const r = await http(host.port, '/');
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/pair');
    expect(await wsOpens(`ws://127.0.0.1:${host.port}/ws`, {})).toBe(false);

    const wrong = await http(host.port, '/pair', { method: 'POST', body: 'code=000000x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(wrong.status).toBe(401);
    const code = host.sessions.code();
    const paired = await http(host.port, '/pair', { method: 'POST', body: `code=${code}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(paired.status).toBe(303);
    const cookie = String(paired.headers['set-cookie']).split(';')[0] ?? '';
    expect(cookie).toMatch(/^sr_session=/);
    expect(String(paired.headers['set-cookie'])).toContain('HttpOnly');
    expect((await http(host.port, '/', { headers: { Cookie: cookie } })).status).toBe(200);
    expect(await wsOpens(`ws://127.0.0.1:${host.port}/ws`, { Cookie: cookie })).toBe(true);
    expect(host.sessions.code()).not.toBe(code);
  });

  it('accepts the access token in the URL once and sets a session', async () => {
    const r = await http(host.port, `/?token=${TOKEN}`);
    expect(r.status).toBe(303);
    expect(String(r.headers['set-cookie'])).toMatch(/^sr_session=/);
  });

  it('locks an address out after five wrong pairing codes', async () => {
    const post = () => http(host.port, '/pair', { method: 'POST', body: 'code=999999x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    for (let i = 0; i < 5; i++) await post();
    expect((await post()).status).toBe(429);
  });
});
