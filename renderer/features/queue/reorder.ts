/**
 * Reordering lists whose order lives in the core (queue items, segments): where a keyboard move or a drop puts an
 * item, said the way the core's move commands take it ("right before X" / "right after X"), and the local order
 * shown while the command is on its way. Pure.
 */

export type Placement = { readonly before: string } | { readonly after: string };

/** Alt/Ctrl + ↑ (dir -1) or ↓ (dir 1): one place up or down; null at the edge. */
export function keyboardMove(ids: readonly string[], id: string, dir: -1 | 1): Placement | null {
  const i = ids.indexOf(id);
  if (i < 0) return null;
  const neighbour = ids[i + dir];
  if (neighbour === undefined) return null;
  return dir < 0 ? { before: neighbour } : { after: neighbour };
}

/** Dropping `dragged` on the upper or lower half of `target`; null when that changes nothing. */
export function dropPlacement(ids: readonly string[], dragged: string, target: string, half: 'upper' | 'lower'): Placement | null {
  if (dragged === target || !ids.includes(dragged) || !ids.includes(target)) return null;
  const p: Placement = half === 'upper' ? { before: target } : { after: target };
  const moved = applyPlacement(ids, dragged, p);
  return moved.every((x, i) => x === ids[i]) ? null : p;
}

/** The order after moving `id` to `p` (unchanged when either is unknown). */
export function applyPlacement(ids: readonly string[], id: string, p: Placement): string[] {
  const anchor = 'before' in p ? p.before : p.after;
  if (!ids.includes(id) || !ids.includes(anchor) || anchor === id) return [...ids];
  const rest = ids.filter((x) => x !== id);
  const at = rest.indexOf(anchor) + ('before' in p ? 0 : 1);
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}

/**
 * The order to show while local moves are pending: the local order for the items it knows, restricted to what the
 * core still has; items the core added meanwhile keep their place relative to their predecessor in the core's order.
 */
export function overlayOrder(local: readonly string[], server: readonly string[]): string[] {
  const known = new Set(server);
  const out = local.filter((id) => known.has(id));
  const placed = new Set(out);
  server.forEach((id, i) => {
    if (placed.has(id)) return;
    const prev = i > 0 ? server[i - 1] : undefined;
    const at = prev === undefined ? 0 : out.indexOf(prev) + 1;
    out.splice(at, 0, id);
    placed.add(id);
  });
  return out;
}

/** Sorts items by an id order (items the order does not know go last, in their order). */
export function sortByOrder<T extends { readonly id: string }>(items: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...items].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity));
}
