/**
 * Finding the admin's own Chrome, Edge or Chromium for `jit-doctor capture`: `--browser PATH`, or
 * the usual install places of this platform. Never a downloaded browser.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

type Env = Record<string, string | undefined>;

const LINUX_NAMES = [
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'chromium',
  'chromium-browser',
];

function candidates(platform: NodeJS.Platform, env: Env): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  const folders = (env.PATH ?? '/usr/bin').split(delimiter).filter(Boolean);
  return LINUX_NAMES.flatMap((name) => folders.map((folder) => join(folder, name)));
}

/** The first installed Chrome, Edge or Chromium, or null. */
export function findBrowser(
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  return candidates(platform, env).find((path) => exists(path)) ?? null;
}
