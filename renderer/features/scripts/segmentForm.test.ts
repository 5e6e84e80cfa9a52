import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/contract/cues.js';
import { formFromSegment, importFormatOf, readSegmentForm, sameValue } from './segmentForm.js';

const seg: Segment = {
  id: 'g1',
  sessionId: 's1',
  position: 'a0',
  title: 'Thermo cup',
  plannedDurationSec: 300,
  productId: 'p1',
  obsScene: 'Price Card',
  overlayTemplate: '{name}  ¥{promo_price}',
  overlayTarget: 'Price Text',
  sceneItems: [{ scene: 'Price Card', source: 'Logo', enabled: false }],
  script: 'Hello',
  notes: '',
  createdAt: 0,
  updatedAt: 0,
  hlc: 'x',
};

describe('segment form', () => {
  it('shows a segment with durations as people write them and "" for none', () => {
    const v = formFromSegment({ ...seg, productId: null, overlayTemplate: null });
    expect(v.duration).toBe('5m');
    expect(v.productId).toBe('');
    expect(v.overlayTemplate).toBe('');
  });

  it('reads only the fields asked for', () => {
    const v = { ...formFromSegment(seg), title: '  Cup close  ', duration: '1m30s', obsScene: '' };
    expect(readSegmentForm(v, ['title', 'duration', 'obsScene'])).toEqual({
      ok: true,
      patch: { title: 'Cup close', plannedDurationSec: 90, obsScene: null },
    });
  });

  it('keeps overlay spacing, and reads an empty overlay as none', () => {
    const v = formFromSegment(seg);
    expect(readSegmentForm({ ...v, overlayTemplate: ' {name} ' }, ['overlayTemplate'])).toEqual({ ok: true, patch: { overlayTemplate: ' {name} ' } });
    expect(readSegmentForm({ ...v, overlayTemplate: '  ' }, ['overlayTemplate'])).toEqual({ ok: true, patch: { overlayTemplate: null } });
  });

  it('reports what cannot be read', () => {
    const v = { ...formFromSegment(seg), title: ' ', duration: '5', sceneItems: [{ scene: 'Host', source: '', enabled: true }] };
    expect(readSegmentForm(v, ['title', 'duration', 'sceneItems'])).toEqual({
      ok: false,
      problems: { title: 'required', duration: 'duration', sceneItems: 'sceneItems' },
    });
  });

  it('compares scene item lists by content', () => {
    expect(sameValue(seg.sceneItems, [{ scene: 'Price Card', source: 'Logo', enabled: false }])).toBe(true);
    expect(sameValue(seg.sceneItems, [{ scene: 'Price Card', source: 'Logo', enabled: true }])).toBe(false);
    expect(sameValue('a', 'a')).toBe(true);
  });

  it('tells JSON from Markdown files', () => {
    expect(importFormatOf('show.json', '#')).toBe('json');
    expect(importFormatOf('show.MD', '{')).toBe('markdown');
    expect(importFormatOf('show.txt', '  {"format"')).toBe('json');
    expect(importFormatOf('show.txt', '# Title')).toBe('markdown');
  });
});
