/**
 * The browser side of `jit-doctor capture`: the admin's installed Chrome, Edge or Chromium driven
 * over the DevTools protocol by playwright-core (never a downloaded browser), with a fresh profile
 * in a temporary folder that is deleted afterwards. Which requests are SAML messages and which are
 * stopped is decided by shared/capture/requests.ts, exactly as in the desktop app's capture window.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'playwright-core';
import {
  isGenesysAcs,
  samlMessagesIn,
  shouldBlock,
  type CaptureRequestDetails,
} from '../../shared/capture/requests';
import type { CapturedMessage } from '../../shared/ipc';
import type { Clock } from '../genesys/clock';
import { UsageError } from './errors';

export interface BrowserCaptureOptions {
  executablePath: string;
  headless: boolean;
  /** Where the browser starts; a blank page when absent. */
  url?: string;
  /** Stop the SAMLResponse POST to Genesys Cloud's ACS, so JIT never runs. */
  diagnoseOnly: boolean;
  /** Dates each request the browser sends. */
  clock: Clock;
  onMessage(message: CapturedMessage): void;
  /** A page the browser could not open (the admin can still type another address), or a profile left behind. */
  warn(message: string): void;
}

export interface BrowserCapture {
  /** Settles when the browser is gone (closed by the admin, or by `stop`). */
  closed: Promise<void>;
  stop(): Promise<void>;
}

/** A clean first run: no sync, no sign-in prompts, no background traffic of the browser's own. */
const BROWSER_ARGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // no speculative connection to Genesys Cloud ahead of the POST the capture stops
  '--dns-prefetch-disable',
  '--disable-features=NetworkPrediction,LoadingPredictor,SpeculationRulesPrefetchProxy',
];

function detailsOf(request: Request, clock: Clock): CaptureRequestDetails {
  const body = request.postDataBuffer();
  return {
    url: request.url(),
    method: request.method(),
    timestamp: clock.wallNow(),
    uploadData: body ? [{ bytes: body }] : null,
  };
}

export async function startBrowserCapture(options: BrowserCaptureOptions): Promise<BrowserCapture> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'jit-doctor-capture-'));
  // "Preload pages" off (net.network_prediction_options 2 = never): no preconnects of its own
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ net: { network_prediction_options: 2 } }),
  );
  // The browser may still be writing its profile as it exits: retry, then say what is left behind.
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      options.warn(`could not delete the temporary browser profile ${profile}; delete it by hand`);
    }
  };
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.executablePath,
      headless: options.headless,
      args: BROWSER_ARGS,
      viewport: null,
      // Ctrl-C is ours: the capture is saved, then the browser closed
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    removeProfile();
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(
      `cannot start the browser ${options.executablePath} (${reason}); pass --browser PATH to an installed Chrome, Edge or Chromium`,
    );
  }

  // Every request of every page, pop-ups and new tabs included, and redirects hop by hop.
  context.on('request', (request) => {
    const details = detailsOf(request, options.clock);
    const messages = samlMessagesIn(details, options.clock);
    if (messages.length === 0) return;
    const blocked = shouldBlock(details, messages, options.diagnoseOnly);
    for (const message of messages) options.onMessage({ ...message, blocked });
  });
  // Only requests to Genesys Cloud's ACS are intercepted; the same rule decides what is stopped.
  await context.route(
    (url) => isGenesysAcs(url.href),
    async (route) => {
      const details = detailsOf(route.request(), options.clock);
      if (shouldBlock(details, samlMessagesIn(details, options.clock), options.diagnoseOnly))
        await route.abort('blockedbyclient');
      else await route.fallback();
    },
  );

  const closed = new Promise<void>((resolve) => context.once('close', () => resolve())).then(
    removeProfile,
  );
  if (options.url) {
    const page = context.pages()[0] ?? (await context.newPage());
    page.goto(options.url, { waitUntil: 'commit' }).catch((error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      // A stopped ACS POST aborts the navigation: that is the point of "diagnose only".
      if (!/ERR_BLOCKED_BY_CLIENT|ERR_ABORTED|closed/i.test(text))
        options.warn(`cannot open ${options.url}: ${text.split('\n')[0]}`);
    });
  }
  return {
    closed,
    stop: async () => {
      await context.close().catch(() => undefined);
      await closed;
    },
  };
}
