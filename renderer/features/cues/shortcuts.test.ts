import { describe, expect, it } from 'vitest';
import { cueKeyAction, type KeyInfo } from './shortcuts.js';

const key = (over: Partial<KeyInfo>): KeyInfo => ({
  key: ' ',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  targetTag: 'BODY',
  targetEditable: false,
  targetRole: null,
  inDialog: false,
  ...over,
});

describe('cueKeyAction', () => {
  it('maps Space, → and PageDown to Next, ← and PageUp to Previous', () => {
    expect(cueKeyAction(key({ key: ' ' }))).toBe('next');
    expect(cueKeyAction(key({ key: 'ArrowRight' }))).toBe('next');
    expect(cueKeyAction(key({ key: 'PageDown' }))).toBe('next');
    expect(cueKeyAction(key({ key: 'ArrowLeft' }))).toBe('previous');
    expect(cueKeyAction(key({ key: 'PageUp' }))).toBe('previous');
    expect(cueKeyAction(key({ key: 'n' }))).toBeNull();
  });

  it('never fires while typing, in a dialog, with modifiers or on key repeat', () => {
    for (const targetTag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(cueKeyAction(key({ targetTag }))).toBeNull();
    expect(cueKeyAction(key({ targetTag: 'DIV', targetEditable: true }))).toBeNull();
    expect(cueKeyAction(key({ inDialog: true }))).toBeNull();
    expect(cueKeyAction(key({ key: 'ArrowRight', altKey: true }))).toBeNull();
    expect(cueKeyAction(key({ key: 'ArrowRight', ctrlKey: true }))).toBeNull();
    expect(cueKeyAction(key({ key: 'ArrowRight', shiftKey: true }))).toBeNull();
    expect(cueKeyAction(key({ key: 'ArrowRight', repeat: true }))).toBeNull();
  });

  it('leaves Space on a focused button or link to the browser, but not the arrows', () => {
    expect(cueKeyAction(key({ targetTag: 'BUTTON' }))).toBeNull();
    expect(cueKeyAction(key({ targetTag: 'A' }))).toBeNull();
    expect(cueKeyAction(key({ targetTag: 'LI', targetRole: 'button' }))).toBeNull();
    expect(cueKeyAction(key({ targetTag: 'BUTTON', key: 'ArrowRight' }))).toBe('next');
  });
});
