/** Small page helpers shared by the e2e scenarios. */
import type { Page } from 'playwright-core';

export async function openScreen(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Screens' })
    .getByRole('button', { name: label, exact: true })
    .click();
  await page
    .getByRole('button', { name: label, exact: true })
    .and(page.locator('[aria-current="page"]'))
    .waitFor();
}

/** Pastes like Ctrl/Cmd+V outside any text field: a real ClipboardEvent on the document. */
export async function pasteAnywhere(page: Page, text: string): Promise<void> {
  // Page-side code as text: this project type-checks the tests without the DOM library.
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  })()`);
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/**
 * The whole page as a window tall enough to show it at once: the sticky top bar and status bar
 * sit at its two ends, as on a tall screen, instead of the status bar drawing over the middle of
 * the picture (a full-page capture keeps them where the 900-pixel window had them).
 */
export async function fullPageShot(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.evaluate('window.scrollTo(0, 0)');
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  // Chromium draws at most 16,384 pixels in one picture.
  if (viewport && height > viewport.height)
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 16_000) });
  try {
    await page.screenshot({ path });
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

interface ConfigText {
  text: string;
  source: string;
}

/** The configuration in use, as the app hands it out (null when none). */
export async function configInUse(page: Page): Promise<ConfigText | null> {
  const reply = (await page.evaluate('window.jitDoctor.getConfig()')) as {
    value: ConfigText | null;
  };
  return reply.value;
}

/** Puts a configuration in use, as opening a file on the Configuration screen does. */
export async function useConfig(page: Page, config: ConfigText): Promise<void> {
  await page.evaluate(
    ([text, source]) =>
      (
        globalThis as unknown as {
          jitDoctor: { applyConfig(r: { text: string; source: string }): Promise<unknown> };
        }
      ).jitDoctor.applyConfig({ text, source }),
    [config.text, config.source] as const,
  );
}
