import { useEffect, useRef } from 'react';
import { cueKeyAction, keyInfo, type CueKeyAction } from './shortcuts.js';

/** Listens for the cue panel's keys (see shortcuts.ts) while `enabled`. */
export function useCueShortcuts(enabled: boolean, onAction: (a: CueKeyAction) => void): void {
  const handler = useRef(onAction);
  useEffect(() => {
    handler.current = onAction;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented) return;
      const a = cueKeyAction(keyInfo(e));
      if (!a) return;
      e.preventDefault();
      handler.current(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
