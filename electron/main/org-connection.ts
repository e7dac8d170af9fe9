/**
 * The OrgConnector over the Genesys adapter and the repair executor: the embedded demo org (the
 * fake org on 127.0.0.1, reached through the real SDK) or a live org from a profile. Every call
 * goes through the connection's one rate-limited scheduler; repairs are journaled in the app data
 * folder so a rerun after a crash resumes without duplicating work.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { JitDoctorConfig, SsoConfig } from '../../shared/config/types';
import type { DirectoryUser } from '../../shared/directory/types';
import type { JournalEntry, OrgSsoProvider, RepairCandidate, RepairResult } from '../../shared/ipc';
import { describeStep, summarisePlan } from '../../shared/provisioning';
import demoConfig from '../../resources/demo/config.json';
import { connectGenesys, type GenesysConnection } from '../genesys/connection';
import { liveDirectory, type OrgDirectory } from '../genesys/directory/org-directory';
import { DEMO_ORG_NAME, startDemoOrg } from '../genesys/fake-org/demo';
import { createGenesysAdapter } from '../genesys/adapter';
import type { Assessment } from '../genesys/provisioning/assess';
import { createRepairExecutor, type RepairOutcome } from '../genesys/provisioning/executor';
import {
  memoryJournal,
  openJournal,
  readJournal,
  type JournalEntry as StepEntry,
} from '../genesys/provisioning/journal';
import {
  acquireRepairLock,
  RepairLockBusy,
  type LockOptions,
  type RepairLock,
} from '../genesys/provisioning/lock';
import { AppError } from './app-error';
import type { OrgConnection, OrgConnector } from './ports';

const MAX_CANDIDATES = 200;

export function candidateOf(assessment: Assessment): RepairCandidate {
  const { state, plan } = assessment;
  const user: RepairCandidate['user'] = {
    id: state.id,
    name: state.name ?? assessment.user.name,
    email: state.email ?? assessment.user.email,
    department: state.department ?? null,
    title: state.title ?? null,
    location: state.location ?? null,
    division: state.division ?? null,
    roles: state.roles ? [...state.roles] : undefined,
    skills: [...(state.skills ?? [])],
    webRtcPhone: state.webRtcPhone ?? false,
    defaultStation: state.defaultStation ?? false,
    utilization: state.utilization ?? null,
  };
  return { user, plan, summary: summarisePlan(plan), steps: plan.steps.map(describeStep) };
}

export function resultOf(outcome: RepairOutcome, cancelled: boolean): RepairResult {
  const base = { userId: outcome.userId, name: outcome.name || outcome.userId };
  switch (outcome.status) {
    case 'repaired':
      return {
        ...base,
        outcome: 'repaired',
        message: outcome.plan.steps.map(describeStep).join('; '),
      };
    case 'nothing-to-do':
      return { ...base, outcome: 'nothing-to-do', message: 'already has what the rules give it' };
    case 'not-repaired':
      return cancelled && outcome.reasons.some((r) => r.startsWith('stopped before'))
        ? { ...base, outcome: 'cancelled', message: 'cancelled before it was repaired' }
        : { ...base, outcome: 'failed', message: outcome.reasons.join('; ') || 'not repaired' };
  }
}

export function journalLine(entry: StepEntry): JournalEntry {
  const detail = entry.detail
    ? ` (${Object.entries(entry.detail)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')})`
    : '';
  return {
    time: entry.at,
    userId: entry.user,
    text: `${entry.step} ${entry.event}${detail}${entry.error ? `: ${entry.error}` : ''}`,
    outcome: entry.event === 'finished' ? 'ok' : entry.event === 'failed' ? 'failed' : 'info',
  };
}

function providerOf(provider: Record<string, unknown>): OrgSsoProvider {
  const text = (key: string) =>
    typeof provider[key] === 'string' ? (provider[key] as string) : undefined;
  const certificates = [
    ...(Array.isArray(provider.certificates) ? provider.certificates : []),
    ...(text('certificate') ? [text('certificate')] : []),
  ].filter((c): c is string => typeof c === 'string' && c.trim() !== '');
  const sso: SsoConfig = {};
  if (text('issuerURI')) sso.issuer = text('issuerURI');
  if (text('relyingPartyIdentifier')) sso.relyingPartyIdentifier = text('relyingPartyIdentifier');
  if (text('nameIdentifierFormat')) sso.nameIdentifierFormat = text('nameIdentifierFormat');
  if (certificates.length > 0) sso.certificates = [...new Set(certificates)].slice(0, 5);
  return { name: text('name') ?? 'unnamed provider', disabled: provider.disabled === true, sso };
}

function matches(user: DirectoryUser, query: string): boolean {
  const q = query.toLowerCase();
  return [user.name, user.email, user.id, user.employeeId ?? ''].some((v) =>
    v.toLowerCase().includes(q),
  );
}

interface Opened {
  kind: 'demo' | 'org';
  name: string;
  region: string;
  connection: GenesysConnection;
  bundledConfig: JitDoctorConfig | null;
  /** The purchased license total, when the org knows it (the demo org does). */
  licenseTotal?: number;
  journalPath: string;
  /** The repair lock shared with the CLI for this org and client; null for the demo org (ours alone). */
  lock: Omit<LockOptions, 'what'> | null;
  stop(): Promise<void>;
}

