import type { Result } from '../errors.js';
import type { CommandInput, CommandName, CommandOutput, PushedEvent } from './index.js';

/** Name of the object the Electron preload exposes on `window`. */
export const BRIDGE_KEY = 'showrunner';

/** IPC channels between preload and main. */
export const IPC_CALL = 'showrunner:call';
export const IPC_EVENT = 'showrunner:event';

/** What the preload exposes through contextBridge: typed functions, never ipcRenderer itself. */
export interface ShowrunnerBridge {
  invoke<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  /** Returns its own unsubscribe function. */
  onEvent(listener: (event: PushedEvent) => void): () => void;
}
