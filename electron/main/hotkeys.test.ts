import { describe, expect, it } from 'vitest';
import { fail, ok } from '../../shared/errors.js';
import type { Dispatch } from '../core/dispatch.js';
import { createLogger, memorySink } from '../core/logger.js';
import { GLOBAL_HOTKEYS, registerGlobalHotkeys, type GlobalShortcutLike } from './hotkeys.js';

describe('global hotkeys', () => {
  it('register every hotkey and run its cue command through dispatch; taken keys and refusals are logged', async () => {
    const registered = new Map<string, () => void>();
    let cleared = false;
    const shortcuts: GlobalShortcutLike = {
      register: (acc, cb) => {
        if (acc.endsWith('PageUp')) return false; // held by another application
        registered.set(acc, cb);
        return true;
      },
      unregisterAll: () => {
        cleared = true;
      },
    };
    const calls: { command: string; peer: string }[] = [];
    const dispatch: Dispatch = (command, _input, ctx) => {
      calls.push({ command, peer: ctx.peer });
      return Promise.resolve(command === 'cues.previous' ? fail('CONFLICT', 'no show is running') : ok({}));
    };
    const sink = memorySink();
    const unregister = registerGlobalHotkeys(shortcuts, dispatch, createLogger('hotkeys', sink));

    expect([...registered.keys()]).toEqual(GLOBAL_HOTKEYS.map((h) => h.accelerator).filter((a) => !a.endsWith('PageUp')));
    expect(sink.records.some((r) => r.msg.includes('taken') && r.fields?.['accelerator'] === 'CommandOrControl+Alt+PageUp')).toBe(true);

    registered.get('CommandOrControl+Alt+Right')?.();
    registered.get('CommandOrControl+Alt+Left')?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual([
      { command: 'cues.next', peer: 'hotkey:CommandOrControl+Alt+Right' },
      { command: 'cues.previous', peer: 'hotkey:CommandOrControl+Alt+Left' },
    ]);
    expect(sink.records.some((r) => r.msg === 'hotkey command refused' && r.fields?.['code'] === 'CONFLICT')).toBe(true);

    unregister();
    expect(cleared).toBe(true);
  });
});
