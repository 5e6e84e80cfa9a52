import { WebSocket as NodeWebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../shared/contract/index.js';
import { startConsoleHost, type ConsoleHost } from '../../electron/console/server.js';
import { createLogger, memorySink } from '../../electron/core/logger.js';
import { wireIpc } from '../../electron/main/ipc.js';
import { createBridge } from '../../electron/preload/bridge.js';
import { ipcApi, wsApi, type Api } from '../../renderer/lib/api.js';
import { createIpcPair } from '../fixtures/ipcPair.js';
import { loadMigrations } from '../../electron/core/store/db.js';
import { MIGRATIONS_DIR, REPO_ROOT, tempCore } from '../fixtures/tempCore.js';
import { join } from 'node:path';

// The renderer's WebSocket transport runs unchanged on Node with the `ws` client as its WebSocket.
(globalThis as { WebSocket?: unknown }).WebSocket ??= NodeWebSocket;

interface Transport {
  api: Api;
  close: () => Promise<void>;
}

const APP_URL = 'file:///app/dist/renderer/index.html';

async function wsTransport(): Promise<Transport> {
  const t = tempCore();
  const host: ConsoleHost = await startConsoleHost({
    core: t.core,
    log: createLogger('test', memorySink()),
    staticDir: join(REPO_ROOT, 'dist/renderer'),
    port: 0,
    lan: false,
    accessToken: 'x'.repeat(43),
  });
  const api = wsApi(`ws://127.0.0.1:${host.port}/ws`);
  await until(() => api.linkStatus() === 'open');
  return {
    api,
    close: async () => {
      await host.close();
      await t.cleanup();
    },
  };
}

function ipcTransport(): Promise<Transport> {
  const t = tempCore();
  const pair = createIpcPair(APP_URL);
  const wiring = wireIpc({
    ipcMain: pair.ipcMain,
    dispatch: t.core.dispatch,
    isTrustedUrl: (u) => u.startsWith(APP_URL),
    onRejected: () => undefined,
  });
  wiring.addWindow(pair.webContents);
  const unsubscribe = t.core.subscribe((e) => wiring.broadcast(e));
  const api = ipcApi(createBridge(pair.ipcRenderer));
  return Promise.resolve({
    api,
    close: async () => {
      unsubscribe();
      wiring.dispose();
      await t.cleanup();
    },
  });
}

async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function nextEvent<K extends EventName>(api: Api, name: K): Promise<EventPayload<K>> {
  return new Promise((resolve) => {
    const off = api.on(name, (p) => {
      off();
      resolve(p);
    });
  });
}

const CSV = [
  'sku,name,price,promo_price,stock,image_url,talking_points',
  'TEA-1,Longjing tea 250g,129.00,99.00,40,https://example.com/tea.jpg,明前采摘|Hand-roasted',
  'TEA-2,Pu-erh cake,abc,,10,,',
  'TEA-3,Jasmine pearls,59.9,,5,,',
].join('\n');

describe.each([
  ['console host WebSocket', wsTransport],
  ['Electron IPC (preload bridge ↔ main wiring)', ipcTransport],
])('contract over %s', (_name, make) => {
  let t: Transport;
  beforeAll(async () => {
    t = await make();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers app.info', async () => {
    const r = await t.api.call('app.info', {});
    expect(r).toMatchObject({ ok: true, value: { name: 'Showrunner', mode: 'rehearsal', schemaVersion: loadMigrations(MIGRATIONS_DIR).length } });
  });

  it('creates, reads, updates, searches and deletes a product, pushing catalog.changed', async () => {
    const changed = nextEvent(t.api, 'catalog.changed');
    const created = await t.api.call('catalog.create', {
      sku: 'MUG-1',
      name: 'Celadon mug',
      price: { amount: 6900, currency: 'CNY' },
      talkingPoints: ['Hand-thrown'],
    });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value).toMatchObject({ sku: 'MUG-1', stock: 0, promoPrice: null, price: { amount: 6900 } });
    expect(await changed).toEqual({ ids: [created.value.id], reason: 'created' });

    const got = await t.api.call('catalog.get', { id: created.value.id });
    expect(got).toEqual({ ok: true, value: created.value });

    const updated = await t.api.call('catalog.update', { id: created.value.id, patch: { stock: 12 } });
    expect(updated).toMatchObject({ ok: true, value: { stock: 12, name: 'Celadon mug' } });

    const found = await t.api.call('catalog.list', { query: 'celadon' });
    expect(found.ok && found.value.map((p) => p.sku)).toEqual(['MUG-1']);

    const deleted = await t.api.call('catalog.delete', { id: created.value.id });
    expect(deleted).toEqual({ ok: true, value: { id: created.value.id } });
    const gone = await t.api.call('catalog.get', { id: created.value.id });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('imports the good rows of a CSV and reports the bad row', async () => {
    const r = await t.api.call('catalog.importCsv', { text: CSV });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.created).toBe(2);
    expect(r.value.updated).toBe(0);
    expect(r.value.rejected).toHaveLength(1);
    expect(r.value.rejected[0]).toMatchObject({ line: 3, sku: 'TEA-2' });
    expect(r.value.rejected[0]?.errors.join(' ')).toMatch(/price/);
    const list = await t.api.call('catalog.list', { query: 'TEA' });
    expect(list.ok && list.value.map((p) => p.sku).sort()).toEqual(['TEA-1', 'TEA-3']);
  });

  it('refuses bad input with BAD_INPUT and names the field', async () => {
    const r = await t.api.call('catalog.create', { sku: '', name: 'x', price: { amount: 1.5, currency: 'CNY' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    if (!r.ok) expect(r.error.message).toMatch(/sku|price/);
  });

  it('refuses an unknown command with UNKNOWN_COMMAND', async () => {
    const r = await (t.api.call as (c: string, i: unknown) => Promise<unknown>)('nope.doThings', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
  });

  it('reports OBS state and refuses a scene switch while OBS is not connected', async () => {
    const state = await t.api.call('obs.getState', {});
    expect(state).toMatchObject({ ok: true, value: { connections: [{ name: 'main', status: 'disconnected' }] } });
    const r = await t.api.call('obs.setScene', { scene: 'Product' });
    expect(r).toMatchObject({ ok: false, error: { code: 'OBS_NOT_CONNECTED' } });
  });
});

describe('Electron IPC sender check', () => {
  it('refuses calls from a frame that is not the app', async () => {
    const t = tempCore();
    const pair = createIpcPair('https://evil.example/');
    const rejected: string[] = [];
    const wiring = wireIpc({
      ipcMain: pair.ipcMain,
      dispatch: t.core.dispatch,
      isTrustedUrl: (u) => u.startsWith(APP_URL),
      onRejected: (why) => rejected.push(why),
    });
    wiring.addWindow(pair.webContents);
    const api = ipcApi(createBridge(pair.ipcRenderer));
    const r = await api.call('catalog.list', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(rejected).toHaveLength(1);
    wiring.dispose();
    await t.cleanup();
  });
});
