/**
 * The active SSO/JIT configuration: validated on every change, kept in the app data folder so it
 * survives a restart. Invalid text is never applied; validation errors name the key path.
 */
import type { JitDoctorConfig } from '../../shared/config/types';
import type { ConfigState, ConfigValidation } from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import { toIpcError } from './app-error';
import { jsonFile, type JsonFileDeps } from './json-file';
import type { ParseConfig } from './ports';

interface StoredConfig {
  text: string;
  source: string;
}

export interface ConfigStore {
  /** null until a configuration is applied. */
  current(): Promise<ConfigState | null>;
  validate(text: string, source?: string): ConfigValidation;
  apply(text: string, source: string): Promise<ConfigState>;
}

export function createConfigStore(
  deps: JsonFileDeps & {
    parseConfig: ParseConfig;
  },
): ConfigStore {
  const file = jsonFile<StoredConfig | null>(deps, 'config.json', {
    parse: (value) => {
      const v = value as Partial<StoredConfig> | null;
      if (typeof v?.text === 'string' && typeof v.source === 'string') {
        return { text: v.text, source: v.source };
      }
      throw new Error('it holds no configuration text');
    },
    fallback: () => null,
  });
  let cached: ConfigState | null | undefined;

  const validate = (text: string, source = 'configuration'): ConfigValidation => {
    try {
      return { valid: true, config: deps.parseConfig(text, source) };
    } catch (error) {
      const ipcError = toIpcError(error);
      return { valid: false, message: ipcError.message, path: ipcError.path ?? '' };
    }
  };

  return {
    async current() {
      if (cached !== undefined) return cached;
      const stored = await file.read();
      if (!stored) return (cached = null);
      const result = validate(stored.text, stored.source);
      // A saved configuration the validator now refuses (after an upgrade) is not used silently.
      cached = result.valid
        ? { config: result.config, text: stored.text, source: stored.source }
        : null;
      return cached;
    },
    validate,
    async apply(text, source) {
      const result = validate(text, source);
      if (!result.valid) throw new AppError('config-invalid', result.message, result.path);
      await file.write({ text, source });
      cached = { config: result.config, text, source };
      return cached;
    },
  };
}

/** The configuration the engine gets: the active one, with the app's clock skew when it sets none. */
export function effectiveConfig(
  state: ConfigState | null,
  clockSkewSeconds: number,
): JitDoctorConfig {
  const config = state?.config ?? {};
  if (config.sso?.clockSkewSeconds !== undefined) return config;
  return { ...config, sso: { ...config.sso, clockSkewSeconds } };
}
