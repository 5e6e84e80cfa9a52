import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestSource } from '../../shared/contract/audience.js';
import { intBetween, pick, seededRng } from '../../shared/domain/random.js';
import { openIngestCore, type AudienceHarness } from './support/audienceHarness.js';

interface Frame {
  type: string;
  status?: number;
  ref?: unknown;
  accepted?: number;
  rejected?: { index: number; field: string }[];
  error?: { code: string };
}

/** A WebSocket client that collects every frame and can wait for the next ones. */
class Client {
  readonly frames: Frame[] = [];
  closed: { code: number } | null = null;
  private waiters: (() => void)[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      this.frames.push(JSON.parse(d.toString('utf8')) as Frame);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closed = { code };
      this.wake();
    });
  }
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
  async next(count = 1, timeoutMs = 5_000): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length < count && !this.closed) {
      if (Date.now() > deadline) throw new Error(`waited for ${count} frames, have ${this.frames.length}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 100);
      });
    }
    return this.frames.splice(0, count);
  }
}

function connect(port: number, source: string, headers: Record<string, string> = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ingest/ws?source=${encodeURIComponent(source)}`, { headers });
    const client = new Client(ws);
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode ?? 0}`)));
    ws.once('error', reject);
  });
}

describe('generic WebSocket ingest', () => {
  let h: AudienceHarness;
  let port: number;
  let token: string;
  let source: IngestSource;
  beforeAll(async () => {
    ({ h, port, token, source } = await openIngestCore('tb-relay', 'taobao'));
  });
  afterAll(async () => {
    await h.close();
  });

  it('authenticates with the Authorization header and acknowledges each message', async () => {
    const c = await connect(port, 'tb-relay', { Authorization: `Bearer ${token}` });
    expect((await c.next())[0]).toMatchObject({ type: 'ready', source: 'tb-relay' });
    c.ws.send(JSON.stringify({ ref: 7, events: [{ kind: 'comment', text: '上链接' }, { kind: 'like', count: 9 }] }));
    expect((await c.next())[0]).toMatchObject({ type: 'ack', ref: 7, status: 202, ok: true, accepted: 2 });
    c.ws.close();
    expect(h.stored(`ingest:${source.id}`).map((s) => s.event.kind)).toEqual(['comment', 'like']);
  });

  it('authenticates with a first message, and closes on a wrong one', async () => {
    const c = await connect(port, source.id);
    c.ws.send(JSON.stringify({ type: 'auth', token }));
    expect((await c.next())[0]).toMatchObject({ type: 'ready' });
    c.ws.close();
    const bad = await connect(port, 'tb-relay');
    bad.ws.send(JSON.stringify({ type: 'auth', token: 'nope' }));
    expect((await bad.next())[0]).toMatchObject({ type: 'error', status: 401 });
    await bad.next(1, 2_000).catch(() => []);
    expect(bad.closed?.code).toBe(1008);
    const early = await connect(port, 'tb-relay');
    early.ws.send(JSON.stringify({ kind: 'like' }));
    expect((await early.next())[0]).toMatchObject({ type: 'error', status: 401 });
  });

  it('refuses the upgrade for a wrong header token, another source’s token or no source', async () => {
    await expect(connect(port, 'tb-relay', { Authorization: 'Bearer wrong' })).rejects.toThrow('401');
    const other = await h.call<{ token: string }>('audience.createSource', { name: 'other' });
    await expect(connect(port, 'tb-relay', { Authorization: `Bearer ${other.token}` })).rejects.toThrow('401');
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/ingest/ws`);
        ws.once('open', resolve);
        ws.once('unexpected-response', (_q, res) => reject(new Error(String(res.statusCode))));
      }),
    ).rejects.toThrow('400');
  });

  it('survives 300 malformed messages on one socket and stores every valid event sent between them', async () => {
    const rng = seededRng(5);
    const c = await connect(port, 'tb-relay', { Authorization: `Bearer ${token}` });
    await c.next();
    const before = h.stored(`ingest:${source.id}`).length;
    const bad = [
      () => 'not json',
      () => JSON.stringify(pick(rng, [null, 1, 'x', [], {}])),
      () => JSON.stringify({ kind: 'comment', text: 'x'.repeat(intBetween(rng, 501, 5_000)) }),
      () => JSON.stringify({ kind: 'order', orderId: 'o', items: [], amount: { amount: 1, currency: 'CNY' } }),
      () => JSON.stringify({ events: 'nope' }),
      () => JSON.stringify({ kind: 'viewer_count', viewers: -3 }),
      () => Buffer.from([0xff, 0x00, 0x13]),
    ];
    let sentValid = 0;
    let expectedReplies = 0;
    for (let i = 0; i < 300; i++) {
      c.ws.send((bad[i % bad.length] ?? bad[0]!)(), { binary: i % bad.length === 6 });
      expectedReplies++;
      if (i % 3 === 0) {
        c.ws.send(JSON.stringify({ kind: 'comment', userId: `w${i}`, text: `how much? ${i}` }));
        sentValid++;
        expectedReplies++;
      }
    }
    const replies = await c.next(expectedReplies, 20_000);
    const errors = replies.filter((f) => f.type === 'error');
    const acks = replies.filter((f) => f.type === 'ack');
    expect(errors.length).toBe(300);
    expect(errors.every((f) => (f.status ?? 0) >= 400 && (f.status ?? 0) < 500)).toBe(true);
    expect(acks.length).toBe(sentValid);
    expect(c.closed).toBeNull();
    expect(h.stored(`ingest:${source.id}`).length - before).toBe(sentValid);
    c.ws.close();
  });

  it('closes a message over 256 KiB without harm to the server', async () => {
    const c = await connect(port, 'tb-relay', { Authorization: `Bearer ${token}` });
    await c.next();
    c.ws.send(JSON.stringify({ kind: 'comment', text: 'z'.repeat(300 * 1024) }));
    await c.next(1, 3_000).catch(() => []);
    expect(c.closed?.code).toBe(1009);
    const again = await connect(port, 'tb-relay', { Authorization: `Bearer ${token}` });
    await again.next();
    again.ws.send('{"kind":"like"}');
    expect((await again.next())[0]?.status).toBe(202);
    again.ws.close();
  });
});
