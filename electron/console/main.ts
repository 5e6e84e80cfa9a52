import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors.js';
import { createCore, type Core } from '../core/core.js';
import { createLogger, envLevel, fileSink, stderrSink, teeSink } from '../core/logger.js';
import { loadOrCreateAccessToken } from './auth.js';
import { startConsoleHost } from './server.js';

declare const SHOWRUNNER_VERSION: string | undefined;
const VERSION = typeof SHOWRUNNER_VERSION === 'string' ? SHOWRUNNER_VERSION : '0.0.0-dev';

const USAGE = `Usage: npm run console -- [--port N] [--data-dir DIR] [--lan] [--obs ws://HOST:PORT] [--obs-password PW]
  --port N          port to listen on (default 5170)
  --data-dir DIR    where the database and keys live (default ~/.showrunner)
  --lan             listen on all interfaces; every device then needs the access token or the pairing code
  --obs URL         connect the "main" OBS to this obs-websocket URL at start
  --obs-password PW password for --obs (stored encrypted in the data dir)`;

/** First existing path, for files that sit beside the bundle in a build and elsewhere in the source tree. */
function firstExisting(paths: string[], what: string): string {
  const hit = paths.find((p) => existsSync(p));
  if (!hit) throw new AppError('UNAVAILABLE', `cannot find ${what} (looked in ${paths.join(', ')})`);
  return hit;
}

function fail(message: string): never {
  process.stderr.write(`showrunner: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: { port?: string; 'data-dir'?: string; lan?: boolean; obs?: string; 'obs-password'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        lan: { type: 'boolean' },
        obs: { type: 'string' },
        'obs-password': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port ?? '5170');
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535\n${USAGE}`);
  const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.showrunner'));
  const here = dirname(fileURLToPath(import.meta.url));
  const migrationsDir = firstExisting([join(here, 'migrations'), join(here, '../core/store/migrations')], 'the database migrations');
  const staticDir = firstExisting([join(here, '../renderer'), join(here, '../../dist/renderer')], 'the built console UI (run npm run build)');
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    fail(`cannot create the data directory ${dataDir}: ${(e as Error).message}`);
  }
  // The terminal shows warnings and errors (and the start-up lines below); everything goes to the log file.
  const log = createLogger(
    'console',
    teeSink(stderrSink(envLevel('warn')), fileSink(join(dataDir, 'logs', 'console.log'), envLevel('info'))),
  );

  let core: Core;
  try {
    core = createCore({ dataDir, migrationsDir, host: 'console', version: VERSION, log });
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const accessToken = loadOrCreateAccessToken(join(dataDir, 'access-token'));
  let host;
  try {
    host = await startConsoleHost({
      core,
      log: log.child('http'),
      staticDir,
      port,
      lan: values.lan === true,
      accessToken,
      onPaired: (next) => process.stdout.write(`A device paired. Next pairing code: ${next}\n`),
    });
  } catch (e) {
    await core.close();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') fail(`port ${port} is already in use (another console host?). Choose one with --port.`);
    fail(err.message);
  }
  if (values.obs !== undefined) {
    const r = await core.dispatch(
      'obs.configure',
      { name: 'main', url: values.obs, autoConnect: true, ...(values['obs-password'] === undefined ? {} : { password: values['obs-password'] }) },
      { transport: 'ipc', peer: 'cli' },
    );
    if (!r.ok) process.stderr.write(`showrunner: --obs: ${r.error.message}\n`);
  }

  const lines = [
    `Showrunner console ${VERSION} (rehearsal mode) is running.`,
    `  Console:      ${host.url}/`,
    `  Data dir:     ${dataDir}  (log: ${join(dataDir, 'logs', 'console.log')})`,
    `  Access token: ${accessToken}`,
    `  Control API:  curl -H "Authorization: Bearer ${accessToken}" ${host.url}/api/v1/status`,
  ];
  if (values.lan === true) {
    lines.push(`  LAN:          listening on all interfaces, port ${host.port}`);
    lines.push(`  Pairing code: ${host.sessions.code()}  (type it at http://<this-machine>:${host.port}/pair)`);
  }
  lines.push('Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    void host
      .close()
      .then(() => core.close())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          log.error('shutdown failed', { error: String(e) });
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
