import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { fillShape, type Cell } from './eventJson.js';

/**
 * The audience pipeline's writer thread: event_log rows, stamped on the main thread, are written by a worker on its
 * own connection to the same WAL database, so the main thread normalises, redacts, classifies and stamps the next
 * part while the worker inserts the last one. Payloads come as shapes and values (eventJson.ts), which the
 * worker fills in: the main thread neither builds nor copies most of their JSON text.
 *
 * A batch is posted in parts; the worker opens the batch's transaction at its first part and commits at its last
 * (one transaction per batch: the log rows and the blocked comments' state commit together or not at all).
 * Parts of one batch are always posted within one synchronous call of the pipeline, so the worker never holds
 * the write lock waiting for the rest of a batch: it holds it for as long as inserting the batch takes (a few
 * milliseconds), and the main connection's own writes wait at most that long (busy timeout).
 *
 * Progress is shared through a SharedArrayBuffer: the number of the last committed batch and of a failed one,
 * so a caller can wait synchronously (Atomics.wait) for everything it posted. The worker is plain JavaScript
 * evaluated from a string: the same code runs under tsx, vitest and from the esbuild bundle, with no file of its own.
 */
export interface IngestWriter {
  /** Posts a part of batch `no` (numbers only grow). */
  post(part: Part): void;
  /** Rolls back batch `no` whose parts were posted but which will never be committed. */
  abort(no: number): void;
  /** Number of the last committed batch. */
  committed(): number;
  /** The failure that stopped the writer (it accepts nothing more until `reset`), or null. */
  failure(): WriterFailure | null;
  /** After a failure was handled (its batches taken back): the writer accepts batches again. */
  reset(): void;
  /** Waits until batch `no` is committed or the writer fails; false when nothing moved for `stallMs`. */
  waitFor(no: number, stallMs: number): boolean;
  /** Ends the thread at once (it stops answering). */
  kill(): void;
  /** Ends the thread after what was posted (waits for it, at most `timeoutMs`). */
  close(timeoutMs: number): void;
}

export interface WriterFailure {
  /** The batch that failed (0 when the thread itself died). */
  readonly batch: number;
  readonly message: string;
  /** The thread is gone: write on the main thread from now on. */
  readonly dead: boolean;
}

/**
 * A part of a batch. `rows`: per event its id, HLC, type, session id, subject and recorded-at, then its payload:
 * either JSON text or a shape id and the shape's values (eventJson.ts). `defs`: the shapes and text fragments
 * these rows use for the first time. `blocked`: indexes, in this part, of the comments that contain a blocked
 * word. `drop`: after this part, text fragments with a lower id are no longer used (0: none).
 */
export interface Part {
  readonly no: number;
  readonly defs: Cell[];
  readonly rows: Cell[];
  readonly blocked: number[];
  readonly drop: number;
  readonly commit: boolean;
}

const COMMITTED = 0;
const FAILED = 1;
const CLOSED = 2;

