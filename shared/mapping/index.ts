/**
 * Claim mapping, values, names, uniqueness and JIT outcome (issue 3).
 * The engine calls analyseMapping once per Response and checkBatch once per report.
 */
import type { Finding, JitOutcome, MappingRow, SkippedCheck } from '../report';
import type { CheckContext } from '../saml/types';
import {
  claimDuplicate,
  claimEmpty,
  claimMissing,
  claimMultivalued,
  claimNearMiss,
  claimUnmapped,
  claimValueWhitespace,
} from './claims';
import { receivedProfile, type MappingContext } from './context';
import { jitOutcome } from './jit';
import { matchFields } from './match';
import { nameIsEmail, nameLastFirst, nameMissing, namePartsDisagree, namePartsOnly } from './names';
import { postJitFindings } from './postjit';
import { uniqueEmail, uniqueEmployeeId } from './uniqueness';
import {
  divisionUnknown,
  emailInvalid,
  locationUnknown,
  managerUnknown,
  roleUnknown,
  rolesFormat,
  valueEncoding,
} from './values';

export { checkBatch, type BatchEntry } from './batch';

export interface MappingAnalysis {
  mapping: MappingRow[];
  jit: JitOutcome | null;
  findings: Finding[];
  /** Checks that could not run, e.g. "uniqueness: no directory". */
  skipped: SkippedCheck[];
}

type MappingCheck = (mc: MappingContext) => Finding[];

/** In the order of docs/findings.md, so the report reads stage by stage. */
const CLAIM_CHECKS: readonly MappingCheck[] = [
  claimMissing,
  claimNearMiss,
  claimDuplicate,
  claimMultivalued,
  claimEmpty,
  claimValueWhitespace,
  claimUnmapped,
  emailInvalid,
  valueEncoding,
  rolesFormat,
];
const NAME_CHECKS: readonly MappingCheck[] = [
  nameMissing,
  namePartsOnly,
  nameLastFirst,
  nameIsEmail,
  namePartsDisagree,
];
const DIRECTORY_VALUE_CHECKS: readonly MappingCheck[] = [
  roleUnknown,
  locationUnknown,
  managerUnknown,
  divisionUnknown,
];
const UNIQUENESS_CHECKS: readonly MappingCheck[] = [uniqueEmployeeId, uniqueEmail];

/** The directory checks this configuration would run, by the list they need. */
function directoryNeeds(
  ctx: CheckContext,
): { check: string; list: 'roles' | 'locations' | 'divisions' | null }[] {
  const mapping = ctx.config.attributeMapping ?? {};
  return [
    { check: 'uniqueness (UNIQUE_EMPLOYEE_ID, UNIQUE_EMAIL)', list: null },
    ...(mapping.roles ? [{ check: 'role names (ROLE_UNKNOWN)', list: 'roles' as const }] : []),
    ...(mapping.location
      ? [{ check: 'locations (LOCATION_UNKNOWN)', list: 'locations' as const }]
      : []),
    ...(mapping.manager ? [{ check: 'managers (MANAGER_UNKNOWN)', list: null }] : []),
    ...(ctx.config.jit?.defaultDivision || mapping.division
      ? [{ check: 'divisions (DIVISION_UNKNOWN)', list: 'divisions' as const }]
      : []),
    ...(ctx.config.postJit?.rules.length
      ? [{ check: 'post-JIT state (POSTJIT_*)', list: null }]
      : []),
  ];
}

function skippedDirectoryChecks(ctx: CheckContext): SkippedCheck[] {
  const directory = ctx.directory;
  return directoryNeeds(ctx).flatMap(({ check, list }) => {
    if (!directory) return [{ check, reason: 'no directory' }];
    if (list && directory[list] === null)
      return [{ check, reason: `${directory.source} has no ${list} list` }];
    return [];
  });
}

/**
 * `loginRefusedBy`: the codes of the findings that make Genesys Cloud refuse this login before JIT
 * runs (loginRefusals of the earlier stages' findings).
 */
export function analyseMapping(
  ctx: CheckContext,
  loginRefusedBy: readonly string[] = [],
): MappingAnalysis {
  if (ctx.message.assertionCount === 0) {
    return {
      mapping: [],
      jit: null,
      findings: [],
      skipped: [{ check: 'claim mapping', reason: 'no readable assertion' }],
    };
  }
  const mappingConfig = ctx.config.attributeMapping;
  if (!mappingConfig) {
    return {
      mapping: [],
      jit: null,
      findings: [],
      skipped: [
        {
          check: 'claim mapping, names and JIT outcome',
          reason: 'the configuration has no attributeMapping',
        },
      ],
    };
  }
  const fields = matchFields(mappingConfig, ctx.message.attributes);
  const profile = receivedProfile(ctx, fields);
  const mc: MappingContext = {
    check: ctx,
    fields,
    field: (name) => fields.find((f) => f.field === name),
    profile,
    existing:
      profile.subject && ctx.directory ? ctx.directory.userByEmail(profile.subject) : undefined,
  };
  const run = (checks: readonly MappingCheck[]) => checks.flatMap((check) => check(mc));
  const uniqueness = run(UNIQUENESS_CHECKS);
  const blockers = uniqueness.filter((f) => f.severity === 'error').map((f) => f.code);
  const outcome = jitOutcome(mc, { blockers: [...new Set(blockers)], refusedBy: loginRefusedBy });
  return {
    mapping: fields.map((f) => f.row),
    jit: outcome.jit,
    findings: [
      ...run(CLAIM_CHECKS),
      ...run(DIRECTORY_VALUE_CHECKS),
      ...run(NAME_CHECKS),
      ...uniqueness,
      ...outcome.findings,
      ...(ctx.directory ? postJitFindings(mc) : []),
    ],
    skipped: [...skippedDirectoryChecks(ctx), ...outcome.skipped],
  };
}
