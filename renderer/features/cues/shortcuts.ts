/**
 * Keyboard shortcuts of the live cue panel. Pure: the panel describes the key event, this decides.
 *
 * Next: Space, →, PageDown (what presentation clickers send). Previous: ←, PageUp. Never while typing (inputs,
 * text areas, selects, editable text), never inside a dialog, never with a modifier, never on key repeat (holding
 * a key must not skip through the show). Space on a focused button or link is left to the browser, which
 * presses that control.
 */

export type CueKeyAction = 'next' | 'previous';

export interface KeyInfo {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly repeat: boolean;
  /** tagName of the event target, upper case. */
  readonly targetTag: string;
  readonly targetEditable: boolean;
  readonly targetRole: string | null;
  readonly inDialog: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const PRESSABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);
const PRESSABLE_ROLES = new Set(['button', 'link', 'checkbox', 'switch', 'menuitem', 'tab', 'option']);

export function cueKeyAction(k: KeyInfo): CueKeyAction | null {
  if (k.altKey || k.ctrlKey || k.metaKey || k.shiftKey || k.repeat || k.inDialog) return null;
  if (TYPING_TAGS.has(k.targetTag) || k.targetEditable) return null;
  switch (k.key) {
    case ' ':
      if (PRESSABLE_TAGS.has(k.targetTag) || (k.targetRole !== null && PRESSABLE_ROLES.has(k.targetRole))) return null;
      return 'next';
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    default:
      return null;
  }
}

/** Reads a DOM keyboard event into the facts cueKeyAction needs. */
export function keyInfo(e: KeyboardEvent): KeyInfo {
  const target = e.target instanceof Element ? e.target : null;
  return {
    key: e.key,
    altKey: e.altKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    shiftKey: e.shiftKey,
    repeat: e.repeat,
    targetTag: target?.tagName.toUpperCase() ?? '',
    targetEditable: target instanceof HTMLElement && target.isContentEditable,
    targetRole: target?.getAttribute('role') ?? null,
    inDialog: target !== null && target.closest('dialog') !== null,
  };
}
