import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startObs, type ObsInstance } from '../fixtures/obs/obsFixture.js';

/** What the integration tests get through `inject('obs')`: one real OBS shared by the whole run. */
export interface ProvidedObs {
  readonly url: string;
  readonly password: string;
  readonly pid: number;
  readonly workDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    obs: ProvidedObs;
  }
}

/**
 * Starts ONE real OBS (with auth) for the integration project and stops it afterwards. If OBS cannot start the
 * whole run fails with the log tail: these tests are never skipped for lack of OBS.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = mkdtempSync(join(tmpdir(), 'showrunner-obs-int-'));
  // 4460-4499: clear of a desktop OBS on 4455; picked at random so parallel runs on this machine coexist.
  const port = await freePort(4460, 4499);
  const password = randomBytes(12).toString('base64url');
  let obs: ObsInstance;
  try {
    obs = await startObs({ workDir, port, password, transition: 'Cut' });
  } catch (e) {
    throw new Error(`integration tests need a real OBS and it did not start (work dir kept: ${workDir}):\n${String(e)}`);
  }
  project.provide('obs', { url: obs.url, password: obs.password, pid: obs.pid, workDir: obs.workDir });

  return async () => {
    const wasAlive = obs.alive();
    await obs.stop();
    // A test that killed OBS would make later files fail confusingly; say so here as well.
    if (!wasAlive) throw new Error(`OBS (pid ${obs.pid}) was no longer running at teardown:\n${obs.logTail()}`);
    rmSync(workDir, { recursive: true, force: true });
  };
}
