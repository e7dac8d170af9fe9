/**
 * Claim mapping, values, names, uniqueness and JIT outcome (issue 3).
 * The engine calls analyseMapping once per Response and checkBatch once per report.
 */
import type { Finding, JitOutcome, MappingRow } from '../report';
import type { CheckContext, ExtractedMessage } from '../saml/types';

export interface MappingAnalysis {
  mapping: MappingRow[];
  jit: JitOutcome | null;
  findings: Finding[];
  /** Checks that could not run, e.g. "uniqueness: no directory". */
  skipped: string[];
}

// Placeholder until the claim-mapping issue lands: returns nothing rather than guessing.
export function analyseMapping(_ctx: CheckContext): MappingAnalysis {
  return { mapping: [], jit: null, findings: [], skipped: [] };
}

export function checkBatch(
  _messages: readonly { index: number; message: ExtractedMessage }[],
): Finding[] {
  return [];
}
