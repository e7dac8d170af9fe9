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
  plan: [
    { name: 'JIT Doctor repair plan (JSON)', extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

const OPEN_TITLES = {
  input: 'Open a SAML message or capture',
  config: 'Open a configuration',
  plan: 'Open a repair plan to apply',
};

const SAVE_TITLES = {
  report: 'Save report',
  config: 'Export the configuration',
  plan: 'Export the repair plan',
};

export function createDialogs(dialog: Dialog, window: () => BrowserWindow | null): Dialogs {
  return {
    async openText(purpose) {
      const owner = window();
      const options = {
        title: OPEN_TITLES[purpose],
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
      const csv = defaultName.endsWith('.csv');
      const options = {
        title: SAVE_TITLES[kind],
        defaultPath: defaultName,
        filters: [
          {
            name:
              kind === 'config'
                ? 'JIT Doctor configuration'
                : kind === 'plan'
                  ? `Repair plan (${csv ? 'CSV' : 'JSON'})`
                  : 'JSON report',
            extensions: [csv ? 'csv' : 'json'],
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
