/**
 * Every IPC handler, composed from the services. Electron-free: main.ts passes the Electron-backed
 * collaborators, the e2e test passes a temporary folder and in-memory dialogs, and both run the
 * very same handlers.
 */
import { join } from 'node:path';
import type { JitDoctorConfig } from '../../shared/config/types';
import type {
  ConfigPreset,
  ConfigState,
  DemoSample,
  EventMap,
  EventName,
  InputTextView,
} from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import type { CaptureService } from './capture-window';
import { createConfigStore, effectiveConfig } from './config-store';
import { createDiagnoseService } from './diagnose-service';
import { createHistoryStore } from './history-store';
import type { Handlers } from './dispatch';
import type { FileSystem, JsonFileDeps } from './json-file';
import { createOrgProfiles, type SecretCipher } from './org-profiles';
import { createOrgService, type OrgService } from './org-service';
import type {
  DiagnoseEngine,
  ImportIdpMetadata,
  OrgConnector,
  ParseConfig,
  RedactReport,
} from './ports';
import { createJournalBook, journalCsv, journalJson } from './journal-book';
import { createRepairService } from './repair-service';
import { createSettingsStore } from './settings-store';
import { wallDate, type Clock } from '../genesys/clock';

/** File dialogs, backed by Electron's dialog module in the app. */
export interface Dialogs {
  /** The chosen file's name and text; null when cancelled. */
  openText(purpose: 'input' | 'config' | 'plan'): Promise<InputTextView | null>;
  /** Writes `text` where the person chooses; the path, or null when cancelled. */
  saveText(
    defaultName: string,
    text: string,
    kind?: 'report' | 'config' | 'plan',
  ): Promise<string | null>;
}

export interface AppDeps {
  fs: FileSystem;
  /** app.getPath('userData'). */
  folder: string;
  cipher: SecretCipher;
  clock: Clock;
  newId: () => string;
  engine: DiagnoseEngine;
  redact: RedactReport;
  parseConfig: ParseConfig;
  importIdpMetadata: ImportIdpMetadata;
  presets: () => Promise<ConfigPreset[]>;
  /** The configuration that ships with the demo org ("restore the demo configuration"). */
  demoConfig: JitDoctorConfig;
  /** Fresh messages from the demo org's test IdP, issued a moment before the given time. */
  samples: (now: Date) => DemoSample[];
  connector: OrgConnector;
  dialogs: Dialogs;
  /** null where no capture window can open (the e2e test's plain browser). */
  capture: CaptureService | null;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  log: (line: string) => void;
}

export interface AppServices {
  handlers: Handlers;
  org: OrgService;
  /** File → Open from the menu: the chosen input goes to the renderer. */
  openInputFromMenu(): Promise<void>;
  /** File → Save report / Export redacted report: the renderer saves the report on screen. */
  saveReportFromMenu(redact: boolean): void;
}

