import { useCallback, useEffect, useState } from 'react';
import type { AlertRules } from '../../../shared/contract/metrics.js';
import type { ErrorBody } from '../../../shared/errors.js';
import { useApi, useOnLinkOpen } from '../../app/ApiContext.js';

export interface AlertRulesView {
  /** null until alerts.getRules first answers. */
  readonly rules: AlertRules | null;
  readonly error: ErrorBody | null;
  /** Reads the stored rules again (after a save elsewhere). */
  readonly reload: () => void;
}

/** The studio's alert rules as the core stores them: read at start and whenever the link reopens. */
export function useAlertRules(): AlertRulesView {
  const api = useApi();
  const [rules, setRules] = useState<AlertRules | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const reload = useCallback(() => {
    void api.call('alerts.getRules', {}).then((r) => {
      if (r.ok) {
        setRules(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [api]);
  useEffect(reload, [reload]);
  useOnLinkOpen(reload);
  return { rules, error, reload };
}
