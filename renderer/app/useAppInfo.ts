import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract/app.js';
import { useApi, useOnLinkOpen } from './ApiContext.js';

/** What the core says about itself (version, rehearsal or live); null until it answers. */
export function useAppInfo(): AppInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const load = useCallback(() => {
    void api.call('app.info', {}).then((result) => {
      if (result.ok) setInfo(result.value);
    });
  }, [api]);
  useEffect(load, [load]);
  useOnLinkOpen(load);
  return info;
}
