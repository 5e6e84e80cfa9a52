import { WebSocket } from 'ws';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract/index.js';
import type { Result } from '../../../shared/errors.js';

/**
 * The console host's contract over its own WebSocket (/ws), for bulk test setup and for reading back what the core
 * holds — the same commands and validation the UI uses. Loopback only (the host's rules for browsers apply).
 */
export class CoreClient {
  private readonly ws: WebSocket;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();

  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as { type: string; id?: number; result?: Result<unknown> };
      if (frame.type !== 'result' || frame.id === undefined || !frame.result) return;
      const resolve = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      resolve?.(frame.result);
    });
  }

  static async connect(httpUrl: string): Promise<CoreClient> {
    const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/ws`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new CoreClient(ws);
  }

  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (r: Result<unknown>) => void);
      this.ws.send(JSON.stringify({ type: 'call', id, command, input }));
    });
  }

  /** Calls and returns the value; a failed call throws with its code and message. */
  async must<K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
    const r = await this.call(command, input);
    if (!r.ok) throw new Error(`${command}: ${r.error.code} ${r.error.message}`);
    return r.value;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) resolve();
      else {
        this.ws.once('close', () => resolve());
        this.ws.close();
      }
    });
  }
}
