// Builds everything the app runs: the renderer (Vite), the console host, and the Electron main + preload (esbuild).
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import pkg from '../package.json' with { type: 'json' };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const define = { SHOWRUNNER_VERSION: JSON.stringify(pkg.version) };
/**
 * Bundles for plain Node (the console host, the trainer child process): ESM, npm packages left to node_modules.
 * @type {import('esbuild').BuildOptions}
 */
const nodeEsm = { bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: true, logLevel: 'warning' };
/** Bundles for Electron's main and preload (its Node is 22). @type {import('esbuild').BuildOptions} */
const electronCjs = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const migrations = join(root, 'electron/core/store/migrations');
// What the core reads from resources/ at run time (found next to the migrations in a build): the chat model and
// the chat set a studio model is retrained from. The compliance list is bundled (imported as JSON).
const runtimeResources = ['classifier/model.json', 'datasets/chat/chat.jsonl'];

/** Copies the migrations, the run-time resources and builds the studio-model trainer next to a bundle. @param {string} dir */
async function besideCore(dir) {
  mkdirSync(join(dir, 'migrations'), { recursive: true });
  cpSync(migrations, join(dir, 'migrations'), { recursive: true });
  for (const file of runtimeResources) {
    mkdirSync(dirname(join(dir, 'resources', file)), { recursive: true });
    cpSync(join(root, 'resources', file), join(dir, 'resources', file));
  }
  // A child process (never blocks the core while it trains): plain Node ESM in both builds.
  await esbuild({
    entryPoints: [join(root, 'electron/core/audience/studioModelWorker.ts')],
    outfile: join(dir, 'studio-model-worker.mjs'),
    ...nodeEsm,
  });
}

/** @param {string} what @param {() => Promise<unknown>} step */
async function timed(what, step) {
  const t0 = Date.now();
  await step();
  process.stdout.write(`built ${what} in ${Date.now() - t0} ms\n`);
}

rmSync(join(root, 'dist/console'), { recursive: true, force: true });
rmSync(join(root, 'dist/electron'), { recursive: true, force: true });

await timed('renderer', () => viteBuild({ configFile: join(root, 'renderer/vite.config.ts'), logLevel: 'warn' }));

await timed('console host', async () => {
  await esbuild({
    entryPoints: [join(root, 'electron/console/main.ts')],
    outfile: join(root, 'dist/console/host.mjs'),
    ...nodeEsm,
    define,
  });
  await besideCore(join(root, 'dist/console'));
});

await timed('electron main + preload', async () => {
  await esbuild({
    entryPoints: [join(root, 'electron/main/main.ts')],
    outfile: join(root, 'dist/electron/main.cjs'),
    ...electronCjs,
    packages: 'external',
    // The core is ESM and finds files beside its modules through import.meta.url (the ingest writer thread
    // resolves better-sqlite3 that way); a CJS bundle has no import.meta, so it gets the bundle's own URL.
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { ...define, 'import.meta.url': '__importMetaUrl' },
  });
  // A sandboxed preload may require only 'electron': bundle everything else into it.
  await esbuild({
    entryPoints: [join(root, 'electron/preload/preload.ts')],
    outfile: join(root, 'dist/electron/preload.cjs'),
    ...electronCjs,
    external: ['electron'],
  });
  await besideCore(join(root, 'dist/electron'));
});
