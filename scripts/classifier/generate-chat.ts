// Writes the synthetic chat set (resources/datasets/chat/chat.jsonl) and prints its counts.
//
//   npx tsx scripts/classifier/generate-chat.ts [--seed N] [--out FILE]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { INTENTS } from '../../shared/domain/classifier/model.js';
import { DEFAULT_CHAT_SEED, generateChatSet } from './chat-generator.js';
import { chatSetPath, type ChatLine } from './data.js';

function main(): void {
  const args = process.argv.slice(2);
  let seed = DEFAULT_CHAT_SEED;
  let out = chatSetPath;
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    const v = args[k + 1];
    if (a === '--seed' && v !== undefined) {
      seed = Number(v);
      k++;
    } else if (a === '--out' && v !== undefined) {
      out = v;
      k++;
    } else {
      process.stderr.write(`usage: generate-chat.ts [--seed N] [--out FILE]; unknown argument ${String(a)}\n`);
      process.exit(2);
    }
  }
  const lines = generateChatSet(seed);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const count = (f: (l: ChatLine) => boolean): number => lines.filter(f).length;
  const summary: Record<string, unknown> = {
    file: out,
    seed,
    lines: lines.length,
    zh: count((l) => l.lang === 'zh'),
    en: count((l) => l.lang === 'en'),
    train: count((l) => l.split === 'train'),
    heldout: count((l) => l.split === 'heldout'),
  };
  for (const s of ['positive', 'neutral', 'negative'] as const) summary[s] = count((l) => l.sentiment === s);
  for (const i of INTENTS) summary[i] = count((l) => l.intents.includes(i));
  summary.no_intent = count((l) => l.intents.length === 0);
  const sorted = lines.map((l) => Array.from(l.text).length).sort((a, b) => a - b);
  summary.median_chars = sorted[Math.floor(sorted.length / 2)];
  console.log(JSON.stringify(summary));
}

main();
