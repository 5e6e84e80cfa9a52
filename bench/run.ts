// `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named); each prints one JSON object.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run(): Promise<Record<string, unknown>>;
}

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : available;
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark(s): ${unknown.join(', ')}; available: ${available.join(', ')}\n`);
  process.exit(2);
}
let failed = false;
for (const name of names) {
  const mod = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as BenchModule;
  try {
    const result = await mod.run();
    process.stdout.write(`${JSON.stringify({ bench: name, ...result })}\n`);
  } catch (e) {
    failed = true;
    process.stdout.write(`${JSON.stringify({ bench: name, error: e instanceof Error ? e.message : String(e) })}\n`);
  }
}
process.exit(failed ? 1 : 0);