export function createAppServices(deps: AppDeps): AppServices {
  // Every app file: a damaged one is set aside, logged and named in the status bar.
  const files: JsonFileDeps = {
    fs: deps.fs,
    folder: deps.folder,
    clock: deps.clock,
    onDamaged: (message) => {
      deps.log(message);
      deps.emit('notice', { message });
    },
  };
  const settings = createSettingsStore(files);
  const config = createConfigStore({ ...files, parseConfig: deps.parseConfig });
  const profiles = createOrgProfiles({ ...files, cipher: deps.cipher });
  const org = createOrgService({ connector: deps.connector, profiles, settings, log: deps.log });

  /** The person's configuration; on the demo org with none applied, the demo's own. */
  const activeConfig = async (): Promise<ConfigState | null> => {
    const state = await config.current();
    if (state) return state;
    const bundled = (await org.current())?.bundledConfig ?? null;
    return bundled
      ? { config: bundled, text: `${JSON.stringify(bundled, null, 2)}\n`, source: 'demo org' }
      : null;
  };

  const history = createHistoryStore({
    ...files,
    cipher: deps.cipher,
    redact: deps.redact,
    clock: deps.clock,
    newId: deps.newId,
    log: deps.log,
  });
  const diagnose = createDiagnoseService({
    engine: deps.engine,
    redact: deps.redact,
    config: { current: activeConfig, validate: config.validate, apply: config.apply },
    settings,
    org: org.current,
    clock: deps.clock,
    newId: deps.newId,
    historyMessage: history.message,
    onDiagnosed: history.add,
    log: deps.log,
  });
  const connectedOrg = async () => {
    const connection = await org.current();
    if (!connection) {
      const status = await org.status();
      const which = status.kind === 'demo' ? 'the demo org' : `${status.name} (${status.region})`;
      throw new AppError(
        'org-unavailable',
        `Cannot reach ${which}: ${(status.problem ?? 'not connected').replace(/\.$/, '')}. Check the org profile in Settings.`,
      );
    }
    return connection;
  };

  const repair = createRepairService({
    org: connectedOrg,
    config: async () =>
      effectiveConfig(await activeConfig(), (await settings.get()).clockSkewSeconds),
    emit: (job) => deps.emit('repairProgress', job),
    save: (name, text) => deps.dialogs.saveText(name, text, 'plan'),
    open: () => deps.dialogs.openText('plan'),
    clock: deps.clock,
    newId: deps.newId,
    log: deps.log,
  });

  const saveReport = async (reportId: string, redact: boolean): Promise<string | null> => {
    const saved = diagnose.saved(reportId, redact);
    if (!saved)
      throw new AppError(
        'not-found',
        'This report is no longer kept in memory: diagnose the message again, then save.',
      );
    return deps.dialogs.saveText(saved.fileName, `${JSON.stringify(saved.value, null, 2)}\n`);
  };

  const capture = (): CaptureService => {
    if (!deps.capture) throw new AppError('unavailable', 'Capture needs the desktop app.');
    return deps.capture;
  };

  /** A repair job writing to the org holds it: switching, editing or deleting it waits. */
  const refuseWhileRepairing = () => {
    const reason = repair.busyReason();
    if (reason) throw new AppError('busy', reason);
  };
  const journal = createJournalBook(join(deps.folder, 'journals'));

  const handlers: Handlers = {
    diagnose: (request) => diagnose.run(request),
    comparePair: (request) => diagnose.compare(request),
    listHistory: () => history.state(),
    openHistory: async ({ id }) => {
      const report = await history.report(id);
      if (!report) throw new AppError('not-found', 'This message is no longer in the history.');
      return diagnose.adopt(report);
    },
    clearHistory: () => history.clear(),
    setHistoryOptions: (change) => history.setOptions(change),
    demoSamples: async () => deps.samples(wallDate(deps.clock)),
    openInputFile: () => deps.dialogs.openText('input'),
    saveReport: ({ reportId, redact }) => saveReport(reportId, redact),
    getConfig: () => activeConfig(),
    validateConfig: ({ text }) => config.validate(text),
    applyConfig: ({ text, source }) => config.apply(text, source),
    openConfigFile: async () => {
      const file = await deps.dialogs.openText('config');
      return file ? { text: file.text, source: file.name } : null;
    },
    exportConfig: ({ text }) => {
      const name = /"name"\s*:\s*"([^"]{1,80})"/.exec(text)?.[1];
      const fileName = `${(name ?? 'jit-doctor-config').replace(/[^\w.-]+/g, '-')}.json`;
      return deps.dialogs.saveText(fileName, text, 'config');
    },
    demoConfig: () => ({
      config: deps.demoConfig,
      text: `${JSON.stringify(deps.demoConfig, null, 2)}\n`,
      source: 'demo configuration',
    }),
    listPresets: () => deps.presets(),
    importIdpMetadata: ({ xml, entityId }) =>
      deps.importIdpMetadata(xml, { ...(entityId ? { entityId } : {}), now: wallDate(deps.clock) }),
    importOrgProviders: async () => (await connectedOrg()).ssoProviders(),
    listOrgProfiles: () => profiles.list(),
    saveOrgProfile: async (input) => {
      if (input.id && input.id === (await profiles.activeId())) refuseWhileRepairing();
      return profiles.save(input);
    },
    deleteOrgProfile: async ({ id }) => {
      const active = await profiles.activeId();
      if (active === id) refuseWhileRepairing();
      const remaining = await profiles.remove(id);
      if (active === id) await org.connect(null);
      return remaining;
    },
    connectOrg: ({ profileId, demoStuckAgents }) => {
      refuseWhileRepairing();
      return org.connect(profileId, demoStuckAgents);
    },
    getOrgStatus: () => org.status(),
    checkOrgPermissions: async () => {
      const connection = await connectedOrg();
      const active = await activeConfig();
      let report: Awaited<ReturnType<typeof connection.checkPermissions>>;
      try {
        report = await connection.checkPermissions(active?.config ?? null);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppError(
          'org-unavailable',
          `Cannot read the OAuth client's permissions: ${reason}`,
        );
      }
      return {
        org:
          connection.kind === 'demo' ? 'the demo org' : `${connection.name} (${connection.region})`,
        configSource: active ? active.source : 'no configuration',
        ruleCount: active?.config.postJit?.rules.length ?? 0,
        ...report,
      };
    },
    getSettings: () => settings.get(),
    saveSettings: async (change) => {
      const before = await settings.get();
      const after = await settings.update(change);
      // The open connection's queue takes the new limit at once; a running repair keeps going.
      if (after.rateLimitPerMinute !== before.rateLimitPerMinute)
        (await org.current())?.setRateLimit(after.rateLimitPerMinute);
      return after;
    },
    searchUsers: ({ query }) => repair.search(query),
    findStuckAgents: ({ sinceHours }) => repair.stuck(sinceHours),
    previewRepair: ({ userIds }) => repair.preview(userIds),
    openRepairPlan: () => repair.openPlan(),
    exportRepairPlan: ({ userIds, format }) => repair.exportPlan(userIds, format),
    startRepair: ({ userIds }) => repair.start(userIds),
    cancelRepair: ({ jobId }) => repair.cancel(jobId),
    getRepairJob: () => repair.job(),
    readJournal: ({ limit }) => journal.jobs(limit),
    readJournalSteps: (request) => journal.steps(request),
    resumeJob: async ({ run }) => {
      const job = await journal.job(run);
      if (!job) throw new AppError('not-found', 'That job is no longer in the journal.');
      return repair.recheck(job.unverifiedIds);
    },
    exportJournal: async ({ format }) => {
      const jobs = await journal.all();
      if (jobs.length === 0)
        throw new AppError('not-found', 'The journal is empty: no repair has run yet.');
      const stamp = wallDate(deps.clock).toISOString().replace(/[:]/g, '-').replace(/\..*$/, '');
      return deps.dialogs.saveText(
        `jit-doctor-journal-${stamp}.${format}`,
        format === 'json' ? journalJson(jobs) : journalCsv(jobs),
      );
    },
    openCapture: (request) => capture().open(request),
    listCaptures: () => capture().list(),
    clearCaptures: () => capture().clear(),
  };

  return {
    handlers,
    org,
    async openInputFromMenu() {
      const file = await deps.dialogs.openText('input');
      if (file) deps.emit('inputOpened', file);
    },
    saveReportFromMenu(redact) {
      deps.emit('saveReportRequested', { redact });
    },
  };
}
