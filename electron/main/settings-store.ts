/** The app's settings (Settings screen), kept in the app data folder. */
import type { AppSettings } from '../../shared/ipc';
import { jsonFile, type JsonFileDeps } from './json-file';

const DEFAULT_SETTINGS: AppSettings = {
  rateLimitPerMinute: 300,
  clockSkewSeconds: 10,
  theme: 'system',
};

/** Keeps every known, well-typed value; anything else falls back to its default. */
function readSettings(value: unknown): AppSettings {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const whole = (v: unknown, min: number, max: number, fallback: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
  return {
    rateLimitPerMinute: whole(source.rateLimitPerMinute, 1, 100_000, 300),
    clockSkewSeconds: whole(source.clockSkewSeconds, 0, 600, 10),
    theme:
      source.theme === 'light' || source.theme === 'dark' || source.theme === 'system'
        ? source.theme
        : 'system',
  };
}

export interface SettingsStore {
  get(): Promise<AppSettings>;
  update(change: Partial<AppSettings>): Promise<AppSettings>;
}

export function createSettingsStore(deps: JsonFileDeps): SettingsStore {
  const file = jsonFile(deps, 'settings.json', {
    parse: readSettings,
    fallback: () => ({ ...DEFAULT_SETTINGS }),
  });
  let cached: AppSettings | null = null;
  return {
    async get() {
      cached ??= await file.read();
      return cached;
    },
    async update(change) {
      cached = await file.update((current) => readSettings({ ...current, ...change }));
      return cached;
    },
  };
}
