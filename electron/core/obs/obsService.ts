import type { ObsConnectionView, ObsStateView } from '../../../shared/contract/obs.js';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { SecretBox } from '../secrets.js';
import type { Db } from '../store/db.js';
import type { EventLog } from '../store/eventLog.js';
import { ObsConnection } from './connection.js';

export interface ObsServiceDeps {
  readonly db: Db;
  readonly events: EventLog;
  readonly clock: Clock;
  readonly log: Logger;
  readonly secrets: SecretBox;
  readonly random01: () => number;
  readonly onState: (state: ObsStateView) => void;
  readonly onSceneChanged: (connection: string, scene: string) => void;
  readonly callTimeoutMs?: number;
}

interface ConnRow {
  name: string;
  url: string;
  password_enc: string | null;
  auto_connect: number;
}

export const DEFAULT_OBS_URL = 'ws://127.0.0.1:4455';

/** All OBS connections of the studio ("main", "backup", …), persisted with their passwords sealed. */
export class ObsService {
  private readonly deps: ObsServiceDeps;
  private readonly conns = new Map<string, ObsConnection>();

  constructor(deps: ObsServiceDeps) {
    this.deps = deps;
    const rows = deps.db.prepare('SELECT * FROM obs_connections ORDER BY created_at, name').all() as ConnRow[];
    if (rows.length === 0) {
      const at = deps.clock.now();
      deps.db
        .prepare('INSERT INTO obs_connections (name, url, password_enc, auto_connect, created_at, updated_at) VALUES (?, ?, NULL, 0, ?, ?)')
        .run('main', DEFAULT_OBS_URL, at, at);
      rows.push({ name: 'main', url: DEFAULT_OBS_URL, password_enc: null, auto_connect: 0 });
    }
    for (const r of rows) this.add(r.name, r.url, this.unseal(r));
    for (const r of rows) if (r.auto_connect === 1) this.conns.get(r.name)?.connect();
  }

  state(): ObsStateView {
    return { connections: [...this.conns.values()].map((c) => c.view()) };
  }

  get(name: string): ObsConnection {
    const c = this.conns.get(name);
    if (!c) throw new AppError('NOT_FOUND', `there is no OBS connection named "${name}"`);
    return c;
  }

  async configure(name: string, url: string, password: string | undefined, autoConnect: boolean): Promise<ObsConnectionView> {
    const { db, secrets, clock } = this.deps;
    const existing = db.prepare('SELECT * FROM obs_connections WHERE name = ?').get(name) as ConnRow | undefined;
    const sealed = password === undefined ? (existing?.password_enc ?? null) : password === '' ? null : secrets.encrypt(password);
    const at = clock.now();
    db.prepare(
      `INSERT INTO obs_connections (name, url, password_enc, auto_connect, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET url = excluded.url, password_enc = excluded.password_enc,
         auto_connect = excluded.auto_connect, updated_at = excluded.updated_at`,
    ).run(name, url, sealed, autoConnect ? 1 : 0, at, at);
    const plain = sealed === null ? null : secrets.decrypt(sealed);
    const conn = this.conns.get(name) ?? this.add(name, url, plain);
    await conn.retarget({ url, password: plain });
    if (autoConnect) conn.connect();
    else await conn.disconnect();
    return conn.view();
  }

  connect(name: string): ObsConnectionView {
    const c = this.get(name);
    c.connect();
    this.deps.db.prepare('UPDATE obs_connections SET auto_connect = 1 WHERE name = ?').run(name);
    return c.view();
  }

  async disconnect(name: string): Promise<ObsConnectionView> {
    const c = this.get(name);
    await c.disconnect();
    this.deps.db.prepare('UPDATE obs_connections SET auto_connect = 0 WHERE name = ?').run(name);
    return c.view();
  }

  async setScene(name: string, scene: string): Promise<void> {
    const c = this.get(name);
    const view = c.view();
    if (c.isIdentified() && !view.scenes.some((s) => s.name === scene)) {
      throw new AppError('NOT_FOUND', `OBS "${name}" has no scene named "${scene}"`);
    }
    await c.call('SetCurrentProgramScene', { sceneName: scene });
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.conns.values()].map((c) => c.disconnect()));
  }

  private unseal(r: ConnRow): string | null {
    if (r.password_enc === null) return null;
    try {
      return this.deps.secrets.decrypt(r.password_enc);
    } catch (e) {
      this.deps.log.error('stored OBS password cannot be decrypted; enter it again', { connection: r.name, error: String(e) });
      return null;
    }
  }

  private add(name: string, url: string, password: string | null): ObsConnection {
    const { clock, log, random01, events } = this.deps;
    let lastStatus = '';
    const conn = new ObsConnection({
      name,
      target: { url, password },
      clock,
      log: log.child(name),
      random01,
      ...(this.deps.callTimeoutMs === undefined ? {} : { callTimeoutMs: this.deps.callTimeoutMs }),
      onChange: (view) => {
        if (view.status !== lastStatus) {
          lastStatus = view.status;
          events.enqueue({
            type: 'ObsConnectionChanged',
            subject: `obs:${name}`,
            payload: { connection: name, status: view.status, failure: view.failure, message: view.message, epoch: view.epoch },
          });
        }
        this.deps.onState(this.state());
      },
      onObsEvent: (type, data) => {
        if (type === 'CurrentProgramSceneChanged' && typeof data['sceneName'] === 'string') {
          events.enqueue({ type: 'SceneSwitched', subject: `obs:${name}`, payload: { connection: name, scene: data['sceneName'] } });
          this.deps.onSceneChanged(name, data['sceneName']);
        }
      },
    });
    this.conns.set(name, conn);
    return conn;
  }
}
