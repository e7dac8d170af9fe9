/**
 * The real engine, configuration validator, presets and redaction, as the services' ports. The
 * one place the main process reaches into the other parts of the product.
 */
import demoConfig from '../../resources/demo/config.json';
import { parseConfig } from '../../shared/config/load';
import type { JitDoctorConfig } from '../../shared/config/types';
import type { ConfigPreset } from '../../shared/ipc';
import { PRESETS } from '../../shared/mapping/presets';
import { redactReport } from '../../shared/report/redact';
import { diagnose } from '../../shared/saml/diagnose';
import { demoSamples } from '../genesys/fake-org/demo-idp';
import { importIdpMetadata } from './idp-metadata';
import type { DiagnoseEngine, ParseConfig, RedactReport } from './ports';

/** The app shows the decoded XML beside the findings, so reports carry it. */
const engine: DiagnoseEngine = (inputs, options) =>
  diagnose(inputs, { ...options, includeXml: true });

const validateConfig: ParseConfig = parseConfig;

const redact: RedactReport = redactReport;

async function listPresets(): Promise<ConfigPreset[]> {
  return Object.values(PRESETS).map((preset) => ({
    id: preset.idp,
    name: preset.label,
    config: preset.config,
  }));
}

/** The product's parts as the services take them; the app and the e2e harness wire the same set. */
export const PRODUCT = {
  engine,
  redact,
  parseConfig: validateConfig,
  importIdpMetadata,
  presets: listPresets,
  demoConfig: demoConfig as JitDoctorConfig,
  samples: demoSamples,
};
