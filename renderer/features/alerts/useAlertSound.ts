import { useCallback, useEffect, useRef, useState } from 'react';
import type { Alert } from '../../../shared/contract/alerts.js';
import type { AlertRules } from '../../../shared/contract/metrics.js';
import { ALERT_SOUND_KEY, alertsToSound, parseSoundPreference } from './alerts.js';
import { createBeeper } from './beep.js';

function readPreference(): boolean {
  try {
    return parseSoundPreference(window.localStorage.getItem(ALERT_SOUND_KEY));
  } catch {
    return false;
  }
}

/**
 * Beeps once for each new alert that wants sound (its rule's switch in Settings; critical OBS / stream-health
 * alerts) while the sound is on (off by default; the choice is kept on this device). Alerts raised while it was off are not sounded later. Turning it on beeps once, which also unlocks
 * the browser's audio inside the click.
 */
export function useAlertSound(alerts: readonly Alert[] | null, rules: AlertRules | null = null): [boolean, (on: boolean) => void] {
  const [enabled, setEnabled] = useState(readPreference);
  const [beeper] = useState(createBeeper);
  const sounded = useRef(new Set<string>());

  useEffect(() => {
    if (!alerts) return;
    const due = alertsToSound(alerts, sounded.current, rules);
    for (const a of due) sounded.current.add(a.id);
    if (enabled && due.length > 0) beeper.beep();
  }, [alerts, rules, enabled, beeper]);

  const set = useCallback(
    (on: boolean) => {
      setEnabled(on);
      if (on) beeper.beep();
      try {
        window.localStorage.setItem(ALERT_SOUND_KEY, on ? 'on' : 'off');
      } catch {
        // Storage unavailable: the choice lasts until the page reloads.
      }
    },
    [beeper],
  );
  return [enabled, set];
}
