/**
 * The JIT outcome (docs/findings.md "JIT outcome"): create or update, each field from → to, roles
 * added and removed, the division a new user lands in, and whether a license is left.
 */
import type { DirectoryUser } from '../directory/types';
import type { Stage } from '../findings/catalogue';
import { finding } from '../findings/finding';
import type { FieldChange, Finding, JitOutcome, SkippedCheck } from '../report';
import { stageOf } from '../report/summary';
import type { MappingContext, ReceivedProfile } from './context';

export interface JitResult {
  jit: JitOutcome;
  findings: Finding[];
  skipped: SkippedCheck[];
}

/**
 * The stages whose errors make Genesys Cloud refuse the login before JIT runs: an unreadable,
 * unsigned or untrusted message, a failed status, a wrong issuer or destination, an expired one, a
 * wrong audience or subject, a missing or wrong organization. Errors of the later stages (claims,
 * values, names, uniqueness, JIT itself) are failures of the JIT create or update.
 */
export const REFUSING_STAGES: ReadonlySet<Stage> = new Set([
  'input',
  'protocol',
  'signature',
  'time',
  'audience',
  'genesys',
]);

/** The codes of the findings that make Genesys Cloud refuse the login before JIT runs. */
export function loginRefusals(findings: readonly Finding[]): string[] {
  const refusing = findings.filter(
    (f) => f.severity === 'error' && REFUSING_STAGES.has(stageOf(f.code)),
  );
  return [...new Set(refusing.map((f) => f.code))];
}

/** ", but Genesys Cloud refuses this login first (SIGNATURE_MISSING): nothing is ... until that is fixed". */
function refusedFirst(refusedBy: readonly string[], nothing: string): string {
  return refusedBy.length > 0
    ? `, but Genesys Cloud refuses this login first (${refusedBy.join(', ')}): ${nothing} until ${refusedBy.length > 1 ? 'they are' : 'that is'} fixed`
    : '';
}

/** What makes the create or update fail, and what refuses the login before JIT runs. */
export interface JitObstacles {
  /** Codes of error findings (uniqueness) that make the create or update fail. */
  blockers?: readonly string[];
  /** Codes of the findings that refuse the login before JIT runs (loginRefusals). */
  refusedBy?: readonly string[];
}

/** The user fields JIT writes, and where the directory keeps them. */
const PROFILE_FIELDS = [
  'email',
  'name',
  'department',
  'title',
  'employeeId',
  'manager',
  'location',
  'phone',
] as const;
/** The fields update-on-login rewrites on an existing user (email identifies the user; phone is not in a snapshot). */
const UPDATED_FIELDS = [
  'name',
  'department',
  'title',
  'employeeId',
  'manager',
  'location',
] as const;

function profileValue(
  profile: ReceivedProfile,
  field: (typeof PROFILE_FIELDS)[number],
): string | null {
  return field === 'name' ? profile.displayName : profile[field];
}

function directoryValue(
  user: DirectoryUser,
  field: (typeof UPDATED_FIELDS)[number],
): string | null {
  return user[field]?.trim() || null;
}

const sameValue = (field: string, a: string, b: string): boolean =>
  field === 'manager' ? a.toLowerCase() === b.toLowerCase() : a === b;

function newUserDivision(mc: MappingContext): string {
  return mc.profile.division ?? mc.check.config.jit?.defaultDivision ?? 'Home';
}

function createChanges(mc: MappingContext): FieldChange[] {
  const changes: FieldChange[] = PROFILE_FIELDS.map((field) => ({
    field,
    from: null,
    to: profileValue(mc.profile, field),
  }));
  return [
    ...changes.filter((change) => change.to !== null),
    { field: 'division', from: null, to: newUserDivision(mc) },
  ];
}

function updateChanges(mc: MappingContext, user: DirectoryUser): FieldChange[] {
  return UPDATED_FIELDS.flatMap((field) => {
    const to = profileValue(mc.profile, field);
    const from = directoryValue(user, field);
    // A claim that did not arrive leaves the field alone.
    if (to === null || (from !== null && sameValue(field, from, to))) return [];
    return [{ field, from, to }];
  });
}

function defaultDivision(mc: MappingContext): Finding {
  const configured = mc.check.config.jit?.defaultDivision ?? null;
  const division = newUserDivision(mc);
  const partner = mc.check.config.sso?.partner === true;
  const risky = partner && (!configured || configured === 'Home');
  return finding('JIT_DEFAULT_DIVISION', {
    severity: risky ? 'warning' : 'info',
    message: risky
      ? `This partner integration puts new users in "${division}", the org's own division: partner agents see what employees see.`
      : `A new user lands in the division "${division}".`,
    evidence: { division, configured, partner },
    fix: risky
      ? 'In Genesys Cloud, give this partner SSO integration its own default division (jit.defaultDivision), not Home.'
      : 'Nothing to do unless new users belong elsewhere; then set the default division of this SSO integration.',
  });
}

