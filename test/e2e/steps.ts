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
