/**
 * What the main-process services need from the other parts of the product (engine, claim
 * mapping, Genesys adapter, provisioning). main.ts and the e2e test inject the real ones.
 */
import type { JitDoctorConfig, SsoConfig } from '../../shared/config/types';
import type { DirectoryView } from '../../shared/directory/types';
import type { JournalEntry, OrgSsoProvider, RepairCandidate, RepairResult } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import type { RawInput } from '../../shared/saml/types';

export interface DiagnoseOptions {
  config: JitDoctorConfig;
  directory: DirectoryView | null;
  now: Date;
  batch: boolean;
}

/** The engine (shared/saml/diagnose.ts). */
export type DiagnoseEngine = (
  inputs: RawInput[],
  options: DiagnoseOptions,
) => Report | Promise<Report>;

/** Replaces personal data with stable placeholders (`--redact`). */
export type RedactReport = (report: Report) => Report;

/** Validates configuration text; throws ConfigError naming the key path. */
export type ParseConfig = (text: string, fileName: string) => JitDoctorConfig;

/** Reads IdP metadata XML (issuer, signing certificates). */
export type ImportIdpMetadata = (xml: string) => SsoConfig;

/** Where a repair job stands, as the executor reports it. */
export interface RepairTally {
  usersDone: number;
  usersTotal: number;
  failed: number;
}

/** The org the app is connected to: the embedded demo org or a live one through the adapter. */
export interface OrgConnection {
  readonly kind: 'demo' | 'org';
  readonly name: string;
  readonly region: string;
  /** The configuration that ships with the demo org; null for a live org. */
  readonly bundledConfig: JitDoctorConfig | null;
  /** The directory the "needs directory" checks read. */
  directory(): Promise<DirectoryView>;
  ssoProviders(): Promise<OrgSsoProvider[]>;
  /** Users whose name, email or id contains `query`, each with its current plan. */
  findCandidates(query: string, config: JitDoctorConfig): Promise<RepairCandidate[]>;
  /** Users created at or after `since`, each with its current plan. */
  createdSince(since: Date, config: JitDoctorConfig): Promise<RepairCandidate[]>;
  /**
   * Re-reads these users, plans and applies through the shared rate-limited queue, journaled,
   * then verifies; resolves with one result per user (also when cancelled).
   */
  repair(
    userIds: readonly string[],
    config: JitDoctorConfig,
    options: { signal: AbortSignal; onProgress: (tally: RepairTally) => void },
  ): Promise<RepairResult[]>;
  /** The most recent journal entries, newest last. */
  journal(limit: number): Promise<JournalEntry[]>;
  close(): Promise<void>;
}

export interface OrgConnector {
  demo(options: { rateLimitPerMinute: number }): Promise<OrgConnection>;
  live(options: {
    region: string;
    clientId: string;
    clientSecret: string;
    name: string;
    rateLimitPerMinute: number;
  }): Promise<OrgConnection>;
}
