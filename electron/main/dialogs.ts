/** File dialogs for the app, on Electron's dialog module (passed in, types only). */
import { basename } from 'node:path';
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { BrowserWindow, Dialog } from 'electron';
import { AppError } from '../../shared/errors';
import type { Dialogs } from './app-services';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

const FILTERS = {
  input: [
    { name: 'SAML messages and captures', extensions: ['xml', 'txt', 'b64', 'har', 'json'] },
    { name: 'All files', extensions: ['*'] },
  ],
  config: [
    { name: 'JIT Doctor configuration', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

export function createDialogs(dialog: Dialog, window: () => BrowserWindow | null): Dialogs {
  return {
    async openText(purpose) {
      const owner = window();
      const options = {
        title: purpose === 'input' ? 'Open a SAML message or capture' : 'Open a configuration',
        properties: ['openFile' as const],
        filters: FILTERS[purpose],
      };
      const choice = owner
        ? await dialog.showOpenDialog(owner, options)
        : await dialog.showOpenDialog(options);
      const path = choice.filePaths[0];
      if (choice.canceled || !path) return null;
      if ((await stat(path)).size > MAX_FILE_BYTES) {
        throw new AppError('bad-request', `${basename(path)} is larger than 64 MiB.`);
      }
      return { name: basename(path), text: await readFile(path, 'utf8') };
    },
    async saveText(defaultName, text, kind = 'report') {
      const owner = window();
      const options = {
        title: kind === 'config' ? 'Export the configuration' : 'Save report',
        defaultPath: defaultName,
        filters: [
          {
            name: kind === 'config' ? 'JIT Doctor configuration' : 'JSON report',
            extensions: ['json'],
          },
        ],
      };
      const choice = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await writeFile(choice.filePath, text, { encoding: 'utf8', mode: 0o600 });
      return choice.filePath;
    },
  };
}
