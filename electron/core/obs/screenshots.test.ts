import { describe, expect, it } from 'vitest';
import { createManualClock } from '../manualClock.js';
import { jpegDataUrl, ScreenshotCache } from './screenshots.js';

function setup() {
  const clock = createManualClock();
  const asked: { source: string; width: number }[] = [];
  let n = 0;
  const cache = new ScreenshotCache({
    clock,
    take: (source, width) => {
      asked.push({ source, width });
      n++;
      return Promise.resolve(`data:image/jpg;base64,IMG${n}`);
    },
  });
  return { clock, asked, cache };
}

describe('ScreenshotCache', () => {
  it('answers a second ask within 500 ms with the last image, and asks OBS again after', async () => {
    const { clock, asked, cache } = setup();
    const a = await cache.get('Host', 320);
    clock.advance(499);
    const b = await cache.get('Host', 320);
    expect(b).toBe(a);
    expect(asked).toHaveLength(1);
    clock.advance(1);
    const c = await cache.get('Host', 320);
    expect(c.takenAt).toBe(a.takenAt + 500);
    expect(c.imageDataUrl).toBe('data:image/jpeg;base64,IMG2');
    expect(asked).toHaveLength(2);
  });

  it('limits per source, not across sources, and shares an ask in flight', async () => {
    const { asked, cache } = setup();
    const [x, y, z] = await Promise.all([cache.get('Host', 320), cache.get('Host', 320), cache.get('Product', 160)]);
    expect(x).toBe(y);
    expect(z.source).toBe('Product');
    expect(asked).toEqual([
      { source: 'Host', width: 320 },
      { source: 'Product', width: 160 },
    ]);
  });

  it('forgets images on clear', async () => {
    const { asked, cache } = setup();
    await cache.get('Host', 320);
    cache.clear();
    await cache.get('Host', 320);
    expect(asked).toHaveLength(2);
  });

  it('relabels OBS 29 JPEG data URLs only', () => {
    expect(jpegDataUrl('data:image/jpg;base64,/9j/')).toBe('data:image/jpeg;base64,/9j/');
    expect(jpegDataUrl('data:image/png;base64,iVBOR')).toBe('data:image/png;base64,iVBOR');
  });
});
