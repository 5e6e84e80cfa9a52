import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The layer rules of STYLE.md §1 must fire: an import that crosses a layer is an eslint error. (A resolver that
 * cannot map './x.js' to './x.ts' makes the zone rule skip every import silently; this test catches that.)
 */
describe('layer rules', () => {
  // The probes exist only in memory, outside every tsconfig: lint them with the project's rules minus the ones
  // that need type information.
  const eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/probe.ts'], ...tseslint.configs.disableTypeChecked }] });
  const ruleIds = async (file: string, code: string): Promise<string[]> => {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse');
  };

  it.each([
    ['shared/domain/probe.ts', "export { createCore } from '../../electron/core/core.js';\n"],
    ['renderer/lib/probe.ts', "export { ObsService } from '../../electron/core/obs/obsService.js';\n"],
    ['electron/core/probe.ts', "export { startConsoleHost } from '../console/server.js';\n"],
    ['electron/preload/probe.ts', "export { createCore } from '../core/core.js';\n"],
  ])('refuses the cross-layer import in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('import-x/no-restricted-paths');
  }, 60_000);

  it.each([
    ['electron/core/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['renderer/lib/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('refuses electron in %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  }, 60_000);

  it('allows an import inside the layer rules', async () => {
    expect(await ruleIds('renderer/lib/probe.ts', "export { commands } from '../../shared/contract/index.js';\n")).not.toContain(
      'import-x/no-restricted-paths',
    );
  }, 60_000);
});
