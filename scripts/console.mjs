// `npm run console`: builds when the sources are newer than the build, then runs the console host.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsStale } from './freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (buildIsStale(root, ['dist/console/host.mjs', 'dist/renderer/index.html'])) {
  process.stdout.write('Building the console (first start or sources changed)…\n');
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('showrunner: the build failed; see the messages above.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(join(root, 'dist/console/host.mjs')).href);
