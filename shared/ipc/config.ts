/** The active configuration: reading, validating, importing and saving it. */
import type { JitDoctorConfig, MetadataIdp, SsoConfig } from '../config/types';
import { MAX_INPUT_CHARS, none, text, type RequestShapes } from './common';

export interface ConfigState {
  config: JitDoctorConfig;
  /** The JSON text as the person wrote it. */
  text: string;
  /** Where it came from: a file name, a preset, or `edited`. */
  source: string;
}

export type ConfigValidation =
  { valid: true; config: JitDoctorConfig } | { valid: false; message: string; path: string };

export interface ConfigPreset {
  id: string;
  name: string;
  config: JitDoctorConfig;
}

/** An SSO provider configured in the connected org, ready to merge into the configuration. */
export interface OrgSsoProvider {
  name: string;
  disabled: boolean;
  sso: SsoConfig;
}

/**
 * What IdP metadata gives: its issuer and signing certificates, or, when it describes several IdPs
 * and none was chosen, the list to choose from.
 */
export type MetadataImport = { sso: SsoConfig } | { choose: MetadataIdp[] };

export interface ConfigInvokes {
  /** The active configuration, or null when none is set yet. */
  getConfig: { request: void; reply: ConfigState | null };
  /** Validates configuration JSON text without applying it. */
  validateConfig: { request: { text: string }; reply: ConfigValidation };
  /** Validates and makes the text the active configuration (kept in the app data folder). */
  applyConfig: { request: { text: string; source: string }; reply: ConfigState };
  /**
   * Shows the open-file dialog for a configuration; its text and file name to review and save
   * (nothing is applied), or null when cancelled.
   */
  openConfigFile: { request: void; reply: { text: string; source: string } | null };
  /** Writes configuration text where the person chooses; the path, or null when cancelled. */
  exportConfig: { request: { text: string }; reply: string | null };
  /** The demo org's own configuration, to restore (not applied). */
  demoConfig: { request: void; reply: ConfigState };
  /** The IdP presets shipped in resources/presets. */
  listPresets: { request: void; reply: ConfigPreset[] };
  /**
   * Reads IdP metadata XML (EntityDescriptor): issuer and signing certificates; with several IdPs
   * (EntitiesDescriptor), the IdP of `entityId`, or the list to choose from when none is given.
   */
  importIdpMetadata: { request: { xml: string; entityId?: string }; reply: MetadataImport };
  /** The SSO providers configured in the connected org (or the demo org). */
  importOrgProviders: { request: void; reply: OrgSsoProvider[] };
}

export const CONFIG_SHAPES: RequestShapes<ConfigInvokes> = {
  getConfig: none,
  validateConfig: { text: text(5_000_000) },
  applyConfig: { text: text(5_000_000), source: text(500) },
  openConfigFile: none,
  exportConfig: { text: text(5_000_000) },
  demoConfig: none,
  listPresets: none,
  importIdpMetadata: {
    // A federation's aggregate can be large: the main process says in words what it reads at most.
    xml: text(MAX_INPUT_CHARS),
    entityId: { type: 'string', max: 2_000, optional: true },
  },
  importOrgProviders: none,
};
