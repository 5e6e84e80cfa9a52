import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { StoredAudienceEvent } from './pipeline.js';

export interface RecordingInfo {
  readonly file: string;
  readonly bytes: number;
  readonly modifiedAt: number;
}

/**
 * Records audience events as they are stored, one AudienceEvent per JSONL line (already pseudonymised and
 * redacted), into the data dir's recordings folder: the format replay plays.
 */
export interface Recorder {
  start(name?: string): { file: string };
  stop(): Promise<{ file: string; events: number }>;
  /** Called with every stored batch; writes nothing unless recording. */
  write(batch: readonly StoredAudienceEvent[]): void;
  current(): { file: string; events: number } | null;
  list(): RecordingInfo[];
  path(file: string): string;
  /** Deletes recordings last written before `before` (retention); returns how many. */
  purgeBefore(before: number): number;
  close(): Promise<void>;
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');

export function createRecorder(dir: string, clock: Clock, log: Logger): Recorder {
  let active: { file: string; stream: WriteStream; events: number; failed: boolean } | null = null;

  const stop = async (): Promise<{ file: string; events: number }> => {
    const a = active;
    if (!a) throw new AppError('CONFLICT', 'no recording is running');
    active = null;
    await new Promise<void>((resolve) => {
      a.stream.end(() => resolve());
    });
    log.info('recording stopped', { file: a.file, events: a.events });
    return { file: a.file, events: a.events };
  };

  const list = (): RecordingInfo[] => {
    let names: string[];
    try {
      names = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
    } catch {
      return [];
    }
    return names
      .map((file) => {
        const st = statSync(join(dir, file));
        return { file, bytes: st.size, modifiedAt: Math.round(st.mtimeMs) };
      })
      .sort((a, b) => b.modifiedAt - a.modifiedAt);
  };

  return {
    start(name) {
      if (active) throw new AppError('CONFLICT', `already recording to ${active.file}`);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = `${name && name.length > 0 ? name : `session-${stamp(clock.now())}`}.jsonl`;
      if (existsSync(join(dir, file))) throw new AppError('CONFLICT', `a recording named ${file} exists already`);
      // 'wx': never overwrite an earlier recording.
      const stream = createWriteStream(join(dir, file), { flags: 'wx', mode: 0o600 });
      const rec = { file, stream, events: 0, failed: false };
      stream.on('error', (e) => {
        rec.failed = true;
        log.error('recording failed', { file, error: e.message });
      });
      active = rec;
      log.info('recording started', { file });
      return { file };
    },
    stop,
    write(batch) {
      const a = active;
      if (!a || a.failed || batch.length === 0) return;
      let chunk = '';
      for (const s of batch) chunk += `${JSON.stringify(s.event)}\n`;
      a.stream.write(chunk);
      a.events += batch.length;
    },
    current: () => (active ? { file: active.file, events: active.events } : null),
    list,
    path: (file) => join(dir, file),
    purgeBefore(before) {
      let n = 0;
      for (const r of list()) {
        if (r.modifiedAt >= before || r.file === active?.file) continue;
        rmSync(join(dir, r.file), { force: true });
        n++;
      }
      return n;
    },
    async close() {
      if (active) await stop();
    },
  };
}
