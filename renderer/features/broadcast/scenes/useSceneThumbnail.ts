import { useEffect, useRef, useState, type RefObject } from 'react';
import { useInView, usePageVisible } from '../../../lib/useVisibility.js';
import { useBroadcastActions } from '../useBroadcast.js';
import { nextThumbDelay, THUMB_WIDTH, thumbInterval } from './thumbnails.js';

/**
 * A live thumbnail of a scene (obs.screenshot), refreshed only while `enabled` (OBS connected), the tile is on
 * screen and the page is visible. Requests never overlap and start at most once per interval, also across
 * restarts of the loop (scrolling a tile in and out does not speed it up). The last image stays when polling stops.
 */
export function useSceneThumbnail(
  connection: string,
  scene: string,
  { enabled, onAir }: { enabled: boolean; onAir: boolean },
  tile: RefObject<Element | null>,
): string | null {
  const { screenshot } = useBroadcastActions(connection);
  const inView = useInView(tile);
  const pageVisible = usePageVisible();
  const [src, setSrc] = useState<string | null>(null);
  const lastStart = useRef(Number.NEGATIVE_INFINITY);
  const polling = enabled && inView && pageVisible;

  useEffect(() => {
    if (!polling) return undefined;
    const interval = thumbInterval(onAir);
    let stopped = false;
    let timer: number | undefined;
    const tick = (): void => {
      const started = Date.now();
      lastStart.current = started;
      void screenshot(scene, THUMB_WIDTH).then((result) => {
        if (stopped) return;
        if (result.ok) setSrc(result.value.imageDataUrl);
        timer = window.setTimeout(tick, nextThumbDelay(started, Date.now(), interval, !result.ok));
      });
    };
    timer = window.setTimeout(tick, Math.max(0, lastStart.current + interval - Date.now()));
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [polling, onAir, scene, screenshot]);

  return src;
}
