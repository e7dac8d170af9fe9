/**
 * Claim mapping, values, names, uniqueness and JIT outcome (issue 3).
 * The engine calls analyseMapping once per Response and checkBatch once per report.
 */
import type { Finding, JitOutcome, MappingRow } from '../report';
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
  skipped: string[];
}

type MappingCheck = (mc: MappingContext) => Finding[];

/** In the order of spec/findings.md, so the report reads stage by stage. */
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

function skippedWithoutDirectory(ctx: CheckContext): string[] {
  if (ctx.directory) {
    const missingLists = (['roles', 'divisions', 'locations'] as const).filter(
      (list) => ctx.directory![list] === null,
    );
    return missingLists.map(
      (list) => `${list} names: ${ctx.directory!.source} has no ${list} list`,
    );
  }
  return [
    'uniqueness: no directory',
    'role, location, manager and division names: no directory',
    'post-JIT: no directory',
  ];
}

export function analyseMapping(ctx: CheckContext): MappingAnalysis {
  if (ctx.message.assertionCount === 0) {
    return {
      mapping: [],
      jit: null,
      findings: [],
      skipped: ['claim mapping: no readable assertion'],
    };
  }
  const mappingConfig = ctx.config.attributeMapping;
  if (!mappingConfig) {
    return {
      mapping: [],
      jit: null,
      findings: [],
      skipped: ['claim mapping, names and JIT outcome: the configuration has no attributeMapping'],
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
  const outcome = jitOutcome(mc);
  const blocked = uniqueness.some((f) => f.severity === 'error');
  const jit: JitOutcome =
    blocked && outcome.jit.action !== 'none' ? { ...outcome.jit, action: 'fail' } : outcome.jit;
  return {
    mapping: fields.map((f) => f.row),
    jit,
    findings: [
      ...run(CLAIM_CHECKS),
      ...run(DIRECTORY_VALUE_CHECKS),
      ...run(NAME_CHECKS),
      ...uniqueness,
      ...outcome.findings,
      ...(ctx.directory ? postJitFindings(mc) : []),
    ],
    skipped: [...skippedWithoutDirectory(ctx), ...outcome.skipped],
  };
}