// Plain CommonJS run by `new Worker(…, { eval: true })`. Kept small: the SQL is the same as the event log's insert
// and the comments repo's markBlocked; payloads are filled in by eventJson.ts's fillShape, passed as source.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const state = new Int32Array(workerData.state);
const errors = workerData.errors;
const fail = (no, err) => {
  errors.postMessage({ batch: no, message: err instanceof Error ? err.message : String(err) });
  Atomics.store(state, ${FAILED}, no);
  Atomics.notify(state, ${COMMITTED});
  parentPort.postMessage('failed');
};
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
} catch (err) {
  fail(-1, err);
  throw err;
}
const fill = ${fillShape.toString()};
const shapes = new Map();
const texts = new Map();
const define = (d) => {
  for (let k = 0; k < d.length; ) {
    if (d[k] === 'S') {
      shapes.set(d[k + 1], [d[k + 2].split('\u0000'), d[k + 3]]);
      k += 4;
    } else {
      texts.set(d[k + 1], d[k + 2]);
      k += 3;
    }
  }
};
const dropBelow = (n) => {
  if (n > 0) for (const id of texts.keys()) if (id < n) texts.delete(id);
};
const insert = db.prepare('INSERT INTO event_log (id, hlc, type, session_id, subject, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
const markBlocked = db.prepare('INSERT INTO comment_state (seq, blocked) VALUES (?, 1) ON CONFLICT (seq) DO UPDATE SET blocked = 1');
const begin = db.prepare('BEGIN IMMEDIATE');
const commit = db.prepare('COMMIT');
let open = 0;
let failed = false;
const seqs = [];
const rollback = () => {
  if (db.inTransaction) db.exec('ROLLBACK');
  open = 0;
};
parentPort.on('message', (m) => {
  if (m.t === 'reset') { failed = false; return; }
  if (m.t === 'abort') { if (open === m.no) rollback(); return; }
  if (m.t === 'close') {
    try { rollback(); db.close(); } finally { Atomics.store(state, ${CLOSED}, 1); Atomics.notify(state, ${CLOSED}); parentPort.close(); }
    return;
  }
  // Definitions are kept even while failed: nothing posted is lost to the parts that follow.
  define(m.defs);
  if (failed) {
    dropBelow(m.drop);
    return;
  }
  try {
    if (open !== m.no) { rollback(); begin.run(); open = m.no; }
    const r = m.rows;
    let i = 0;
    for (let k = 0; k < r.length; i++) {
      const head = r[k + 6];
      if (typeof head === 'number') {
        const shape = shapes.get(head);
        if (shape === undefined) throw new Error('payload shape ' + head + ' is not defined');
        seqs[i] = insert.run(r[k], r[k + 1], r[k + 2], r[k + 3], r[k + 4], fill(shape[0], shape[1], r, k + 7, texts), r[k + 5]).lastInsertRowid;
        k += 7 + shape[1].length;
      } else {
        seqs[i] = insert.run(r[k], r[k + 1], r[k + 2], r[k + 3], r[k + 4], head, r[k + 5]).lastInsertRowid;
        k += 7;
      }
    }
    for (const i of m.blocked) markBlocked.run(seqs[i]);
    if (m.commit) {
      commit.run();
      open = 0;
      Atomics.store(state, ${COMMITTED}, m.no);
      Atomics.notify(state, ${COMMITTED});
      parentPort.postMessage('committed');
    }
  } catch (err) {
    failed = true;
    try { rollback(); } catch {}
    fail(m.no, err);
  }
  dropBelow(m.drop);
});
`;

/** Starts the writer thread on the database file `file` (migrated already, in WAL mode). */
export function createIngestWriter(file: string, onProgress: () => void): IngestWriter {
  const state = new Int32Array(new SharedArrayBuffer(4 * Int32Array.BYTES_PER_ELEMENT));
  const errors = new MessageChannel();
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, sqlite, state: state.buffer, errors: errors.port2 },
    transferList: [errors.port2],
  });
  worker.unref();
  let dead: string | null = null;
  let failure: WriterFailure | null = null;
  let closing = false;
  worker.on('message', () => onProgress());
  worker.on('error', (err) => {
    dead ??= `the audience writer thread failed: ${err.message}`;
  });
  worker.on('exit', (code) => {
    if (closing) return;
    dead ??= `the audience writer thread stopped (exit code ${code})`;
    onProgress();
  });

  const readFailure = (): WriterFailure | null => {
    if (failure) return failure;
    if (dead !== null) return (failure = { batch: 0, message: dead, dead: true });
    const no = Atomics.load(state, FAILED);
    if (no === 0) return null;
    const msg = receiveMessageOnPort(errors.port1)?.message as { batch: number; message: string } | undefined;
    const message = msg?.message ?? 'the audience writer failed';
    // The thread could not open the database at all: it is gone.
    failure = { batch: no, message, dead: no === -1 };
    return failure;
  };

  return {
    post(part) {
      worker.postMessage({ t: 'part', ...part });
    },
    abort(no) {
      worker.postMessage({ t: 'abort', no });
    },
    committed: () => Atomics.load(state, COMMITTED),
    failure: readFailure,
    reset() {
      failure = null;
      Atomics.store(state, FAILED, 0);
      worker.postMessage({ t: 'reset' });
    },
    waitFor(no, stallMs) {
      for (;;) {
        const done = Atomics.load(state, COMMITTED);
        if (done >= no || Atomics.load(state, FAILED) !== 0) return true;
        if (Atomics.wait(state, COMMITTED, done, stallMs) === 'timed-out' && Atomics.load(state, COMMITTED) === done) return false;
      }
    },
    kill() {
      closing = true;
      dead ??= 'the audience writer thread stopped answering';
      void worker.terminate();
    },
    close(timeoutMs) {
      if (closing) return;
      closing = true;
      worker.postMessage({ t: 'close' });
      Atomics.wait(state, CLOSED, 0, timeoutMs);
      errors.port1.close();
    },
  };
}
