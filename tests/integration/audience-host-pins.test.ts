import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { SourceInfo } from '../../electron/core/audience/pipeline.js';
import type { CommentView } from '../../shared/contract/audience.js';
import type { PinnedQuestion } from '../../shared/contract/cues.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';

const SOURCE: SourceInfo = { connectorId: 'ingest:test', platform: 'webhook', simulated: false };

interface Frame {
  type: string;
  id?: number;
  name?: string;
  payload?: unknown;
  result?: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A UI client of the console host: the producer's laptop, or a second one. */
async function uiClient(port: number): Promise<{
  call(command: string, input: unknown): Promise<NonNullable<Frame['result']>>;
  frames: Frame[];
  close(): void;
}> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, { headers: { Origin: `http://127.0.0.1:${port}` } });
  const frames: Frame[] = [];
  const waiting = new Map<number, (f: Frame) => void>();
  ws.on('message', (d: Buffer) => {
    const f = JSON.parse(d.toString('utf8')) as Frame;
    frames.push(f);
    if (f.type === 'result' && f.id !== undefined) waiting.get(f.id)?.(f);
  });
  await new Promise((r) => ws.on('open', r));
  let next = 1;
  return {
    frames,
    call(command: string, input: unknown) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, (f) => {
          if (f.result) resolve(f.result);
          else reject(new Error(`no result in frame ${JSON.stringify(f)}`));
        });
        ws.send(JSON.stringify({ type: 'call', id, command, input }));
      });
    },
    close: () => ws.close(),
  };
}

describe('pinning a comment puts it on the host view (core wiring, any client)', () => {
  let h: AudienceHarness;
  const say = (...texts: string[]): void => {
    h.core.audience.pipeline.submit(
      SOURCE,
      texts.map((text, i) => ({ kind: 'comment', userId: `u${i}`, displayName: `viewer ${i}`, text })),
    );
  };
  const comments = async (): Promise<CommentView[]> => (await h.call<{ comments: CommentView[] }>('audience.comments', {})).comments;
  const hostPins = async (): Promise<PinnedQuestion[]> => (await h.call<{ pins: PinnedQuestion[] }>('cues.current', {})).pins;

  beforeEach(() => {
    h = openAudienceCore();
  });
  afterEach(async () => {
    await h.close();
  });

  it('pin → host pin linked to the comment; unpin and answer take it off; a second laptop sees every change', async () => {
    const port = (await h.host()).port;
    const producer = await uiClient(port);
    const second = await uiClient(port);
    try {
      say('有没有大码？', 'does it come in blue?');
      const [blue, size] = await comments();
      if (!blue || !size) throw new Error('comments missing');

      const pinned = await producer.call('audience.pin', { commentId: size.id });
      expect(pinned).toMatchObject({ ok: true, value: { pinned: true } });
      expect((await hostPins()).map((p) => [p.text, p.author])).toEqual([['有没有大码？', 'viewer 0']]);
      // The second laptop (its host view) is told.
      await expect
        .poll(() => second.frames.filter((f) => f.name === 'host.pinsChanged').map((f) => (f.payload as { pins: PinnedQuestion[] }).pins.map((p) => p.text)).at(-1))
        .toEqual(['有没有大码？']);
      // Pinning again does not duplicate the host pin.
      await producer.call('audience.pin', { commentId: size.id });
      expect(await hostPins()).toHaveLength(1);

      // The second laptop pins the other one, then unpins it: off the host view.
      expect((await second.call('audience.pin', { commentId: blue.id })).ok).toBe(true);
      expect((await hostPins()).map((p) => p.text)).toEqual(['有没有大码？', 'does it come in blue?']);
      expect((await second.call('audience.unpin', { commentId: blue.id })).ok).toBe(true);
      expect((await hostPins()).map((p) => p.text)).toEqual(['有没有大码？']);

      // Marking answered takes it off the host view and the pinned list.
      const answered = await producer.call('audience.markAnswered', { commentId: size.id });
      expect(answered).toMatchObject({ ok: true, value: { pinned: false, answered: true } });
      expect(await hostPins()).toEqual([]);
      await expect
        .poll(() => second.frames.filter((f) => f.name === 'audience.commentChanged').map((f) => f.payload as CommentView).at(-1))
        .toMatchObject({ id: size.id, pinned: false, answered: true });

      // The facts: each host pin names its comment (subject and payload).
      const log = h.core.db
        .prepare(`SELECT type, subject, payload FROM event_log WHERE type LIKE 'HostQuestion%' OR type IN ('CommentPinned', 'CommentUnpinned', 'CommentAnswered') ORDER BY seq`)
        .all() as { type: string; subject: string; payload: string }[];
      expect(log.map((e) => [e.type, e.subject])).toEqual([
        ['CommentPinned', `comment:${size.id}`],
        ['HostQuestionPinned', `comment:${size.id}`],
        ['CommentPinned', `comment:${blue.id}`],
        ['HostQuestionPinned', `comment:${blue.id}`],
        ['CommentUnpinned', `comment:${blue.id}`],
        ['HostQuestionUnpinned', 'host'],
        ['CommentAnswered', `comment:${size.id}`],
        ['CommentUnpinned', `comment:${size.id}`],
        ['HostQuestionUnpinned', 'host'],
      ]);
      expect(JSON.parse(log[1]?.payload ?? '{}')).toMatchObject({ commentId: size.id, text: '有没有大码？' });
    } finally {
      producer.close();
      second.close();
    }
  });

  it('unpinning on the host view unpins the comment; a full host view refuses the pin and the comment stays unpinned', async () => {
    say('q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11');
    const all = (await comments()).reverse();
    const first = all[0];
    const last = all[10];
    if (!first || !last) throw new Error('comments missing');
    await h.call('audience.pin', { commentId: first.id });
    const [pin] = await hostPins();
    if (!pin) throw new Error('no host pin');
    await h.call('host.unpin', { pinId: pin.id });
    expect((await comments()).find((c) => c.id === first.id)?.pinned).toBe(false);

    for (const c of all.slice(0, 10)) await h.call('audience.pin', { commentId: c.id });
    expect(await hostPins()).toHaveLength(10);
    const refused = await h.dispatch('audience.pin', { commentId: last.id });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('CONFLICT');
    expect((await comments()).find((c) => c.id === last.id)?.pinned).toBe(false);
    // A producer's own typed question still works alongside (host.pinQuestion) once there is room.
    await h.call('audience.unpin', { commentId: first.id });
    expect((await h.call<PinnedQuestion>('host.pinQuestion', { text: 'typed by the producer' })).text).toBe('typed by the producer');
  });
});
