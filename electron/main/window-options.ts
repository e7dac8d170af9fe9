/**
 * The window options and Content-Security-Policy, as pure data so a unit test can pin them
 * (DESIGN.md "Electron security"). Electron is imported only as types.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/**
 * The app window loads only its own bundled files: no inline script, no eval, no remote content,
 * no network (the renderer reaches the main process through the preload API only).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/**
 * The app window: isolated, sandboxed, no Node; the preload is its only bridge. The options are
 * written out at the `new BrowserWindow` call so static checkers (electronegativity) see them too;
 * the constructor is passed in so tests record them without Electron.
 */
export function createAppWindow(
  BrowserWindow: WindowConstructor,
  preloadPath: string,
): BrowserWindow {
  return new BrowserWindow({
    width: 1320,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'JIT Doctor',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** In-memory partition: the capture's cookies and IdP session vanish when the app quits. */
export const CAPTURE_PARTITION = 'jit-doctor-capture';

/** The capture window is a plain browser for the IdP login: its own session, no preload, no Node. */
export function createCaptureWindow(BrowserWindow: WindowConstructor): BrowserWindow {
  return new BrowserWindow({
    width: 1024,
    height: 760,
    title: 'JIT Doctor — capture a login',
    webPreferences: {
      partition: CAPTURE_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
