import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/main/menu';

const items = (template: MenuItemConstructorOptions[]) =>
  template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : []));

describe('the application menu', () => {
  it('offers Open, Save report, Export redacted report and Quit, each wired to its action', () => {
    const actions = {
      open: vi.fn(),
      saveReport: vi.fn(),
      exportRedactedReport: vi.fn(),
      quit: vi.fn(),
    };
    const file = items(menuTemplate(actions, 'linux'));
    const byLabel = new Map(file.filter((i) => i.label).map((i) => [i.label!, i]));
    for (const [label, action] of [
      ['Open…', actions.open],
      ['Save report…', actions.saveReport],
      ['Export redacted report…', actions.exportRedactedReport],
      ['Quit', actions.quit],
    ] as const) {
      const item = byLabel.get(label);
      expect(item, label).toBeDefined();
      (item!.click as () => void)();
      expect(action).toHaveBeenCalledTimes(1);
    }
  });

  it('puts the app menu first on macOS only', () => {
    expect(
      menuTemplate(
        { open() {}, saveReport() {}, exportRedactedReport() {}, quit() {} },
        'darwin',
      )[0]!.role,
    ).toBe('appMenu');
    expect(
      menuTemplate(
        { open() {}, saveReport() {}, exportRedactedReport() {}, quit() {} },
        'win32',
      )[0]!.label,
    ).toBe('&File');
  });
});
