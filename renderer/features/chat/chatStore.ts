import type { CommentFilter, CommentView } from '../../../shared/contract/audience.js';
import { lowerWords, normaliseSearch, shows } from './filters.js';
import { RingBuffer } from './ringBuffer.js';

/** How many messages the panel keeps in memory. */
export const CHAT_CAPACITY = 100_000;

/**
 * The chat panel's data outside React: every message held (`all`, a ring buffer) and the current view (filter,
 * search, block list applied). Mutated in place by batches; `version` changes on every mutation so a component
 * re-renders once per animation frame, never once per message.
 */
export class ChatStore {
  readonly all: RingBuffer<CommentView>;
  view: RingBuffer<CommentView>;
  version = 0;
  /** Messages that joined the view since the store was made (monotonic, also when the ring is full). */
  viewAppended = 0;
  filter: CommentFilter = 'all';
  search = '';
  private lowered: string[] = [];
  private readonly capacity: number;

  constructor(capacity = CHAT_CAPACITY) {
    this.capacity = capacity;
    this.all = new RingBuffer(capacity);
    this.view = new RingBuffer(capacity);
  }

  /** Appends live comments (oldest first); returns how many joined the current view. */
  append(batch: readonly CommentView[]): number {
    if (batch.length === 0) return 0;
    this.all.push(batch);
    const matching = batch.filter((c) => this.shows(c));
    const added = this.view.push(matching);
    this.viewAppended += added;
    this.version++;
    return added;
  }

  /** Comments older than the held ones (history, newest first as the core pages them). Held ids are skipped. */
  addOlder(newestFirst: readonly CommentView[]): void {
    const older = [...newestFirst].reverse().filter((c) => !this.all.has(c.id));
    if (older.length === 0) return;
    const merged = [...older, ...this.all.tail(this.all.size)];
    this.all.clear();
    this.all.push(merged.slice(-this.capacity));
    this.rebuild();
  }

  /** History of the current view from the core (newest first): prepended to the client-side matches. */
  addOlderToView(newestFirst: readonly CommentView[]): void {
    const older = [...newestFirst].reverse().filter((c) => !this.view.has(c.id) && !this.all.has(c.id) && this.shows(c));
    if (older.length === 0) return;
    const merged = [...older, ...this.view.tail(this.view.size)];
    this.view.clear();
    this.view.push(merged.slice(-this.capacity));
    this.version++;
  }

  /** A comment changed (pinned, answered, relabelled): replaced wherever it is held. */
  update(c: CommentView): void {
    const held = this.all.replace(c);
    // Replaced in the view first: a comment shown from history (not held) must not keep its old copy there.
    const inView = this.view.replace(c);
    if (this.filter === 'pinned' || (inView && !this.shows(c))) this.rebuild(held || inView ? [] : [c]);
    this.version++;
  }

  setQuery(filter: CommentFilter, search: string): void {
    const q = normaliseSearch(search);
    if (filter === this.filter && q === this.search) return;
    this.filter = filter;
    this.search = q;
    this.rebuild();
  }

  setBlockWords(words: readonly string[]): void {
    this.lowered = lowerWords(words);
    this.rebuild();
  }

  /** The view from the held messages; `extra` are comments not held that must still show (a pin from history). */
  private rebuild(extra: readonly CommentView[] = []): void {
    const kept = this.view.tail(this.view.size).filter((c) => !this.all.has(c.id) && this.shows(c));
    const fromExtra = extra.filter((c) => this.shows(c));
    this.view.clear();
    this.view.push([...kept, ...fromExtra]);
    const matches: CommentView[] = [];
    for (let i = 0; i < this.all.size; i++) {
      const c = this.all.at(i);
      if (c && this.shows(c)) matches.push(c);
    }
    this.view.push(matches);
    this.version++;
  }

  private shows(c: CommentView): boolean {
    return shows(c, this.filter, this.search, this.lowered);
  }
}