function willCreate(
  mc: MappingContext,
  changes: FieldChange[],
  known: boolean,
  blockers: readonly string[],
  refusedBy: readonly string[],
): Finding {
  const who = mc.profile.subject ?? 'the user';
  const fields = Object.fromEntries(changes.map((c) => [c.field, c.to]));
  const refused = refusedFirst(refusedBy, 'nobody is created');
  const fails =
    blockers.length > 0
      ? `${refused ? ', and then' : ', but'} the create fails (${blockers.join(', ')})`
      : '';
  const when = refused ? '' : ' at this login';
  const valuesRight =
    'Nothing to do if these values are right; post-JIT setup (skills, phone, station) is not done by JIT.';
  return finding('JIT_WILL_CREATE', {
    message: known
      ? `${who} does not exist yet: JIT ${refused ? 'would create' : 'tries to create'} the user${when}${refused}${fails}.`
      : `If ${who} is not a user yet, JIT ${refused ? 'would create' : 'creates'} the user${when}${refused} (no directory to tell).`,
    location: mc.check.message.locations.attributeStatement ?? null,
    evidence: {
      subject: mc.profile.subject,
      user: fields,
      roles: mc.profile.roles ?? [],
      ...(refusedBy.length > 0 ? { loginRefusedBy: [...refusedBy] } : {}),
    },
    fix: refused
      ? `Fix ${refusedBy.join(', ')} first: until then Genesys Cloud refuses the login and JIT does nothing. ${valuesRight}`
      : valuesRight,
  });
}

function licenseCap(mc: MappingContext, skipped: SkippedCheck[]): Finding[] {
  const total = mc.check.config.licenses?.total ?? mc.check.directory?.licenses?.total;
  const assigned = mc.check.directory?.licenses?.assigned;
  if (total === undefined) {
    skipped.push({
      check: 'license cap',
      reason: 'no licenses.total in the configuration or the directory',
    });
    return [];
  }
  if (assigned === undefined) {
    skipped.push({
      check: 'license cap',
      reason: 'the directory does not say how many licenses are assigned',
    });
    return [];
  }
  if (assigned < total) return [];
  return [
    finding('JIT_LICENSE_CAP', {
      message: `All ${total} licenses are assigned (${assigned}): JIT cannot create ${mc.profile.subject ?? 'the user'}.`,
      evidence: { total, assigned },
      fix: 'Free a license (deactivate a user who left) or buy more before this user logs in.',
    }),
  ];
}

function newUser(
  mc: MappingContext,
  known: boolean,
  skipped: SkippedCheck[],
  blockers: readonly string[],
  refusedBy: readonly string[],
): JitResult {
  const changes = createChanges(mc);
  const cap = known ? licenseCap(mc, skipped) : [];
  const failures = [...blockers, ...cap.map((f) => f.code)];
  return {
    jit: {
      action: !known ? 'unknown' : failures.length > 0 ? 'fail' : 'create',
      changes,
      rolesRemoved: [],
      rolesAdded: mc.profile.roles ?? [],
      division: newUserDivision(mc),
      existingUserId: null,
    },
    findings: [willCreate(mc, changes, known, failures, refusedBy), defaultDivision(mc), ...cap],
    skipped,
  };
}

