import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { AudienceEvent, type ReplayProgress } from '../../../../shared/contract/audience.js';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { IngestPipeline } from '../pipeline.js';
import { FatalConnectorError, type ConnectorLink } from './connector.js';

export const REPLAY_CONNECTOR_ID = 'replay';

/** Lines read ahead of the playhead; reading pauses above this. */
const READ_AHEAD = 5_000;

export interface ReplayDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly pipeline: IngestPipeline;
  readonly tickMs?: number;
}

export interface ReplayDriver {
  /** What the next open plays. */
  configure(path: string, file: string, speed: number): void;
  /** Pauses, resumes or changes the speed of the playing replay. */
  control(c: { paused?: boolean | undefined; speed?: number | undefined }): void;
  configured(): boolean;
  progress(): ReplayProgress | null;
  open(): Promise<ConnectorLink>;
}

/**
 * Plays a recorded JSONL session (one AudienceEvent a line) with its original timing divided by the speed. The
 * file is streamed, never read whole. A replayed event keeps its user pseudonym, text and labels; its
 * connector is `replay` and its time is when it is played (`occurredAt` = the moment it fell due at this speed),
 * so a replay behaves like a live room. Lines that are not valid events are skipped and counted.
 */
export function createReplayDriver(deps: ReplayDeps): ReplayDriver {
  const { clock, log, pipeline } = deps;
  const tickMs = deps.tickMs ?? 20;
  let config: { path: string; file: string; speed: number } | null = null;
  let progress: { file: string; speed: number; paused: boolean; played: number; skipped: number; finished: boolean } | null = null;
  let controls: ((c: { paused?: boolean | undefined; speed?: number | undefined }) => void) | null = null;

  return {
    configure(path, file, speed) {
      config = { path, file, speed };
      progress = { file, speed, paused: false, played: 0, skipped: 0, finished: false };
    },
    control(c) {
      if (controls) controls(c);
      else if (progress) progress = { ...progress, ...(c.paused === undefined ? {} : { paused: c.paused }), ...(c.speed === undefined ? {} : { speed: c.speed }) };
    },
    configured: () => config !== null,
    progress: () => (progress ? { ...progress } : null),
    open() {
      const cfg = config;
      if (!cfg) return Promise.reject(new FatalConnectorError('no recording chosen: use audience.startReplay'));
      if (!existsSync(cfg.path)) return Promise.reject(new FatalConnectorError(`recording not found: ${cfg.file}`));
      const p = { file: cfg.file, speed: cfg.speed, paused: progress?.paused ?? false, played: 0, skipped: 0, finished: false };
      progress = p;

      const stream = createReadStream(cfg.path, { encoding: 'utf8' });
      const lines = createInterface({ input: stream, crlfDelay: Infinity });
      const buffer: AudienceEvent[] = [];
      let bufHead = 0;
      let eof = false;
      let open = true;
      let readError: Error | null = null;
      let firstAt: number | null = null;
      let lineNo = 0;
      /** Position on the recording's own time line (ms after its first event). */
      let pos = 0;
      let lastWall = clock.now();
      let timer: unknown = null;
      let resolveEnded: (e: Error | null) => void = () => undefined;
      const ended = new Promise<Error | null>((r) => {
        resolveEnded = r;
      });

      lines.on('line', (line) => {
        lineNo++;
        if (line.trim() === '') return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          p.skipped++;
          log.debug('replay: line is not JSON', { file: cfg.file, line: lineNo });
          return;
        }
        const r = AudienceEvent.safeParse(parsed);
        if (!r.success) {
          p.skipped++;
          log.debug('replay: line is not an audience event', { file: cfg.file, line: lineNo, error: r.error.issues[0]?.message });
          return;
        }
        buffer.push(r.data);
        if (buffer.length - bufHead >= READ_AHEAD) lines.pause();
      });
      lines.on('close', () => {
        eof = true;
      });
      stream.on('error', (e) => {
        readError = e;
        eof = true;
      });

      controls = (c) => {
        advance();
        if (c.paused !== undefined) p.paused = c.paused;
        if (c.speed !== undefined) p.speed = c.speed;
      };

      /** Moves the playhead to now (unless paused). */
      const advance = (): void => {
        const now = clock.now();
        if (!p.paused) pos += (now - lastWall) * p.speed;
        lastWall = now;
      };

      const finish = (err: Error | null): void => {
        if (!open) return;
        open = false;
        p.finished = err === null;
        controls = null;
        lines.close();
        stream.destroy();
        resolveEnded(err);
      };

      const tick = (): void => {
        timer = null;
        if (!open) return;
        const now = clock.now();
        advance();
        const due: AudienceEvent[] = [];
        while (bufHead < buffer.length) {
          const e = buffer[bufHead];
          if (!e) break;
          firstAt ??= e.occurredAt;
          const rel = e.occurredAt - firstAt;
          if (rel > pos) break;
          // When it fell due at this speed: exact for a steady speed, whatever the tick granularity.
          const at = Math.round(now - (pos - rel) / p.speed);
          due.push({ ...e, connectorId: REPLAY_CONNECTOR_ID, occurredAt: at, receivedAt: at });
          bufHead++;
        }
        if (due.length > 0) {
          if (pipeline.submitNormalised(due)) {
            p.played += due.length;
          } else {
            // The pipeline is full: hold the playhead here and offer the same events again next tick.
            bufHead -= due.length;
            const first = buffer[bufHead];
            if (first && firstAt !== null) pos = first.occurredAt - firstAt;
          }
        }
        if (bufHead > 1_000 && bufHead * 2 > buffer.length) {
          buffer.splice(0, bufHead);
          bufHead = 0;
        }
        if (!eof && buffer.length - bufHead < READ_AHEAD / 2) lines.resume();
        if (eof && bufHead >= buffer.length) {
          finish(readError);
          return;
        }
        timer = clock.setTimeout(tick, tickMs);
      };
      timer = clock.setTimeout(tick, tickMs);

      return Promise.resolve({
        ended,
        close() {
          if (timer !== null) clock.clearTimeout(timer);
          timer = null;
          finish(null);
          p.finished = false;
          return Promise.resolve();
        },
      });
    },
  };
}
