/**
 * The OrgConnector over the Genesys adapter and the repair executor: the embedded demo org (the
 * fake org on 127.0.0.1, reached through the real SDK) or a live org from a profile. Every call
 * goes through the connection's one rate-limited scheduler; repairs are journaled in the app data
 * folder so a rerun after a crash resumes without duplicating work.
 */
import { join } from 'node:path';
import type { JitDoctorConfig, SsoConfig } from '../../shared/config/types';
import type { DirectoryUser } from '../../shared/directory/types';
import type { OrgSsoProvider, RepairCandidate, RepairResult } from '../../shared/ipc';
import { describeStep, ruleLabel, summarisePlan } from '../../shared/provisioning';
import {
  NOTHING_UNWRITTEN,
  unwrittenReasons,
  type Unwritten,
} from '../../shared/provisioning/plan-file';
import demoConfig from '../../resources/demo/config.json';
import { connectGenesys, type GenesysConnection } from '../genesys/connection';
import { liveDirectory, type OrgDirectory } from '../genesys/directory/org-directory';
import { DEMO_ORG_NAME, startDemoOrg } from '../genesys/fake-org/demo';
import { createGenesysAdapter } from '../genesys/adapter';
import { OPERATIONS } from '../genesys/operations';
import { checkPermissions, clientPermissions, operationsFor } from '../genesys/preflight';
import type { Assessment } from '../genesys/provisioning/assess';
import { NOT_SENT } from '../genesys/provisioning/apply';
import { createRepairExecutor, type RepairOutcome } from '../genesys/provisioning/executor';
import {
  memoryJournal,
  openJournal,
  readJournalSteps,
  type JournalEntry as StepEntry,
} from '../genesys/provisioning/journal';
import { journalInWords, type WordyJournal } from '../genesys/provisioning/journal-words';
import { journalFileName } from '../genesys/provisioning/org-files';
import { reviewedApply, withoutExplained } from '../genesys/provisioning/reviewed';
import {
  acquireRepairLock,
  RepairLockBusy,
  type LockOptions,
  type RepairLock,
} from '../genesys/provisioning/lock';
import { AppError } from '../../shared/errors';
import type { OrgConnection, OrgConnector } from './ports';
import { wallDate, type Clock } from '../genesys/clock';

function candidateOf(assessment: Assessment, createdAt: string | null = null): RepairCandidate {
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
  return {
    user,
    plan,
    summary: summarisePlan(plan),
    steps: plan.steps.map(describeStep),
    rule: ruleLabel(plan),
    createdAt,
  };
}

/** Nothing went wrong for this user but the cancel: what is left was simply not sent. */
const stoppedOnly = (outcome: RepairOutcome) =>
  outcome.reasons.every(
    (reason) =>
      reason.startsWith('still to do:') ||
      reason.startsWith('stopped before') ||
      reason.endsWith(NOT_SENT),
  );

