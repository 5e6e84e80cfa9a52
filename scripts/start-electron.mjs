// `npm start`: the desktop app. Electron's runtime is a separate download; where it is missing, say so in one
// line and point to the console host instead of printing a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './freshness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, process.platform === 'win32' ? 'electron.exe' : 'electron');
    return existsSync(p) ? p : null;
  }
  const pkgDir = join(root, 'node_modules/electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const p = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(p) ? p : null;
}

const bin = electronBinary();
if (!bin) {
  process.stderr.write(
    'showrunner: the Electron runtime is not installed on this machine (it could not be downloaded); run `npm run console` and open the console in a browser instead.\n',
  );
  process.exit(1);
}
if (buildIsStale(root, ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'])) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const child = spawn(bin, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
