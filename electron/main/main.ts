import { app, BrowserWindow, globalShortcut, ipcMain, Menu, safeStorage, session } from 'electron';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore, type Core } from '../core/core.js';
import { createLogger } from '../core/logger.js';
import { createAesSecretBox, createKeyFileSecretBox, type SecretBox } from '../core/secrets.js';
import { CONTENT_SECURITY_POLICY } from '../console/http.js';
import { registerGlobalHotkeys } from './hotkeys.js';
import { wireIpc, type IpcWiring } from './ipc.js';

declare const SHOWRUNNER_VERSION: string | undefined;
const VERSION = typeof SHOWRUNNER_VERSION === 'string' ? SHOWRUNNER_VERSION : app.getVersion();
const log = createLogger('main');
const rendererIndex = join(__dirname, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).href;

/**
 * Secrets are sealed with a data key; the data key itself is sealed by the OS keychain (Electron safeStorage)
 * in `secret.key.sealed`. Where the OS offers no keychain, a 0600 key file is used, as in the console host.
 */
async function secretBox(dataDir: string): Promise<SecretBox> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    log.warn('OS secret storage unavailable; using a key file in the data dir');
    return createKeyFileSecretBox(join(dataDir, 'secret.key'));
  }
  const sealedFile = join(dataDir, 'secret.key.sealed');
  if (existsSync(sealedFile)) {
    const { result } = await safeStorage.decryptStringAsync(readFileSync(sealedFile));
    return createAesSecretBox(Buffer.from(result, 'base64'));
  }
  const key = randomBytes(32);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(sealedFile, await safeStorage.encryptStringAsync(key.toString('base64')), { mode: 0o600 });
  return createAesSecretBox(key);
}

function harden(): void {
  // Deny every permission (camera, mic, notifications, …) unless a later feature asks for one explicitly.
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(appUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** A window on the renderer; `hash` picks the view (e.g. '/host' for the host view on a second screen). */
function createWindow(ipc: IpcWiring, view: { hash?: string; title?: string; width?: number; height?: number } = {}): BrowserWindow {
  const win = new BrowserWindow({
    width: view.width ?? 1440,
    height: view.height ?? 900,
    backgroundColor: '#0f1115',
    title: view.title ?? 'Showrunner',
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  const id = win.webContents.id;
  ipc.addWindow(win.webContents);
  win.on('closed', () => ipc.removeWindow(id));
  void win.loadFile(rendererIndex, view.hash === undefined ? {} : { hash: view.hash });
  return win;
}

/** The app menu: the standard roles plus the host view window for the teleprompter screen. */
function buildMenu(openHostView: () => void): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      {
        label: 'View',
        submenu: [
          { label: 'Host view window', accelerator: 'CommandOrControl+Shift+H', click: openHostView },
          { type: 'separator' },
          { role: 'togglefullscreen' },
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
        ],
      },
      { role: 'windowMenu' },
    ]),
  );
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  harden();
  const dataDir = app.getPath('userData');
  let core: Core;
  try {
    core = createCore({
      dataDir,
      migrationsDir: join(__dirname, 'migrations'),
      host: 'desktop',
      version: VERSION,
      log,
      secrets: await secretBox(dataDir),
    });
  } catch (e) {
    log.error('cannot start the core', { error: String(e) });
    app.exit(1);
    return;
  }
  const ipc = wireIpc({
    ipcMain,
    dispatch: core.dispatch,
    isTrustedUrl: (url) => url.startsWith(appUrl),
    onRejected: (reason) => log.warn(reason),
  });
  core.subscribe((event) => ipc.broadcast(event));
  createWindow(ipc);
  let hostWindow: BrowserWindow | null = null;
  buildMenu(() => {
    if (hostWindow && !hostWindow.isDestroyed()) {
      hostWindow.focus();
      return;
    }
    hostWindow = createWindow(ipc, { hash: '/host', title: 'Showrunner · Host view', width: 1280, height: 720 });
  });
  const unregisterHotkeys = registerGlobalHotkeys(globalShortcut, core.dispatch, log);
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(ipc);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    unregisterHotkeys();
    ipc.dispose();
    void core.close();
  });
}

void start();
