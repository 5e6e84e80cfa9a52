import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SourceInfo } from '../../electron/core/audience/pipeline.js';
import { createCore } from '../../electron/core/core.js';
import { createLogger, memorySink } from '../../electron/core/logger.js';
import type { CommentView, RetrainResult, StudioModelStatus } from '../../shared/contract/audience.js';
import { openAudienceCore, type AudienceHarness } from './support/audienceHarness.js';
import { MIGRATIONS_DIR, TEST_CALL } from './support/coreHarness.js';

const SOURCE: SourceInfo = { connectorId: 'ingest:test', platform: 'webhook', simulated: false };
const SHIPPED = join(import.meta.dirname, '../../resources/classifier/model.json');
// Words the chat set never uses: what the model says of them is the studio's correction alone.
const PHRASE = 'zorblax quimble frandage';

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('retraining the studio model from its corrections', () => {
  let h: AudienceHarness;
  const say = (text: string): void => {
    h.core.audience.pipeline.submit(SOURCE, [{ kind: 'comment', userId: 'u1', displayName: 'viewer', text }]);
  };
  const latest = async (): Promise<CommentView> => {
    const [c] = (await h.call<{ comments: CommentView[] }>('audience.comments', { limit: 1 })).comments;
    if (!c) throw new Error('no comment');
    return c;
  };

  beforeEach(() => {
    h = openAudienceCore();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a corrected phrase gets the corrected label after a retrain, in a child process, without touching the shipped model', async () => {
    const shippedBefore = sha(SHIPPED);
    expect(await h.call<StudioModelStatus>('audience.modelStatus')).toMatchObject({ source: 'shipped', corrections: 0, training: false, file: SHIPPED });

    say(PHRASE);
    const before = await latest();
    // Whatever the shipped model said, the correction says something else.
    const target = before.sentiment === 'negative' ? { sentiment: 'positive' as const, intents: ['praise' as const] } : { sentiment: 'negative' as const, intents: ['complaint' as const] };
    await h.call('audience.correctLabel', { commentId: before.id, ...target });
    expect((await h.call<StudioModelStatus>('audience.modelStatus')).corrections).toBe(1);

    // The event loop keeps turning while the model trains.
    let maxGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 10);
    const t0 = performance.now();
    const running = h.dispatch('audience.retrainModel', {});
    const twice = await h.dispatch('audience.retrainModel', {});
    expect(twice.ok ? 'ok' : twice.error.code).toBe('CONFLICT');
    expect((await h.call<StudioModelStatus>('audience.modelStatus')).training).toBe(true);
    const r = await running;
    const wallMs = Math.round(performance.now() - t0);
    clearInterval(ticker);
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    const result = r.value as RetrainResult;
    console.log(`retrain: ${result.examples} examples, trainer ${result.trainMs} ms, wall ${wallMs} ms, max event-loop gap ${Math.round(maxGap)} ms, held-out sentiment acc ${result.heldout.sentimentAccuracy}, intent macro-F1 ${result.heldout.intentMacroF1}`);
    expect(maxGap).toBeLessThan(250);
    expect(result).toMatchObject({ corrections: 1, file: join(h.dataDir, 'classifier', 'model.json') });
    expect(result.status).toMatchObject({ source: 'studio', trainedCorrections: 1, training: false });
    // Still a useful model on the chat set's held-out split.
    expect(result.heldout.sentimentAccuracy).toBeGreaterThan(0.6);
    expect(existsSync(result.file)).toBe(true);
    expect(sha(SHIPPED)).toBe(shippedBefore);

    const stages = h.pushed.filter((e) => e.name === 'audience.retrainProgress').map((e) => (e.payload as { stage: string }).stage);
    expect(stages).toEqual(['started', 'training', 'evaluating', 'finished']);

    // New comments get the new label at once (hot swap).
    say(PHRASE);
    const after = await latest();
    expect(after.id).not.toBe(before.id);
    expect({ sentiment: after.sentiment, intents: after.intents }).toEqual(target);

    // A restart starts with the studio model.
    const sink = memorySink();
    await h.core.audience.close();
    const again = createCore({ dataDir: h.dataDir, migrationsDir: MIGRATIONS_DIR, host: 'console', version: '0.0.0-test', log: createLogger('core', sink), audienceAutostart: false });
    try {
      const status = await again.dispatch('audience.modelStatus', {}, TEST_CALL);
      expect(status).toMatchObject({ ok: true, value: { source: 'studio', trainedCorrections: 1 } });
    } finally {
      await again.close();
    }
  }, 120_000);
});