function existingUser(
  mc: MappingContext,
  user: DirectoryUser,
  blockers: readonly string[],
  refusedBy: readonly string[],
): JitResult {
  const base = {
    rolesRemoved: [],
    rolesAdded: [],
    division: user.division ?? null,
    existingUserId: user.id,
  };
  if (mc.check.config.jit?.updateOnLogin !== true) {
    return { jit: { action: 'none', changes: [], ...base }, findings: [], skipped: [] };
  }
  const changes = updateChanges(mc, user);
  const held = user.roles ?? [];
  const sent = mc.profile.roles;
  const rolesRemoved = sent ? held.filter((role) => !sent.includes(role)) : [];
  const rolesAdded = sent ? sent.filter((role) => !held.includes(role)) : [];
  const findings: Finding[] = [];
  if (changes.length > 0) {
    const refused = refusedFirst(refusedBy, 'nothing changes');
    const fails =
      blockers.length > 0
        ? `${refused ? ', and then' : ', but'} the update fails (${blockers.join(', ')})`
        : '';
    findings.push(
      finding('JIT_WILL_UPDATE', {
        message: `Update-on-login ${refused ? 'would rewrite' : 'rewrites'} ${changes.length} field${changes.length > 1 ? 's' : ''} of ${user.email}: ${changes.map((c) => c.field).join(', ')}${refused}${fails}.`,
        evidence: {
          userId: user.id,
          changes,
          ...(refusedBy.length > 0 ? { loginRefusedBy: [...refusedBy] } : {}),
        },
        fix: 'Nothing to do if the IdP holds the right values; otherwise correct them in the IdP first.',
      }),
    );
  }
  for (const change of changes.filter((c) => c.from !== null)) {
    findings.push(
      finding('JIT_OVERWRITES_MANUAL_EDIT', {
        message: `${user.email}'s ${change.field} is "${change.from}" in Genesys Cloud but the IdP says "${change.to}": the Genesys Cloud value is lost at the next login.`,
        evidence: { userId: user.id, field: change.field, from: change.from, to: change.to },
        fix: `Make the change in the IdP's directory (the source of truth with update-on-login), or turn off update-on-login for this integration.`,
      }),
    );
  }
  if (rolesRemoved.length > 0) {
    findings.push(
      finding('JIT_STRIPS_ROLES', {
        message: `${user.email} holds ${rolesRemoved.map((r) => `"${r}"`).join(', ')}, which the assertion does not carry: removed at the next login.`,
        evidence: { userId: user.id, rolesRemoved, held, sent },
        fix: 'Add these roles to what the IdP sends for this user, or stop mapping roles if they are managed in Genesys Cloud.',
      }),
    );
  }
  const updates = changes.length > 0 || rolesRemoved.length > 0 || rolesAdded.length > 0;
  const action = !updates ? 'none' : blockers.length > 0 ? 'fail' : 'update';
  return { jit: { action, changes, ...base, rolesRemoved, rolesAdded }, findings, skipped: [] };
}

/** The outcome when who logs in, or whether they exist, cannot be told. */
const unknownOutcome = (): JitOutcome => ({
  action: 'unknown',
  changes: [],
  rolesRemoved: [],
  rolesAdded: [],
  division: null,
  existingUserId: null,
});

/**
 * The JIT outcome of one Response. With `refusedBy`, Genesys Cloud refuses the login before JIT
 * runs: the outcome says so (`loginRefusedBy`), and what JIT would do once that is fixed.
 */
export function jitOutcome(mc: MappingContext, obstacles: JitObstacles = {}): JitResult {
  const refusedBy = [...(obstacles.refusedBy ?? [])];
  const result = outcomeOnceAccepted(mc, obstacles.blockers ?? [], refusedBy);
  return { ...result, jit: { ...result.jit, loginRefusedBy: refusedBy } };
}

function outcomeOnceAccepted(
  mc: MappingContext,
  blockers: readonly string[],
  refusedBy: readonly string[],
): JitResult {
  const enabled = mc.check.config.jit?.enabled;
  const directory = mc.check.directory;
  if (!mc.profile.subject) {
    return {
      jit: unknownOutcome(),
      findings: [],
      skipped: [
        { check: 'JIT outcome', reason: 'neither the NameID nor an email claim says who logs in' },
      ],
    };
  }
  if (!directory) {
    const skipped: SkippedCheck[] = [
      { check: 'JIT outcome', reason: 'no directory, so whether the user exists is unknown' },
    ];
    if (enabled === true) return newUser(mc, false, skipped, [], refusedBy);
    return {
      jit: unknownOutcome(),
      findings: [],
      skipped,
    };
  }
  if (mc.existing) return existingUser(mc, mc.existing, blockers, refusedBy);
  if (enabled === true) return newUser(mc, true, [], blockers, refusedBy);
  if (enabled === false) {
    return {
      jit: {
        action: 'fail',
        changes: [],
        rolesRemoved: [],
        rolesAdded: [],
        division: null,
        existingUserId: null,
      },
      findings: [
        finding('JIT_DISABLED_UNKNOWN_USER', {
          message: `${mc.profile.subject ?? 'The user'} does not exist in ${directory.source} and JIT provisioning is off: the login fails.`,
          location: mc.check.message.locations.nameId ?? null,
          evidence: { subject: mc.profile.subject, directory: directory.source },
          fix: 'Create the user in Genesys Cloud first (Admin → People, SCIM or CSV import), or turn on JIT provisioning for this SSO integration.',
        }),
      ],
      skipped: [],
    };
  }
  return {
    jit: unknownOutcome(),
    findings: [],
    skipped: [
      {
        check: 'JIT outcome',
        reason: 'the configuration does not say whether JIT is enabled (jit.enabled)',
      },
    ],
  };
}
