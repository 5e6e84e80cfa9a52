import { IPC_CALL, IPC_EVENT } from '../../shared/contract/bridge.js';
import type { PushedEvent } from '../../shared/contract/index.js';
import { fail, type Result } from '../../shared/errors.js';
import type { Dispatch } from '../core/dispatch.js';

/** The slice of an IPC invoke event that the sender check needs (Electron's IpcMainInvokeEvent has it). */
export interface InvokeEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

/** The slice of Electron's ipcMain this module uses; kept narrow so the wiring is testable without Electron. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WebContentsLike {
  readonly id: number;
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export interface IpcWiring {
  /** Forwards a pushed event to every trusted window. */
  broadcast(event: PushedEvent): void;
  addWindow(contents: WebContentsLike): void;
  removeWindow(id: number): void;
  dispose(): void;
}

/**
 * Serves the contract over Electron IPC. Only frames of our own windows, loaded from our own app URL, may call:
 * any other sender gets FORBIDDEN and the attempt is logged by the caller's `onRejected`.
 */
export function wireIpc(opts: {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  isTrustedUrl: (url: string) => boolean;
  onRejected: (reason: string) => void;
}): IpcWiring {
  const windows = new Map<number, WebContentsLike>();
  opts.ipcMain.handle(IPC_CALL, async (event, command, input): Promise<Result<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!windows.has(event.sender.id) || !opts.isTrustedUrl(url)) {
      opts.onRejected(`IPC call from an untrusted sender (${url || 'no frame'})`);
      return fail('FORBIDDEN', 'this window may not call Showrunner');
    }
    if (typeof command !== 'string') return fail('BAD_INPUT', 'command must be a string');
    return opts.dispatch(command, input, { transport: 'ipc', peer: `webContents:${event.sender.id}` });
  });
  return {
    broadcast(event) {
      for (const [id, wc] of windows) {
        if (wc.isDestroyed()) windows.delete(id);
        else wc.send(IPC_EVENT, event);
      }
    },
    addWindow: (wc) => windows.set(wc.id, wc),
    removeWindow: (id) => windows.delete(id),
    dispose: () => {
      opts.ipcMain.removeHandler(IPC_CALL);
      windows.clear();
    },
  };
}