/** The end state of one user in words, with what was left unwritten and why (plan-file.ts). */
export function resultOf(
  reported: RepairOutcome,
  unwritten: Unwritten = NOTHING_UNWRITTEN,
  /** The job was cancelled: a user left part-way was stopped, not failed by the org. */
  cancelled = false,
): RepairResult {
  // A step left unwritten for a reason is said once, with the reason, not also as "still to do".
  const outcome = withoutExplained(reported, unwritten);
  const base = { userId: outcome.userId, name: outcome.name || outcome.userId };
  const besides = unwrittenReasons(unwritten)
    .map((text) => `; ${text}`)
    .join('');
  if (outcome.notStarted)
    return {
      ...base,
      outcome: 'not-started',
      message: `not started: the job stopped first${besides}`,
    };
  switch (outcome.status) {
    case 'repaired':
      return {
        ...base,
        outcome: 'repaired',
        message: `${outcome.plan.steps.map(describeStep).join('; ')}${besides}`,
      };
    case 'nothing-to-do':
      // A reviewed step the org changed under is not "already right": the person must look again.
      return unwritten.changed.length + unwritten.unchecked.length > 0
        ? { ...base, outcome: 'failed', message: `nothing written${besides}` }
        : {
            ...base,
            outcome: 'already-right',
            message: `already had the reviewed steps: nothing written${besides}`,
          };
    case 'not-repaired': {
      const stopped =
        cancelled && stoppedOnly(outcome) ? 'stopped by the cancel before it was done: ' : '';
      // Every reviewed step written, and what is left was left out of the review on purpose.
      const written = `wrote the reviewed steps: ${outcome.plan.steps.map(describeStep).join('; ') || 'none'}`;
      const why = outcome.reasons.join('; ') || (besides ? written : 'not repaired');
      return { ...base, outcome: 'failed', message: `${stopped}${why}${besides}` };
    }
  }
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

function connectionOver(opened: Opened, clock: Clock): OrgConnection {
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
  const assess = async (
    ids: readonly string[],
    config: JitDoctorConfig,
    createdAt?: ReadonlyMap<string, string>,
  ) => {
    const executor = createRepairExecutor({
      api: provisioning,
      postJit: config.postJit,
      journal: memoryJournal('assess', undefined, clock),
      clock,
    });
    const users = await executor.loadUsers(ids);
    return (await executor.assess(users)).map((a) => candidateOf(a, createdAt?.get(a.user.id)));
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
    candidatesFor: (ids, config) => assess(ids, config),
    async createdSince(since, config) {
      const created = await provisioning.usersCreatedBetween(since, wallDate(clock));
      const at = new Map<string, string>();
      for (const entry of created) if (!at.has(entry.userId)) at.set(entry.userId, entry.at);
      return assess([...at.keys()], config, at);
    },
    async checkPermissions(config) {
      const report = checkPermissions(
        operationsFor(config?.postJit),
        await clientPermissions(opened.connection),
      );
      return {
        checks: report.checks.map(({ permission, present, operations }) => ({
          permission,
          present,
          neededFor: operations.map((operation) => ({
            operation,
            purpose: OPERATIONS[operation].purpose,
          })),
        })),
        missing: report.missing,
        unlisted: report.unlisted.map(({ operation, note }) => ({
          operation,
          purpose: OPERATIONS[operation].purpose,
          ...(note ? { note } : {}),
        })),
      };
    },
    async repair(userIds, config, { signal, reviewed, onSteps, onResult }) {
      const lock = opened.lock ? repairLock({ ...opened.lock, clock }) : null;
      // Read after the lock: a CLI run that just finished has journaled everything it did.
      let history: StepEntry[];
      let journal: WordyJournal;
      try {
        history = readJournalSteps(opened.journalPath);
        journal = journalInWords(openJournal(opened.journalPath, { steps: history, clock }));
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
          clock,
        });
        const users = await executor.loadUsers(userIds);
        // Re-planned against the org now, and each user again right before its writes: only what
        // was reviewed, and still reads as reviewed then, is written (reviewed.ts).
        const review = reviewedApply(reviewed, {
          api: provisioning,
          postJit: config.postJit,
          expand: executor.expand,
        });
        const assessments = (await executor.assess(users)).map(review.limit);
        journal.learn(assessments);
        journal.describeJob?.({
          org: opened.name,
          region: opened.region,
          users: userIds.length,
          userIds: [...userIds],
          steps: assessments.reduce((n, a) => n + a.plan.steps.length, 0),
        });
        const found = new Set(users.map((u) => u.id));
        const missing = userIds
          .filter((id) => !found.has(id))
          .map((id): RepairResult => ({
            userId: id,
            name: id,
            outcome: 'failed',
            message: 'user not found in the org (deleted since the review?)',
          }));
        for (const result of missing) onResult(result);
        const outcomes = await executor.apply(assessments, {
          signal,
          recheck: review.recheck,
          onProgress: (p) => onSteps(p.stepsDone, p.stepsTotal),
          onOutcome: (o) => onResult(resultOf(o, review.unwritten(o.userId), signal.aborted)),
        });
        return [
          ...outcomes.map((o) => resultOf(o, review.unwritten(o.userId), signal.aborted)),
          ...missing,
        ];
      } finally {
        journal.close();
        lock?.release();
        for (const id of userIds) directory.invalidate(id);
      }
    },
    rateBudget: () => ({
      limitPerMinute: opened.connection.scheduler.window.limit,
      callsSent: opened.connection.scheduler.stats().sent,
    }),
    setRateLimit: (limit) => opened.connection.scheduler.setLimit(limit),
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
  clock: Clock;
  /** Where repair locks live: the folder the CLI uses too; default `<folder>/locks`. */
  locks?: string;
  /**
   * Tests only: every live org is reached at this origin (a fake org) instead of its region's
   * hosts. Nothing a person can set from the window reaches it.
   */
  testApiBase?: string;
  /**
   * Tests only: real ms per org ms of the demo org (0.05: an org minute lasts 3 s), its rate
   * limit, station delay and the client's pacing scaled alike, so a 2,000-agent run fits a test.
   */
  demoTimeScale?: number;
}): OrgConnector {
  const journals = join(deps.folder, 'journals');
  const locks = deps.locks ?? join(deps.folder, 'locks');
  return {
    async demo({ rateLimitPerMinute, stuckAgents }) {
      const timeScale = deps.demoTimeScale;
      const fake = await startDemoOrg({ stuckAgents, timeScale });
      try {
        const connection = await connectGenesys({
          apiBase: fake.url,
          clientId: fake.clientId,
          clientSecret: fake.clientSecret,
          clock: deps.clock,
          scheduler: { limit: rateLimitPerMinute, timeScale },
        });
        return connectionOver(
          {
            kind: 'demo',
            name: DEMO_ORG_NAME,
            region: fake.state.org.region,
            connection,
            bundledConfig: demoConfig as JitDoctorConfig,
            licenseTotal: fake.state.licenses.total,
            journalPath: join(journals, journalFileName('demo')),
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
        clock: deps.clock,
        scheduler: { limit: rateLimitPerMinute },
      });
      return connectionOver(
        {
          kind: 'org',
          name,
          region,
          connection,
          bundledConfig: null,
          journalPath: join(journals, journalFileName({ target: connection.target, clientId })),
          lock: { folder: locks, target: connection.target, clientId },
          stop: async () => connection.close(),
        },
        deps.clock,
      );
    },
  };
}
