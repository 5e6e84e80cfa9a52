// Builds everything the app runs: the renderer (Vite), the console host, and the Electron main + preload (esbuild).
import { build as esbuild } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as viteBuild } from 'vite';
import pkg from '../package.json' with { type: 'json' };

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const define = { SHOWRUNNER_VERSION: JSON.stringify(pkg.version) };
const migrations = join(root, 'electron/core/store/migrations');

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
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    define,
    logLevel: 'warning',
  });
  mkdirSync(join(root, 'dist/console/migrations'), { recursive: true });
  cpSync(migrations, join(root, 'dist/console/migrations'), { recursive: true });
});

await timed('electron main + preload', async () => {
  await esbuild({
    entryPoints: [join(root, 'electron/main/main.ts')],
    outfile: join(root, 'dist/electron/main.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    define,
    logLevel: 'warning',
  });
  // A sandboxed preload may require only 'electron': bundle everything else into it.
  await esbuild({
    entryPoints: [join(root, 'electron/preload/preload.ts')],
    outfile: join(root, 'dist/electron/preload.cjs'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  });
  mkdirSync(join(root, 'dist/electron/migrations'), { recursive: true });
  cpSync(migrations, join(root, 'dist/electron/migrations'), { recursive: true });
});
