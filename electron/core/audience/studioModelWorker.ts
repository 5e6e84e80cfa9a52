/**
 * The studio-model trainer, run as a child process (audience.retrainModel) so that training never blocks the core's
 * event loop during a show. It receives one TrainJob over IPC, reports progress, writes the model next to its
 * final name and renames it into place (a crash never leaves half a model), and exits.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { evaluateIntents, evaluateSentiment } from '../../../shared/domain/classifier/metrics.js';
import { loadModel, SENTIMENTS } from '../../../shared/domain/classifier/model.js';
import { DEFAULT_TRAIN_OPTIONS, trainModel } from '../../../shared/domain/classifier/train.js';
import { parseChatSet } from '../../../shared/domain/classifier/labelledData.js';
import { studioExamples, TrainJob, type TrainerMessage } from './studioModelTraining.js';

function send(m: TrainerMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send(m, () => {
      resolve();
    });
  });
}

async function run(raw: unknown): Promise<void> {
  const job = TrainJob.parse(raw);
  const started = performance.now();
  const chat = parseChatSet(readFileSync(job.chatSet, 'utf8'), job.chatSet);
  const examples = studioExamples(chat, job.corrections);
  await send({ type: 'progress', stage: 'training' });
  const json = trainModel(examples, { ...DEFAULT_TRAIN_OPTIONS, meta: { ...job.meta, examples: examples.length } });
  const tmp = `${job.out}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(json)}\n`, { mode: 0o600 });
  const trainMs = Math.round(performance.now() - started);
  await send({ type: 'progress', stage: 'evaluating' });
  // Read back the way the app reads it, and measured on the held-out split it never saw.
  const model = loadModel(JSON.parse(readFileSync(tmp, 'utf8')) as unknown);
  const held = chat.filter((l) => l.split === 'heldout');
  const sentiment = evaluateSentiment(
    model,
    held.map((l) => ({ text: l.text, sentiment: SENTIMENTS.indexOf(l.sentiment) })),
  );
  const intents = evaluateIntents(model, held);
  renameSync(tmp, job.out);
  await send({ type: 'done', examples: examples.length, trainMs, sentimentAccuracy: sentiment.accuracy, intentMacroF1: intents.macroF1 });
}

process.once('message', (raw: unknown) => {
  run(raw)
    .catch(async (e: unknown) => {
      await send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      process.exitCode = 1;
    })
    .finally(() => {
      if (process.connected) process.disconnect();
    });
});
