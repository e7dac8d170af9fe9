/**
 * `renderer.cold-load`, `renderer.paste-typical` and `renderer.xml-20k-values` (docs/benchmarks.md):
 * the renderer built for production and loaded from local files in Debian's Chromium, with the real main-process handlers behind `window.jitDoctor` (the
 * e2e harness). Skipped, with the reason, where there is no Chromium.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { APP_URL, buildRenderer, CHROMIUM, startHarness } from '../e2e/harness';
import { pasteAnywhere } from '../e2e/steps';
import { BENCH_CONFIG, manyValuesResponse, typicalResponse } from './diagnose';
import type { Benchmark } from './types';

/** A page of the app with the benchmark configuration applied, evaluating as of the bench's instant. */
async function benchPage(harness: Awaited<ReturnType<typeof startHarness>>) {
  const applied = await harness.dispatch('applyConfig', APP_URL, {
    text: JSON.stringify(BENCH_CONFIG),
    source: 'benchmark',
  });
  if (!applied.ok) throw new Error(applied.error.message);
  const page = await harness.newPage();
  await page.getByLabel('As of').fill('2026-11-23T09:00:00');
  return page;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
export const round = (ms: number) => Math.round(ms * 100) / 100;

let built: Promise<void> | null = null;

export async function ready(log: (line: string) => void): Promise<string | null> {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  // Built once per run from this source, for production: a dist/renderer left by an older build
  // (or by a development one) would measure other code.
  if (!built) {
    log('  building the renderer for production');
    built = buildRenderer();
  }
  await built;
  return null;
}

/** From navigation to the first screen rendered by React (the paste prompt, ready for input). */
async function loadOnce(page: Page): Promise<number> {
  const started = performance.now();
  await page.goto(APP_URL, { waitUntil: 'commit' });
  await page.getByText('Paste a SAML response anywhere').waitFor();
  return performance.now() - started;
}

/** Time in the page from the paste event to the DOM commit of the new verdict. */
function pasteOnce(page: Page, text: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const main = document.querySelector('main');
    const before = Number(main.dataset.diagnoses);
    const done = () => Number(main.dataset.diagnoses) > before && main.querySelector('[data-testid="verdict"]');
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (done()) { observer.disconnect(); resolve(performance.now() - started); }
    });
    observer.observe(main, { attributes: true, childList: true, subtree: true });
    setTimeout(() => { observer.disconnect(); reject(new Error('no verdict within 10 s')); }, 10000);
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })`) as Promise<number>;
}

/**
 * From the click on Diagnose (the 20,000-value message already diagnosed, another screen shown) to
 * the painted frame where its XML view is scrolled to the end and shows the closing tag: the
 * layout of the whole XML, the first render, the scroll and the rows measured at the end.
 */
function openXmlToEndOnce(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const nav = document.querySelector('nav[aria-label="Screens"]');
    const button = [...nav.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Diagnose');
    let finished = false;
    const finish = (error) => {
      finished = true;
      observer.disconnect();
      document.removeEventListener('scroll', check, true);
      clearTimeout(timer);
      if (error) reject(error);
      // The next frame is the one that paints the last rows.
      else requestAnimationFrame(() => resolve(performance.now() - started));
    };
    const check = () => {
      if (finished) return;
      const view = document.querySelector('.xml-view');
      if (!view) return;
      const atEnd = view.scrollTop + view.clientHeight >= view.scrollHeight - 1;
      if (!atEnd) { view.scrollTop = view.scrollHeight; return; }
      const rows = view.querySelectorAll('.xml-row');
      const last = rows.length > 0 && rows[rows.length - 1].textContent.includes('</samlp:Response>');
      if (last) finish(null);
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    document.addEventListener('scroll', check, true);
    const timer = setTimeout(() => finish(new Error('the XML view did not reach its end within 20 s')), 20000);
    const started = performance.now();
    button.click();
  })`) as Promise<number>;
}

export const rendererBenchmarks: Benchmark[] = [
  {
    name: 'renderer.cold-load',
    async run(log) {
      const skip = await ready(log);
      if (skip) return { skipped: skip };
      const harness = await startHarness();
      try {
        const times: number[] = [];
        for (let i = 0; i < 23; i++) {
          const page = await harness.context.newPage();
          const ms = await loadOnce(page);
          await page.close();
          if (i >= 3) times.push(ms); // warm-up: the browser's own first start is not the app's
        }
        return { median_ms: round(median(times)), runs: times.length };
      } finally {
        await harness.close();
      }
    },
  },
  {
    name: 'renderer.paste-typical',
    async run(log) {
      const skip = await ready(log);
      if (skip) return { skipped: skip };
      const harness = await startHarness();
      try {
        const page = await benchPage(harness);
        const xml = typicalResponse();
        const base64 = Buffer.from(xml).toString('base64');
        log(`  message ${xml.length} bytes (pasted as base64)`);
        const times: number[] = [];
        for (let i = 0; i < 45; i++) {
          const ms = await pasteOnce(page, base64);
          if (i >= 5) times.push(ms);
        }
        const category = await page.getByTestId('verdict').getAttribute('data-category');
        if (category !== 'passes' && category !== 'warnings')
          throw new Error(`the typical response does not diagnose clean: ${category}`);
        return { median_ms: round(median(times)), runs: times.length };
      } finally {
        await harness.close();
      }
    },
  },
  {
    name: 'renderer.xml-20k-values',
    async run(log) {
      const skip = await ready(log);
      if (skip) return { skipped: skip };
      const harness = await startHarness();
      try {
        const page = await benchPage(harness);
        const xml = manyValuesResponse();
        log(`  message ${(xml.length / 1024).toFixed(0)} KiB (pasted as base64, diagnosed once)`);
        await pasteAnywhere(page, Buffer.from(xml).toString('base64'));
        const verdict = page.getByTestId('verdict');
        await verdict.waitFor({ timeout: 60_000 });
        const category = await verdict.getAttribute('data-category');
        if (category !== 'passes' && category !== 'warnings')
          throw new Error(`the 20,000-value response does not diagnose clean: ${category}`);
        const settings = page
          .getByRole('navigation', { name: 'Screens' })
          .getByRole('button', { name: 'Settings', exact: true });
        const times: number[] = [];
        for (let i = 0; i < 13; i++) {
          await settings.click();
          await page.locator('.xml-view').waitFor({ state: 'detached' });
          const ms = await openXmlToEndOnce(page);
          if (i >= 3) times.push(ms);
        }
        const rows = await page.locator('.xml-row').count();
        log(`  ${rows} XML rows in the DOM at the end (virtualised)`);
        return { median_ms: round(median(times)), runs: times.length };
      } finally {
        await harness.close();
      }
    },
  },
];
