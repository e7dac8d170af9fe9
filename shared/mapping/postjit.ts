/**
 * Post-JIT findings (needs directory and postJit rules): an existing user who lacks what the rules
 * give their department or title, i.e. a stuck agent. Rule matching and the diff are the
 * provisioning planner's (shared/provisioning), so the diagnosis and the repair agree.
 */
import type { DirectoryUser } from '../directory/types';
import { finding } from '../findings/finding';
import { desiredStateFor, planRepair, type RuleSubject } from '../provisioning';
import type { Finding } from '../report';
import type { MappingContext } from './context';

/** Who the rules see after this login: with update-on-login the IdP's values replace the directory's. */
function ruleSubject(mc: MappingContext, user: DirectoryUser): RuleSubject {
  const updates = mc.check.config.jit?.updateOnLogin === true;
  const pick = (sent: string | null, held: string | null | undefined) =>
    updates && sent ? sent : (held ?? null);
  return {
    department: pick(mc.profile.department, user.department),
    title: pick(mc.profile.title, user.title),
    location: pick(mc.profile.location, user.location),
    roles: user.roles ?? [],
  };
}

/** Words for the CLI and the app alike: the command's options are the CLI's to name. */
const repairHint = (email: string) =>
  `Repair ${email} with JIT Doctor (the repair command, or the app's Repair screen); for new agents, automate post-JIT setup.`;

export function postJitFindings(mc: MappingContext): Finding[] {
  const user = mc.existing;
  const postJit = mc.check.config.postJit;
  if (!user || !postJit || postJit.rules.length === 0) return [];
  const desired = desiredStateFor({ ...ruleSubject(mc, user), id: user.id }, postJit);
  if (!desired) return [];
  const plan = planRepair(desired, { ...user, roles: user.roles ?? [] });
  const rule = { index: desired.match.index, because: desired.match.because };
  const findings: Finding[] = [];
  const skills = plan.steps.filter((s) => s.kind === 'skill');
  if (user.skills !== undefined && skills.length > 0) {
    findings.push(
      finding('POSTJIT_MISSING_SKILLS', {
        message: `${user.email} lacks ${skills.length} skill${skills.length > 1 ? 's' : ''} the rules give (${rule.because}): ${skills.map((s) => s.name).join(', ')}.`,
        evidence: {
          userId: user.id,
          rule,
          missing: skills.map((s) => ({ name: s.name, proficiency: s.proficiency, held: s.from })),
        },
        fix: repairHint(user.email),
      }),
    );
  }
  const wantsPhone = desired.webRtcPhone !== undefined;
  if (wantsPhone && user.webRtcPhone === false) {
    findings.push(
      finding('POSTJIT_MISSING_PHONE', {
        message: `${user.email} has no WebRTC phone although the rules ask for one (${rule.because}).`,
        evidence: { userId: user.id, rule, phoneSettings: desired.webRtcPhone ?? null },
        fix: desired.webRtcPhone
          ? repairHint(user.email)
          : 'Configure postJit.phone (site and phone base settings), then repair the user.',
      }),
    );
  }
  if (wantsPhone && user.webRtcPhone === true && user.defaultStation === false) {
    findings.push(
      finding('POSTJIT_MISSING_STATION', {
        message: `${user.email}'s WebRTC phone is not the default station, so calls do not reach it.`,
        evidence: { userId: user.id, rule },
        fix: repairHint(user.email),
      }),
    );
  }
  const utilization = plan.steps.find((s) => s.kind === 'utilization');
  if (utilization && user.utilization !== undefined) {
    findings.push(
      finding('POSTJIT_UTILIZATION', {
        message: `${user.email}'s utilization differs from the rules (${rule.because}).`,
        evidence: {
          userId: user.id,
          rule,
          wanted: utilization.utilization,
          current: user.utilization,
        },
        fix: repairHint(user.email),
      }),
    );
  }
  return findings;
}
