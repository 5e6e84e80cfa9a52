// Decides whether the build in dist/ is older than the sources it was made from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir @returns {number} newest mtime (ms) of any file below dir */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

/** @param {string} root @param {string[]} outputs @returns {boolean} */
export function buildIsStale(root, outputs) {
  const missing = outputs.some((o) => !existsSync(join(root, o)));
  if (missing) return true;
  const builtAt = Math.min(...outputs.map((o) => statSync(join(root, o)).mtimeMs));
  const sourcesAt = Math.max(...['electron', 'shared', 'renderer', 'package.json'].map((s) => {
    const p = join(root, s);
    return existsSync(p) && statSync(p).isFile() ? statSync(p).mtimeMs : newest(p);
  }));
  return sourcesAt > builtAt;
}
