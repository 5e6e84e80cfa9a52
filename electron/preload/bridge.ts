import { IPC_CALL, IPC_EVENT, type ShowrunnerBridge } from '../../shared/contract/bridge.js';
import type { PushedEvent } from '../../shared/contract/index.js';
import type { Result } from '../../shared/errors.js';

/** The slice of Electron's ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

/** Typed functions over IPC; the renderer never sees ipcRenderer itself. */
export function createBridge(ipc: IpcRendererLike): ShowrunnerBridge {
  return {
    invoke: (command, input) =>
      ipc.invoke(IPC_CALL, command, input).then(
        (r) => r as Result<never>,
        (e: unknown) => ({ ok: false as const, error: { code: 'UNAVAILABLE' as const, message: String(e) } }),
      ),
    onEvent: (listener) => {
      const l = (_event: unknown, payload: unknown): void => listener(payload as PushedEvent);
      ipc.on(IPC_EVENT, l);
      return () => {
        ipc.removeListener(IPC_EVENT, l);
      };
    },
  };
}
