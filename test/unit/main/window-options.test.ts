import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import {
  CAPTURE_PARTITION,
  CONTENT_SECURITY_POLICY,
  createAppWindow,
  createCaptureWindow,
  type WindowConstructor,
} from '../../../electron/main/window-options';

/** Records the options a window is created with, in place of Electron's BrowserWindow. */
function recorder(): {
  created: BrowserWindowConstructorOptions[];
  BrowserWindow: WindowConstructor;
} {
  const created: BrowserWindowConstructorOptions[] = [];
  class FakeWindow {
    constructor(options: BrowserWindowConstructorOptions) {
      created.push(options);
    }
  }
  return { created, BrowserWindow: FakeWindow as unknown as WindowConstructor };
}

function optionsOf(
  create: (ctor: WindowConstructor) => BrowserWindow,
): BrowserWindowConstructorOptions {
  const { created, BrowserWindow } = recorder();
  create(BrowserWindow);
  expect(created).toHaveLength(1);
  return created[0]!;
}

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as const;
      }),
  );

describe('the app window', () => {
  const options = optionsOf((ctor) => createAppWindow(ctor, '/app/preload.cjs'));
  const web = options.webPreferences!;

  it('is isolated, sandboxed and has no Node', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses webviews, insecure content and drag-to-navigate', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(options.show).toBe(false);
  });

  it('loads the preload it is given and nothing else', () => {
    expect(web.preload).toBe('/app/preload.cjs');
    expect(web.partition).toBeUndefined();
  });
});

describe('the capture window', () => {
  const web = optionsOf((ctor) => createCaptureWindow(ctor)).webPreferences!;

  it('runs in its own in-memory session with no preload and no Node', () => {
    expect(web.partition).toBe(CAPTURE_PARTITION);
    expect(web.partition!.startsWith('persist:')).toBe(false);
    expect(web.preload).toBeUndefined();
    expect(web.nodeIntegration).toBe(false);
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.webSecurity).toBe(true);
  });
});

describe('the Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('denies everything by default and allows scripts and styles only from the app itself', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline code, eval or remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  });

  it('is the policy the renderer HTML carries in its meta tag (frame-ancestors only works as a header)', () => {
    const html = readFileSync(join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const expected = new Map(csp);
    expected.delete('frame-ancestors');
    expect(directives(meta ?? '')).toEqual(expected);
  });
});
