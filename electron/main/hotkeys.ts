import type { Dispatch } from '../core/dispatch.js';
import type { Logger } from '../core/logger.js';

/** System-wide shortcuts of the desktop app: they work while another app (OBS, a browser) has the focus. */
export const GLOBAL_HOTKEYS: readonly { readonly accelerator: string; readonly command: 'cues.next' | 'cues.previous' }[] = [
  { accelerator: 'CommandOrControl+Alt+Right', command: 'cues.next' },
  { accelerator: 'CommandOrControl+Alt+Left', command: 'cues.previous' },
  // Many clickers and foot pedals send Page Down / Page Up; with the modifiers they never clash with typing.
  { accelerator: 'CommandOrControl+Alt+PageDown', command: 'cues.next' },
  { accelerator: 'CommandOrControl+Alt+PageUp', command: 'cues.previous' },
];

/** The slice of Electron's globalShortcut used here. */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregisterAll(): void;
}

/**
 * Registers the global hotkeys; each runs its contract command through the same dispatch as the UI. A key that
 * another app already holds is reported in the log, not fatal.
 */
export function registerGlobalHotkeys(shortcuts: GlobalShortcutLike, dispatch: Dispatch, log: Logger): () => void {
  for (const { accelerator, command } of GLOBAL_HOTKEYS) {
    const ok = shortcuts.register(accelerator, () => {
      void dispatch(command, {}, { transport: 'ipc', peer: `hotkey:${accelerator}` }).then((r) => {
        if (!r.ok) log.warn('hotkey command refused', { accelerator, command, code: r.error.code, error: r.error.message });
      });
    });
    if (!ok) log.warn('global hotkey is taken by another application', { accelerator });
  }
  return () => shortcuts.unregisterAll();
}
