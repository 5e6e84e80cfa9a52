/**
 * A fixed-capacity ring buffer of items with ids: oldest items fall off when full. Index 0 is the oldest
 * held item. Items can be replaced by id (a comment pinned or relabelled) in O(1).
 */
export class RingBuffer<T extends { readonly id: string }> {
  readonly capacity: number;
  private readonly items: (T | undefined)[];
  /** Absolute sequence of the oldest held item; item i sits at slot (start + i) % capacity. */
  private start = 0;
  private count = 0;
  private readonly seqById = new Map<string, number>();

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.capacity = capacity;
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Appends in order; an id already held is replaced in place instead (no duplicates). Returns how many were appended. */
  push(batch: readonly T[]): number {
    let added = 0;
    for (const item of batch) {
      if (this.replace(item)) continue;
      if (this.count === this.capacity) {
        const old = this.items[this.start % this.capacity];
        if (old) this.seqById.delete(old.id);
        this.start++;
        this.count--;
      }
      const seq = this.start + this.count;
      this.items[seq % this.capacity] = item;
      this.seqById.set(item.id, seq);
      this.count++;
      added++;
    }
    return added;
  }

  /** The i-th held item, oldest first; undefined when out of range. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.count || !Number.isInteger(i)) return undefined;
    return this.items[(this.start + i) % this.capacity];
  }

  has(id: string): boolean {
    return this.seqById.has(id);
  }

  /** Replaces the held item with the same id; false when it is not held. */
  replace(item: T): boolean {
    const seq = this.seqById.get(item.id);
    if (seq === undefined) return false;
    this.items[seq % this.capacity] = item;
    return true;
  }

  /** The newest `n` items, oldest first. */
  tail(n: number): T[] {
    const out: T[] = [];
    for (let i = Math.max(0, this.count - n); i < this.count; i++) {
      const item = this.at(i);
      if (item) out.push(item);
    }
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.seqById.clear();
    this.start = 0;
    this.count = 0;
  }
}
