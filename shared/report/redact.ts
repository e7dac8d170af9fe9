/**
 * `--redact`: a report that can be attached to a ticket. Personal data (NameID, emails, names,
 * employee IDs, attribute values, RelayState, user records) becomes stable placeholders — the same
 * value gets the same placeholder everywhere in the report, so "the email differs from the NameID"
 * still reads true — while claim names, codes, issuers, algorithms and structure stay. The decoded
 * XML is dropped: it is nothing but personal data and signatures.
 */
import type { Finding, JitOutcome, MessageReport, Report } from '../report';

/**
 * Evidence keys whose string values (and everything under them) are personal data. `name` and
 * `id` are not among them: in evidence they usually name a claim or a signed element.
 */
const PERSONAL_KEYS = new Set(
  [
    'nameId',
    'email',
    'emails',
    'displayName',
    'givenName',
    'surname',
    'employeeId',
    'employeeIds',
    'user',
    'users',
    'existingUser',
    'otherUser',
    'subject',
    'subjects',
    'value',
    'values',
    'from',
    'to',
    'fullText',
    'firstTextNode',
    'relayState',
    'manager',
    'phone',
    'username',
    'userId',
  ].map((k) => k.toLowerCase()),
);

/**
 * An email address inside a sentence. The lookbehind lets a match start only where a word starts
 * (or right after an `@`), so one unbroken 200,000-character word is scanned once, not once per
 * character: redaction stays linear in the length of the text.
 */