function connectionOver(opened: Opened, clock: () => Date): OrgConnection {
  const provisioning = createGenesysAdapter(opened.connection);
  // One read of the org serves every diagnosis; per-user utilization (one call per user) is
  // left out so the first diagnosis does not wait minutes behind the rate limit on a large org.
  const directory: OrgDirectory = liveDirectory(provisioning, {
    source: opened.kind === 'demo' ? 'demo org' : `org ${opened.name}`,
    orgName: opened.name,
    region: opened.region,
    licenseTotal: opened.licenseTotal,
    utilization: false,
  });
  const assess = async (ids: readonly string[], config: JitDoctorConfig) => {
    const executor = createRepairExecutor({
      api: provisioning,
      postJit: config.postJit,
      journal: memoryJournal('assess'),
    });
    const users = await executor.loadUsers(ids.slice(0, MAX_CANDIDATES));
    return (await executor.assess(users)).map(candidateOf);
  };

  return {
    kind: opened.kind,
    name: opened.name,
    region: opened.region,
    bundledConfig: opened.bundledConfig,
    directory: () => directory.view(),
    async ssoProviders() {
      const providers = await provisioning.identityProviders();
      return providers.map((p) => providerOf(p as unknown as Record<string, unknown>));
    },
    async findCandidates(query, config) {
      const snapshot = await directory.snapshot();
      const ids = snapshot.users
        .filter((u) => u.state !== 'deleted' && matches(u, query))
        .map((u) => u.id);
      return assess(ids, config);
    },
    async createdSince(since, config) {
      const executor = createRepairExecutor({
        api: provisioning,
        postJit: config.postJit,
        journal: memoryJournal('assess'),
      });
      return assess(await executor.usersCreatedBetween(since, clock()), config);
    },
    async repair(userIds, config, { signal, onProgress }) {
      const lock = opened.lock ? repairLock(opened.lock) : null;
      // Read after the lock: a CLI run that just finished has journaled everything it did.
      let history: StepEntry[];
      let journal: ReturnType<typeof openJournal>;
      try {
        history = existsSync(opened.journalPath) ? readJournal(opened.journalPath) : [];
        journal = openJournal(opened.journalPath);
      } catch (error) {
        lock?.release();
        throw error;
      }
      try {
        const executor = createRepairExecutor({
          api: provisioning,
          postJit: config.postJit,
          journal,
          history,
        });
        const users = await executor.loadUsers(userIds);
        const assessments = await executor.assess(users);
        const idle = assessments.filter((a) => a.plan.steps.length === 0).length;
        const outcomes = await executor.apply(assessments, {
          signal,
          onProgress: (p) =>
            onProgress({ usersDone: idle + p.usersDone, usersTotal: userIds.length, failed: 0 }),
        });
        const found = new Set(users.map((u) => u.id));
        return [
          ...outcomes.map((o) => resultOf(o, signal.aborted)),
          ...userIds
            .filter((id) => !found.has(id))
            .map((id): RepairResult => ({
              userId: id,
              name: id,
              outcome: 'failed',
              message: 'user not found in the org',
            })),
        ];
      } finally {
        journal.close();
        lock?.release();
        for (const id of userIds) directory.invalidate(id);
      }
    },
    async journal(limit) {
      if (!existsSync(opened.journalPath)) return [];
      return readJournal(opened.journalPath).slice(-limit).map(journalLine);
    },
    close: () => opened.stop(),
  };
}

/** The lock, or a 'busy' error naming the run that holds it (the CLI, --watch, another app). */
function repairLock(options: Omit<LockOptions, 'what'>): RepairLock {
  try {
    return acquireRepairLock({ ...options, what: 'the desktop app' });
  } catch (error) {
    if (error instanceof RepairLockBusy) throw new AppError('busy', `${error.message}.`);
    throw error;
  }
}

export function createOrgConnector(deps: {
  folder: string;
  clock: () => Date;
  /** Where repair locks live: the folder the CLI uses too; default `<folder>/locks`. */
  locks?: string;
  /**
   * Tests only: every live org is reached at this origin (a fake org) instead of its region's
   * hosts. Nothing a person can set from the window reaches it.
   */
  testApiBase?: string;
}): OrgConnector {
  const journals = join(deps.folder, 'journals');
  const locks = deps.locks ?? join(deps.folder, 'locks');
  return {
    async demo({ rateLimitPerMinute }) {
      const fake = await startDemoOrg();
      try {
        const connection = await connectGenesys({
          apiBase: fake.url,
          clientId: fake.clientId,
          clientSecret: fake.clientSecret,
          scheduler: { limit: rateLimitPerMinute },
        });
        return connectionOver(
          {
            kind: 'demo',
            name: DEMO_ORG_NAME,
            region: fake.state.org.region,
            connection,
            bundledConfig: demoConfig as JitDoctorConfig,
            licenseTotal: fake.state.licenses.total,
            journalPath: join(journals, 'repair-demo.jsonl'),
            lock: null,
            stop: async () => {
              connection.close();
              await fake.stop();
            },
          },
          deps.clock,
        );
      } catch (error) {
        await fake.stop();
        throw error;
      }
    },
    async live({ region, clientId, clientSecret, name, rateLimitPerMinute }) {
      const connection = await connectGenesys({
        region,
        apiBase: deps.testApiBase,
        clientId,
        clientSecret,
        scheduler: { limit: rateLimitPerMinute },
      });
      return connectionOver(
        {
          kind: 'org',
          name,
          region,
          connection,
          bundledConfig: null,
          journalPath: join(
            journals,
            `repair-${region.replace(/[^A-Za-z0-9.-]+/g, '_')}-${clientId.replace(/[^A-Za-z0-9.-]+/g, '_')}.jsonl`,
          ),
          lock: { folder: locks, target: connection.target, clientId },
          stop: async () => connection.close(),
        },
        deps.clock,
      );
    },
  };
}
