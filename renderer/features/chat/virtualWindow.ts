/** What a fixed-row-height list renders: rows [start, end) placed at `offsetTop` inside a spacer of `totalHeight`. */
export interface VirtualWindow {
  readonly start: number;
  readonly end: number;
  readonly offsetTop: number;
  readonly totalHeight: number;
}

/** The rows in view plus `overscan` rows either side. Every input is clamped, so a stale scrollTop is harmless. */
export function virtualWindow(o: {
  count: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan?: number;
}): VirtualWindow {
  const count = Math.max(0, Math.floor(o.count));
  const rowHeight = Math.max(1, o.rowHeight);
  const overscan = Math.max(0, Math.floor(o.overscan ?? 4));
  const totalHeight = count * rowHeight;
  const maxScroll = Math.max(0, totalHeight - Math.max(0, o.viewportHeight));
  const scrollTop = Math.min(Math.max(0, o.scrollTop), maxScroll);
  const first = Math.floor(scrollTop / rowHeight);
  const visible = Math.ceil(Math.max(0, o.viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end: Math.max(start, end), offsetTop: start * rowHeight, totalHeight };
}

/** Whether a scroll position counts as "at the bottom" (within one row), where new messages keep it pinned. */
export function isAtBottom(scrollTop: number, viewportHeight: number, scrollHeight: number, slack: number): boolean {
  return scrollTop + viewportHeight >= scrollHeight - slack;
}
