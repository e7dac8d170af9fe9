/**
 * Before the e2e tests: Debian's Chromium must be there (never a downloaded browser), and the
 * renderer is built with Vite into dist/renderer, which the harness loads.
 */
import { existsSync } from 'node:fs';
import { buildRenderer, CHROMIUM } from './harness';

export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `e2e: ${CHROMIUM} is missing; install Debian's chromium (apt-get install chromium), or set JIT_DOCTOR_CHROMIUM to a Chromium binary.`,
    );
  }
  try {
    await buildRenderer();
  } catch (error) {
    throw new Error(
      `e2e: the renderer does not build: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
