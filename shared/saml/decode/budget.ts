/**
 * One input budget for a whole run. Each message is capped at its own size limit, but a capture
 * of many small DEFLATE entries that each inflate to just under that limit would still add up to
 * gigabytes; the budget caps the sum (bytes inflated, bytes decoded, messages) and, for the app's
 * XML view, the decoded XML a report may carry. When a cap is reached decoding stops, the rest is
 * counted, and the report says so in one INPUT_TOO_LARGE finding: never an abort.
 */
import { finding } from '../../findings/finding';
import type { Finding, SkippedCheck } from '../../report';

export interface BudgetLimits {
  /** Bytes produced by DEFLATE (Redirect binding, HAR query values) across the run. */
  maxInflatedBytes: number;
  /** Decoded message bytes (XML) across the run, however they were encoded. */
  maxDecodedBytes: number;
  /** SAML messages decoded across the run. */
  maxMessages: number;
  /** Decoded XML kept in the report for the app's XML view. */
  maxReportXmlBytes: number;
}

const MiB = 1024 * 1024;

/**
 * A real SAML message is a few kilobytes: 20,000 Redirect-binding requests of 2 KiB inflate to
 * 40 MiB, a 33,000-message HAR decodes to about 150 MiB, so these leave honest captures alone.
 */
export const DEFAULT_BUDGET: BudgetLimits = {
  maxInflatedBytes: 64 * MiB,
  maxDecodedBytes: 512 * MiB,
  maxMessages: 100_000,
  maxReportXmlBytes: 32 * MiB,
};

type Spent = 'inflated' | 'decoded' | 'messages';

export class InputBudget {
  private inflated = 0;
  private decoded = 0;
  private messages = 0;
  private reportXml = 0;
  private spent: { what: Spent; source: string } | null = null;
  private skippedValues = 0;
  private xmlLeftOut = 0;

  constructor(readonly limits: BudgetLimits = DEFAULT_BUDGET) {}

  /** False once a cap was reached: the caller skips the value (and the skip is counted). */
  allows(): boolean {
    if (this.spent === null) return true;
    this.skippedValues += 1;
    return false;
  }

  /** Whether a cap was reached (later values are skipped). */
  isSpent(): boolean {
    return this.spent !== null;
  }

  /** Counts one decoded message of `bytes` (`inflated` when DEFLATE produced them). */
  charge(source: string, bytes: number, inflated: boolean): void {
    this.messages += 1;
    this.decoded += bytes;
    if (inflated) this.inflated += bytes;
    if (this.spent !== null) return;
    const what: Spent | null =
      this.inflated > this.limits.maxInflatedBytes
        ? 'inflated'
        : this.decoded > this.limits.maxDecodedBytes
          ? 'decoded'
          : this.messages >= this.limits.maxMessages
            ? 'messages'
            : null;
    if (what !== null) this.spent = { what, source };
  }

  /** Whether a message's decoded XML of `length` characters still fits in the report. */
  keepsXml(length: number): boolean {
    if (this.reportXml + length > this.limits.maxReportXmlBytes) {
      this.xmlLeftOut += 1;
      return false;
    }
    this.reportXml += length;
    return true;
  }

  /** The report's one finding when a cap was reached and values were left undecoded. */
  finding(): Finding | null {
    if (this.spent === null || this.skippedValues === 0) return null;
    const { what, source } = this.spent;
    const limit =
      what === 'inflated'
        ? `the ${formatMiB(this.limits.maxInflatedBytes)} of DEFLATE output a run may inflate`
        : what === 'decoded'
          ? `the ${formatMiB(this.limits.maxDecodedBytes)} of decoded messages a run may read`
          : `the ${this.limits.maxMessages} messages a run may decode`;
    const skipped = `${this.skippedValues} more SAML value${this.skippedValues === 1 ? ' was' : 's were'}`;
    return finding('INPUT_TOO_LARGE', {
      message: `The input as a whole is over its budget: after ${source} it reached ${limit}, so ${skipped} not decoded (the messages before are diagnosed).`,
      fix: 'Give the capture of the one sign-in you are looking at (a real SAML message is a few kilobytes); an input this large is not what an identity provider sends, or is built to exhaust memory.',
      evidence: {
        source,
        budget: what,
        limit:
          what === 'inflated'
            ? this.limits.maxInflatedBytes
            : what === 'decoded'
              ? this.limits.maxDecodedBytes
              : this.limits.maxMessages,
        messagesDecoded: this.messages,
        valuesSkipped: this.skippedValues,
      },
    });
  }

  /** The report's skipped check when some messages' XML was left out of the report. */
  xmlNote(): SkippedCheck | null {
    if (this.xmlLeftOut === 0) return null;
    return {
      check: 'decoded XML',
      reason: `left out of the report for ${this.xmlLeftOut} message${this.xmlLeftOut === 1 ? '' : 's'}, past the ${formatMiB(this.limits.maxReportXmlBytes)} of XML a report carries`,
    };
  }
}

function formatMiB(bytes: number): string {
  const mib = bytes / MiB;
  return `${Number.isInteger(mib) ? mib : mib.toFixed(2)} MiB`;
}
