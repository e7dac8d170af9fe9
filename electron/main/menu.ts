/** The application menu, as a template built from the actions it triggers (pure, testable). */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  open(): void;
  saveReport(): void;
  exportRedactedReport(): void;
  quit(): void;
}

export function menuTemplate(actions: MenuActions, platform: string): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { type: 'separator' },
      { label: 'Save report…', accelerator: 'CmdOrCtrl+S', click: () => actions.saveReport() },
      {
        label: 'Export redacted report…',
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => actions.exportRedactedReport(),
      },
      { type: 'separator' },
      { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
    ],
  };
  const edit: MenuItemConstructorOptions = { role: 'editMenu' };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { role: 'windowMenu' };
  return platform === 'darwin'
    ? [{ role: 'appMenu' }, file, edit, view, window]
    : [file, edit, view, window];
}
