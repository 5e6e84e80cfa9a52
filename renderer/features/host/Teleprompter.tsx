import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/errors.js';
import { advanceScroll, prompterKey, readSpeed, speedOf, SPEEDS, stepSpeed, type PrompterKey } from './teleprompter.js';

const SPEED_STORAGE_KEY = 'showrunner.prompter.speed';
const START_HOLD_MS = 3000;
/** Auto-scroll stops once the last line has risen to this fraction of the box's height (it never leaves the view). */
const END_LINE = 0.4;

/** How far the text auto-scrolls: until its end sits at END_LINE of the box; 0 when it all fits above that line. */
function scrollEnd(box: HTMLElement, text: HTMLElement): number {
  const end = text.offsetTop + text.offsetHeight;
  return Math.max(0, Math.min(box.scrollHeight - box.clientHeight, end - box.clientHeight * END_LINE));
}

function storedSpeed(): number {
  try {
    return readSpeed(window.localStorage.getItem(SPEED_STORAGE_KEY));
  } catch {
    return readSpeed(null);
  }
}

function storeSpeed(index: number): void {
  try {
    window.localStorage.setItem(SPEED_STORAGE_KEY, String(index));
  } catch {
    // Storage unavailable: the speed lasts as long as the page.
  }
}

/**
 * The segment's script, scrolling by itself at an adjustable speed (kept on this device). Starts again from the
 * top when the segment changes; the host can scroll by hand at any time and it carries on from there.
 * Keys: Space / P pause and resume, + / ↑ faster, − / ↓ slower, Home back to the top.
 */
export function Teleprompter({ text, segmentId }: { text: string; segmentId: string | null }): ReactNode {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const pos = useRef(0);
  /** The text holds still at the top for a moment when a segment starts, so the host can find the first line. */
  const holdUntil = useRef(0);
  const [playing, setPlaying] = useState(true);
  const [speed, setSpeed] = useState(storedSpeed);

  useLayoutEffect(() => {
    pos.current = 0;
    holdUntil.current = performance.now() + START_HOLD_MS;
    if (box.current) box.current.scrollTop = 0;
  }, [segmentId]);

  useEffect(() => {
    const pxPerSec = speedOf(speed);
    if (!playing || pxPerSec === 0) return undefined;
    let raf = 0;
    let last = performance.now();
    const frame = (now: number): void => {
      const el = box.current;
      const text = content.current;
      if (el && text && now >= holdUntil.current) {
        pos.current = advanceScroll(pos.current, pxPerSec, now - last, scrollEnd(el, text));
        el.scrollTop = pos.current;
      }
      last = now;
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [playing, speed]);

  const act = (a: PrompterKey): void => {
    switch (a) {
      case 'toggle':
        setPlaying((p) => !p);
        break;
      case 'faster':
      case 'slower':
        setSpeed((s) => {
          const next = stepSpeed(s, a === 'faster' ? 1 : -1);
          storeSpeed(next);
          return next;
        });
        break;
      case 'top':
        pos.current = 0;
        if (box.current) box.current.scrollTop = 0;
        break;
      default:
        assertNever(a, 'prompter key');
    }
  };
  const actRef = useRef(act);
  useLayoutEffect(() => {
    actRef.current = act;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // Space on a focused button presses that button; the browser does it, not us.
      if (e.target instanceof HTMLButtonElement && e.key === ' ') return;
      const a = prompterKey(e);
      if (!a) return;
      e.preventDefault();
      actRef.current(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="host-prompter" aria-label={t('host.script')}>
      <div
        className="host-prompter-text"
        ref={box}
        data-testid="host-script"
        data-playing={playing}
        data-speed={speedOf(speed)}
        onScroll={(e) => {
          // A scroll by hand (wheel, touch): carry on from there.
          if (Math.abs(e.currentTarget.scrollTop - pos.current) > 2) pos.current = e.currentTarget.scrollTop;
        }}
      >
        <div ref={content}>
          {text.trim() === '' ? <p className="host-muted">{t('host.noScript')}</p> : text.split('\n').map((line, i) => <p key={i}>{line === '' ? '\u00a0' : line}</p>)}
        </div>
      </div>
      <div className="host-prompter-controls" role="group" aria-label={t('host.prompterControls')}>
        <button type="button" className="host-btn" data-testid="host-slower" aria-label={t('host.slower')} onClick={() => act('slower')}>
          −
        </button>
        <button type="button" className="host-btn host-btn-wide" data-testid="host-pause" aria-pressed={!playing} onClick={() => act('toggle')}>
          {playing ? t('host.pause') : t('host.resume')}
        </button>
        <button type="button" className="host-btn" data-testid="host-faster" aria-label={t('host.faster')} onClick={() => act('faster')}>
          +
        </button>
        <span className="host-speed" aria-live="polite">
          {t('host.speed', { level: speed, max: SPEEDS.length - 1 })}
        </span>
        <button type="button" className="host-btn host-btn-wide" onClick={() => act('top')}>
          {t('host.top')}
        </button>
      </div>
    </section>
  );
}
