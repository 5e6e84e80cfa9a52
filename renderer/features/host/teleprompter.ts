/**
 * The host view's teleprompter: auto-scroll speeds and keys. Pure; the component owns the animation frame loop.
 */

/** Scroll speeds in CSS pixels per second; index 0 stands still. */
export const SPEEDS = [0, 12, 20, 30, 42, 56, 72, 90, 115, 140] as const;
export const DEFAULT_SPEED = 3;

export function stepSpeed(index: number, dir: -1 | 1): number {
  return Math.min(SPEEDS.length - 1, Math.max(0, index + dir));
}

export function speedOf(index: number): number {
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, index))] ?? 0;
}

/** A stored speed index, or the default when there is none or it is not a valid index. */
export function readSpeed(stored: string | null): number {
  const n = stored === null ? Number.NaN : Number(stored);
  return Number.isInteger(n) && n >= 0 && n < SPEEDS.length ? n : DEFAULT_SPEED;
}

/**
 * Where the text is after `dtMs` at `pxPerSec`, never past the end. The position is kept as a float by the caller
 * (scrollTop rounds), and a long gap (a background tab, a stalled frame) moves at most 100 ms worth.
 */
export function advanceScroll(pos: number, pxPerSec: number, dtMs: number, max: number): number {
  const dt = Math.min(Math.max(0, dtMs), 100);
  return Math.min(Math.max(0, max), pos + (pxPerSec * dt) / 1000);
}

export type PrompterKey = 'toggle' | 'faster' | 'slower' | 'top';

/** Keys of the host view: Space or P pauses and resumes, + / ↑ faster, − / ↓ slower, Home back to the top. */
export function prompterKey(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; repeat: boolean }): PrompterKey | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case ' ':
    case 'p':
    case 'P':
      return e.repeat ? null : 'toggle';
    case '+':
    case '=':
    case 'ArrowUp':
      return 'faster';
    case '-':
    case '_':
    case 'ArrowDown':
      return 'slower';
    case 'Home':
      return e.repeat ? null : 'top';
    default:
      return null;
  }
}
