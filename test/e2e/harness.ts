/**
 * The e2e harness: the built renderer in Debian's Chromium (playwright-core, never a downloaded
 * browser), with `window.jitDoctor` wired through Playwright bindings to the REAL main-process
 * handlers (engine, stores, org) running in this process, in a temporary app data folder.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { eventChannel, INVOKE_METHODS, invokeChannel, type InvokeMethod } from '../../shared/ipc';
import {
  createAppServices,
  type AppServices,
  type Dialogs,
} from '../../electron/main/app-services';
import { PRODUCT } from '../../electron/main/collaborators';
import { createDispatch, type Dispatch } from '../../electron/main/dispatch';
import { isAppUrl } from '../../electron/main/security';
import { createOrgConnector } from '../../electron/main/org-connection';
import { systemClock } from '../../electron/genesys/clock';

export const CHROMIUM = process.env.JIT_DOCTOR_CHROMIUM ?? '/usr/bin/chromium';

/** Why the e2e cannot run on this machine (no Chromium to drive), or null when it can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `e2e skipped: ${CHROMIUM} is missing; install Debian's chromium (apt-get install chromium), or set JIT_DOCTOR_CHROMIUM to a Chromium binary.`;
}
export const ROOT = resolve(import.meta.dirname, '../..');
const APP_HTML = join(ROOT, 'dist/renderer/index.html');
export const APP_URL = pathToFileURL(APP_HTML).href;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The Vite bundle is an ES module; Chromium refuses module scripts from file:// without this.
  '--allow-file-access-from-files',
];

/** A cipher standing in for safeStorage: reversible, but never the identity, so a leak shows. */
const testCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
  decryptString: (data: Buffer) =>
    Buffer.from(data.toString().replace(/^enc:/, ''), 'base64').toString(),
};

export interface Harness {
  context: BrowserContext;
  services: AppServices;
  dispatch: Dispatch;
  folder: string;
  /** Files the fake open/save dialogs hand out or received. */
  dialogQueue: { name: string; text: string }[];
  saved: { name: string; text: string }[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

let bridgeSource: Promise<string> | null = null;

/** The init script: test/e2e/bridge-init.ts bundled with shared/ipc/ for the browser. */
function bridgeScript(): Promise<string> {
  bridgeSource ??= build({
    entryPoints: [join(ROOT, 'test/e2e/bridge-init.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bridgeSource;
}

export async function startHarness(
  options: {
    colorScheme?: 'light' | 'dark';
    /** The demo org's real ms per org ms (org-connection.ts); default 1, as in the app. */
    demoTimeScale?: number;
  } = {},
): Promise<Harness> {
  const folder = await mkdtemp(join(tmpdir(), 'jit-doctor-e2e-'));
  const dialogQueue: { name: string; text: string }[] = [];
  const saved: { name: string; text: string }[] = [];
  const dialogs: Dialogs = {
    async openText() {
      return dialogQueue.shift() ?? null;
    },
    async saveText(name, text) {
      saved.push({ name, text });
      return join(folder, name);
    },
  };
  const pages = new Set<Page>();
  const clock = systemClock;
  const services = createAppServices({
    fs,
    folder,
    cipher: testCipher,
    clock,
    newId: randomUUID,
    ...PRODUCT,
    connector: createOrgConnector({ folder, clock, demoTimeScale: options.demoTimeScale }),
    dialogs,
    capture: null,
    emit: (event, payload) => {
      for (const page of pages) {
        void page
          .evaluate(
            ([channel, data]) => {
              (
                globalThis as unknown as { __jitDoctorEmit(c: string, p: unknown): void }
              ).__jitDoctorEmit(channel, data);
            },
            [eventChannel(event), payload] as const,
          )
          .catch(() => {});
      }
    },
    log: (line) => process.stderr.write(`[main] ${line}\n`),
  });
  const dispatch = createDispatch(
    services.handlers,
    (url) => isAppUrl(url, APP_URL),
    (line) => process.stderr.write(`[ipc] ${line}\n`),
  );
  const userDataDir = await mkdtemp(join(tmpdir(), 'jit-doctor-chromium-'));
  // A persistent context on a fresh temporary profile: Playwright's way of passing --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: 'UTC',
  });
  const methodByChannel = new Map(
    INVOKE_METHODS.map((m) => [invokeChannel(m), m] as [string, InvokeMethod]),
  );
  await context.exposeBinding('__jitDoctorInvoke', (source, channel: string, payload: unknown) => {
    const method = methodByChannel.get(channel) ?? channel;
    if (process.env.JIT_DOCTOR_E2E_DEBUG)
      process.stderr.write(`[e2e] ${method} ${JSON.stringify(payload).slice(0, 120)}\n`);
    return dispatch(method, source.frame.url(), payload);
  });
  await context.addInitScript({ content: await bridgeScript() });
  return {
    context,
    services,
    dispatch,
    folder,
    dialogQueue,
    saved,
    async newPage() {
      const page = await context.newPage();
      pages.add(page);
      page.on('close', () => pages.delete(page));
      await page.goto(APP_URL);
      return page;
    },
    async close() {
      await services.org.close().catch(() => {});
      await context.close();
      await rm(folder, { recursive: true, force: true });
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the renderer into dist/renderer as `npm run build` does: for production, even inside
 * vitest (NODE_ENV=test would otherwise give React's development build, several times slower).
 */
export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: join(ROOT, 'renderer'),
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
}

export async function readSample(name: string, file = 'input.xml'): Promise<string> {
  return readFile(join(ROOT, 'test/fixtures/samples', name, file), 'utf8');
}
