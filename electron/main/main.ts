/**
 * The Electron entry: wiring only. Security rules live in window-options.ts and security.ts, the
 * IPC wrapper in dispatch.ts, the behaviour in the services (app-services.ts).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import { eventChannel, type EventMap, type EventName } from '../../shared/ipc';
import { systemClock } from '../genesys/clock';
import { createAppServices } from './app-services';
import { createCaptureService } from './capture-window';
import { PRODUCT } from './collaborators';
import { createDialogs } from './dialogs';
import { bindIpcMain, createDispatch } from './dispatch';
import { menuTemplate } from './menu';
import { createOrgConnector } from './org-connection';
import { denyPermissions, enforceCsp, isAppUrl, lockAppContents } from './security';
import { CONTENT_SECURITY_POLICY, createAppWindow } from './window-options';

const APP_HTML = join(__dirname, '../renderer/index.html');
const APP_URL = pathToFileURL(APP_HTML).href;
const log = (line: string) => process.stderr.write(`jit-doctor: ${line}\n`);

let window: BrowserWindow | null = null;

function emit<E extends EventName>(event: E, payload: EventMap[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
}

async function start(): Promise<void> {
  denyPermissions(session.defaultSession);
  enforceCsp(session.defaultSession, CONTENT_SECURITY_POLICY);
  const folder = app.getPath('userData');
  const clock = systemClock;
  const services = createAppServices({
    fs,
    folder,
    cipher: safeStorage,
    clock,
    newId: randomUUID,
    ...PRODUCT,
    // Repair locks sit where the CLI keeps them (<app data>/jit-doctor/locks), whatever the app's
    // own folder is called, so the app and `jit-doctor repair` never repair one org at once.
    connector: createOrgConnector({
      folder,
      clock,
      locks: join(app.getPath('appData'), 'jit-doctor', 'locks'),
    }),
    dialogs: createDialogs(dialog, () => window),
    capture: createCaptureService({
      BrowserWindow,
      sessionFor: (partition) => session.fromPartition(partition),
      emit: (message) => emit('captureMessage', message),
      clock,
    }),
    emit,
    log,
  });
  bindIpcMain(
    ipcMain,
    createDispatch(services.handlers, (url) => isAppUrl(url, APP_URL), log),
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        {
          open: () => void services.openInputFromMenu(),
          saveReport: () => void services.saveReportFromMenu(false),
          exportRedactedReport: () => void services.saveReportFromMenu(true),
          quit: () => app.quit(),
        },
        process.platform,
      ),
    ),
  );
  app.on('before-quit', () => void services.org.close());

  window = createAppWindow(BrowserWindow, join(__dirname, 'preload.cjs'));
  lockAppContents(window.webContents, APP_URL);
  // The renderer holds back a close while the configuration has unsaved edits: ask the person.
  window.webContents.on('will-prevent-unload', (event) => {
    const owner = window;
    if (!owner) return;
    const choice = dialog.showMessageBoxSync(owner, {
      type: 'question',
      buttons: ['Stay', 'Close without saving'],
      defaultId: 0,
      cancelId: 0,
      title: 'Unsaved configuration changes',
      message: 'The configuration has changes that are not saved.',
      detail: 'Stay and save them on the Configuration screen, or close and lose them.',
    });
    if (choice === 1) event.preventDefault();
  });
  window.once('ready-to-show', () => window?.show());
  window.on('closed', () => {
    window = null;
  });
  await window.loadFile(APP_HTML);
}

// Every web contents, including the capture window: no pop-ups, no webviews.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (error: unknown) => {
    log(`cannot start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
