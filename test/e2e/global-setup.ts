/**
 * Before the e2e tests: Debian's Chromium must be there (never a downloaded browser), and the
 * renderer is built with Vite into dist/renderer, which the harness loads. Without Chromium nothing
 * is built: app.e2e.test.ts skips with the reason.
 */
import { buildRenderer, chromiumMissing } from './harness';

export default async function setup(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) {
    process.stderr.write(`${missing}\n`);
    return;
  }
  try {
    await buildRenderer();
  } catch (error) {
    throw new Error(
      `e2e: the renderer does not build: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
