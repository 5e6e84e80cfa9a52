// Classifies chat messages, one per line, and prints one JSON line per message:
//   {"text","sentiment","intents","confidence"}
//
//   npx tsx scripts/classifier/classify.ts [--model FILE] <file | ->
//
// Blank lines are skipped. Exit codes: 0 done, 2 bad arguments or unreadable input, 1 unusable model file.
// Errors are one line on stderr, never a stack trace.
import { closeSync, createReadStream, fstatSync, openSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { classify, loadModel, type ChatModel } from '../../shared/domain/classifier/model.js';
import { modelPath } from './data.js';

const USAGE = 'usage: classify [--model FILE] <file | ->';

class ExitError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

function describe(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = String(e.code);
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
    return code;
  }
  return e instanceof Error ? e.message : String(e);
}

function parseArgs(argv: readonly string[]): { input: string; model: string } {
  let model = modelPath;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--model') {
      const v = argv[i + 1];
      if (v === undefined) throw new ExitError(`--model needs a file; ${USAGE}`, 2);
      model = v;
      i++;
    } else if (a === '-h' || a === '--help') throw new ExitError(USAGE, 2);
    else if (a.startsWith('--')) throw new ExitError(`unknown option ${a}; ${USAGE}`, 2);
    else rest.push(a);
  }
  const input = rest[0];
  if (input === undefined || rest.length > 1) throw new ExitError(rest.length > 1 ? `one input file only; ${USAGE}` : `no input file; ${USAGE}`, 2);
  return { input, model };
}

function readModel(file: string): ChatModel {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ExitError(`cannot read model ${file}: ${describe(e)}`, 1);
  }
  try {
    return loadModel(JSON.parse(text));
  } catch (e) {
    throw new ExitError(`unusable model ${file}: ${describe(e)}`, 1);
  }
}

/** Opens the input now, so a missing or unreadable file fails before any output. */
function openInput(file: string): NodeJS.ReadableStream {
  if (file === '-') return process.stdin;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new ExitError(`cannot read ${file}: ${describe(e)}`, 2);
  }
  if (fstatSync(fd).isDirectory()) {
    closeSync(fd);
    throw new ExitError(`cannot read ${file}: is a directory`, 2);
  }
  return createReadStream('', { fd, encoding: 'utf8' });
}

async function main(): Promise<void> {
  const { input, model: modelFile } = parseArgs(process.argv.slice(2));
  const model = readModel(modelFile);
  const stream = openInput(input);
  // A closed pipe (| head) ends the run quietly.
  process.stdout.on('error', () => process.exit(0));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let out: string[] = [];
  try {
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const r = classify(model, line);
      out.push(JSON.stringify({ text: line, sentiment: r.sentiment, intents: r.intents, confidence: Math.round(r.confidence * 10000) / 10000 }));
      if (out.length >= 512) {
        process.stdout.write(`${out.join('\n')}\n`);
        out = [];
      }
    }
  } catch (e) {
    throw new ExitError(`cannot read ${input}: ${describe(e)}`, 2);
  }
  if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`classify: ${message.replace(/\s+/g, ' ')}\n`);
  process.exit(e instanceof ExitError ? e.code : 1);
});
