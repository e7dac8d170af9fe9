/**
 * What the main-process services need from the other parts of the product (engine, claim
 * mapping, Genesys adapter, provisioning). main.ts and the e2e test inject the real ones.
 */
import type { JitDoctorConfig } from '../../shared/config/types';
import type { DirectoryView } from '../../shared/directory/types';
import type {
  MetadataImport,
  OrgSsoProvider,
  PermissionReportView,
  RepairCandidate,
  RepairResult,
} from '../../shared/ipc';
import type { PlanFileStep } from '../../shared/provisioning/plan-file';
import type { Report, SkippedCheck } from '../../shared/report';
import type { RawInput } from '../../shared/saml/types';

export interface DiagnoseOptions {
  config: JitDoctorConfig;
  directory: DirectoryView | null;
  now: Date;
  batch: boolean;
  /** Checks known not to run (the org's directory unavailable), for the report's list. */
  notChecked?: SkippedCheck[];
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
export type ImportIdpMetadata = (
  xml: string,
  options: { entityId?: string; now: Date },
) => MetadataImport;

export interface RepairRunOptions {
  /** Once aborted, no further write starts. */
  signal: AbortSignal;
  /**
   * userId → the steps reviewed (plan-file.ts); only those still reading as reviewed are
   * written, the rest is reported.
   */
  reviewed: ReadonlyMap<string, readonly PlanFileStep[]>;
  /** Plan steps ended (finished or failed) of those planned, after the fresh re-read. */
  onSteps(done: number, total: number): void;
  /** Each user's result as soon as it is known. */
  onResult(result: RepairResult): void;
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
  /** These users, each with its current plan (users no longer in the org are left out). */
  candidatesFor(ids: readonly string[], config: JitDoctorConfig): Promise<RepairCandidate[]>;
  /** Users created at or after `since`, each with its current plan. */
  createdSince(since: Date, config: JitDoctorConfig): Promise<RepairCandidate[]>;
  /**
   * Re-reads these users, plans, keeps the reviewed steps and applies them through the shared
   * rate-limited queue, journaled, then verifies; resolves with one result per user (also when
   * cancelled).
   */
  repair(
    userIds: readonly string[],
    config: JitDoctorConfig,
    options: RepairRunOptions,
  ): Promise<RepairResult[]>;
  /**
   * Each permission these rules need, held by the OAuth client or not, read from the client's own
   * grants (electron/genesys/preflight.ts, as `jit-doctor org check`). Writes nothing.
   */
  checkPermissions(
    config: JitDoctorConfig | null,
  ): Promise<Omit<PermissionReportView, 'org' | 'configSource' | 'ruleCount'>>;
  /** The limit the connection's queue keeps to, and the calls it has sent so far. */
  rateBudget(): { limitPerMinute: number; callsSent: number };
  /** Applies a new rate limit to the queue at once (calls already queued included). */
  setRateLimit(limitPerMinute: number): void;
  close(): Promise<void>;
}

export interface OrgConnector {
  demo(options: { rateLimitPerMinute: number; stuckAgents: number }): Promise<OrgConnection>;
  live(options: {
    region: string;
    clientId: string;
    clientSecret: string;
    name: string;
    rateLimitPerMinute: number;
  }): Promise<OrgConnection>;
}
