import type { Finding, Location, Severity } from '../report';
import { CATALOGUE, type FindingCode } from './catalogue';

export interface FindingInput {
  message: string;
  fix: string;
  location?: Location | null;
  evidence?: Record<string, unknown>;
  /** Only for the codes whose severity depends on context (docs/findings.md). */
  severity?: Severity;
}

/** Builds a finding with the catalogue's default severity. */
export function finding(code: FindingCode, input: FindingInput): Finding {
  return {
    code,
    severity: input.severity ?? CATALOGUE[code].severity,
    message: input.message,
    location: input.location ?? null,
    evidence: input.evidence ?? {},
    fix: input.fix,
  };
}