const EMAIL =
  /(?<![^\s@<>()[\]{},;:"'`])[^\s@<>()[\]{},;:"'`]+@[^\s@<>()[\]{},;:"'`]+\.[a-z]{2,}/gi;
/** Shorter values are not searched for inside sentences: "1" or "HR" would garble the text. */
const MIN_SEARCH_LENGTH = 3;

class Redactor {
  private readonly placeholders = new Map<string, string>();
  private readonly counters = { email: 0, value: 0, input: 0, certificate: 0 };
  private pattern: RegExp | null = null;

  /** The placeholder for a personal value; the empty string stays empty (it carries no data). */
  placeholder(value: string): string {
    if (value === '') return value;
    let placeholder = this.placeholders.get(value);
    if (!placeholder) {
      const kind = /^[^\s@]+@[^\s@]+$/.test(value.trim()) ? 'email' : 'value';
      placeholder = `[${kind}-${++this.counters[kind]}]`;
      this.placeholders.set(value, placeholder);
      this.pattern = null;
    }
    return placeholder;
  }

  /** The placeholder of an input's file name or a certificate's name, which say who it is about. */
  alias(value: string, kind: 'input' | 'certificate'): string {
    let placeholder = this.placeholders.get(value);
    if (!placeholder) {
      placeholder = `[${kind}-${++this.counters[kind]}]`;
      this.placeholders.set(value, placeholder);
      this.pattern = null;
    }
    return placeholder;
  }

  /** Registers values first, so that free text mentioning them is rewritten consistently. */
  learn(values: Iterable<string | null | undefined>): void {
    for (const value of values) if (value) this.placeholder(value);
  }

  /** Rewrites every known personal value and every email address inside a sentence. */
  text(sentence: string): string {
    const pattern = this.searchPattern();
    let result = pattern
      ? sentence.replace(pattern, (match) => this.placeholders.get(match)!)
      : sentence;
    result = result.replace(EMAIL, (match) =>
      /^\[(email|value|input|certificate)-\d+\]$/.test(match) ? match : this.placeholder(match),
    );
    return result;
  }

  private searchPattern(): RegExp | null {
    if (this.pattern) return this.pattern;
    const values = [...this.placeholders.keys()]
      .filter((v) => v.length >= MIN_SEARCH_LENGTH)
      .sort((a, b) => b.length - a.length)
      .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = values.length ? new RegExp(values.join('|'), 'g') : null;
    return this.pattern;
  }
}

export function redactReport(report: Report): Report {
  const redactor = new Redactor();
  // Input file names are often the user's name or email (`zelda.quixote@example.xml`).
  const allFindings = [...report.findings, ...report.messages.flatMap((m) => m.findings)];
  for (const source of [
    ...report.messages.map((m) => m.source),
    ...allFindings.map((f) => f.evidence.source),
  ]) {
    if (typeof source === 'string') redactSource(source, redactor);
  }
  for (const message of report.messages) {
    for (const name of message.attributes.map((a) => a.name).filter(looksPersonal))
      redactor.placeholder(name);
    redactor.learn(personalValuesOf(message));
  }
  // Personal values that only appear in evidence (a directory user's name) must be known before
  // any message or fix sentence is rewritten.
  for (const f of allFindings) redactor.learn(personalEvidenceValues(f.evidence, false));
  const messages = report.messages.map((m) => redactMessage(m, redactor));
  const findings = report.findings.map((f) => redactFinding(f, redactor));
  return {
    ...report,
    // A skipped check may name an input or a time value the message carried.
    skippedChecks: report.skippedChecks.map((s) => ({ ...s, reason: redactor.text(s.reason) })),
    messages,
    findings,
  };
}

function personalValuesOf(message: MessageReport): string[] {
  return [
    message.subject?.nameId,
    message.relayState,
    ...message.attributes.flatMap((a) => a.values),
    ...message.mapping.flatMap((r) => r.values),
    ...(message.jit?.changes.filter(isPersonalChange).flatMap((c) => [c.from, c.to]) ?? []),
    ...(message.jit?.rolesAdded ?? []),
    ...(message.jit?.rolesRemoved ?? []),
  ].filter((v): v is string => typeof v === 'string');
}

/** `name.xml#3` → `[input-1]#3`; what JIT Doctor calls stdin or a paste names nobody. */
function redactSource(source: string, r: Redactor): string {
  const hash = source.lastIndexOf('#');
  const name = hash > 0 && /^#\d+$/.test(source.slice(hash)) ? source.slice(0, hash) : source;
  if (name === 'stdin' || name === 'pasted' || name === 'batch') return source;
  return r.alias(name, 'input') + source.slice(name.length);
}

function redactMessage(message: MessageReport, r: Redactor): MessageReport {
  const { xml: _xml, ...rest } = message;
  return {
    ...rest,
    source: redactSource(message.source, r),
    signature: {
      ...message.signature,
      ...(message.signature.certificates
        ? {
            certificates: message.signature.certificates.map((c) => ({
              ...c,
              subject: c.subject === null ? null : r.alias(c.subject, 'certificate'),
              issuer: c.issuer === null ? null : r.alias(c.issuer, 'certificate'),
            })),
          }
        : {}),
    },
    relayState: message.relayState
      ? r.placeholder(message.relayState)
      : (message.relayState ?? null),
    status: message.status && {
      ...message.status,
      message: message.status.message === null ? null : r.text(message.status.message),
    },
    subject: message.subject && {
      ...message.subject,
      nameId: message.subject.nameId === null ? null : r.placeholder(message.subject.nameId),
    },
    attributes: message.attributes.map((a) => ({
      ...a,
      ...(looksPersonal(a.name) ? { name: r.placeholder(a.name) } : {}),
      values: a.values.map((v) => r.placeholder(v)),
    })),
    mapping: message.mapping.map((row) => ({
      ...row,
      ...(row.received !== null && looksPersonal(row.received)
        ? { received: r.placeholder(row.received), diff: undefined }
        : {}),
      values: row.values.map((v) => r.placeholder(v)),
    })),
    jit: message.jit && redactJit(message.jit, r),
    findings: message.findings.map((f) => redactFinding(f, r)),
  };
}

function redactJit(jit: JitOutcome, r: Redactor): JitOutcome {
  return {
    ...jit,
    changes: jit.changes.map((c) =>
      isPersonalChange(c)
        ? {
            ...c,
            from: c.from === null ? null : r.placeholder(c.from),
            to: c.to === null ? null : r.placeholder(c.to),
          }
        : c,
    ),
    rolesAdded: jit.rolesAdded.map((role) => r.placeholder(role)),
    rolesRemoved: jit.rolesRemoved.map((role) => r.placeholder(role)),
    ...(jit.existingUserId ? { existingUserId: r.placeholder(jit.existingUserId) } : {}),
  };
}

/**
 * A claim name is kept (it is what the report is about) unless it is itself personal data: an
 * email address, or a person's name ("Zelda Quixote": two or more capitalised words, no URI or
 * namespace punctuation), which some IdPs send when a mapping is built from the wrong column.
 */
function looksPersonal(name: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(name) || /^\p{Lu}\p{Ll}+(?:[ '-]\p{Lu}\p{Ll}+)+$/u.test(name);
}

/**
 * The division is the org's structure, not the person's data: it stays readable. Role names are
 * attribute values (a Genesys roles claim carries them verbatim), so they are redacted like the
 * department is: "values never appear in --redact output" (docs/cli.md).
 */
function isPersonalChange(change: { field: string }): boolean {
  return change.field !== 'division';
}

function redactFinding(finding: Finding, r: Redactor): Finding {
  return {
    ...finding,
    message: r.text(finding.message),
    fix: r.text(finding.fix),
    evidence: redactEvidence(finding.evidence, r, false) as Record<string, unknown>,
  };
}

function personalEvidenceValues(value: unknown, personal: boolean): string[] {
  if (typeof value === 'string') return personal ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => personalEvidenceValues(item, personal));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      // A record's state ("active") is a word of the sentence, not the person's data.
      key === 'state'
        ? []
        : personalEvidenceValues(item, personal || PERSONAL_KEYS.has(key.toLowerCase())),
    );
  }
  return [];
}

function redactEvidence(value: unknown, r: Redactor, personal: boolean): unknown {
  if (typeof value === 'string') return personal ? r.placeholder(value) : r.text(value);
  if (Array.isArray(value)) return value.map((item) => redactEvidence(item, r, personal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        redactEvidence(item, r, personal || PERSONAL_KEYS.has(key.toLowerCase())),
      ]),
    );
  }
  return value;
}
