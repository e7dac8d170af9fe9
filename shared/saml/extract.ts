/**
 * Stage 4: the values the checks compare. For a Response every value is read from the elements the
 * verify stage handed over (`outcome.response`, `outcome.assertion`) and their direct children:
 * never a second lookup by tag name over the document, which is how signature wrapping wins.
 */
import type { Element } from '@xmldom/xmldom';
import type { AttributeSummary, Finding, Location, MessageType, StatusSummary } from '../report';
import { finding } from '../findings/finding';
import { recogniseIdp, whereIn } from './idp';
import type { DecodedMessage, ExtractedMessage, ParsedXml, VerifyOutcome } from './types';
import {
  NS,
  attr,
  childNamed,
  childrenNamed,
  countAssertions,
  isNil,
  readText,
} from './extract-text';
import { own } from '../own';

export interface ExtractOutcome {
  message: ExtractedMessage;
  /** TEXT_SPLIT_BY_COMMENT findings met while reading NameID and AttributeValue text. */
  findings: Finding[];
}

const MESSAGE_TYPES: Record<string, MessageType> = {
  Response: 'Response',
  AuthnRequest: 'AuthnRequest',
  LogoutRequest: 'LogoutRequest',
  LogoutResponse: 'LogoutResponse',
};

const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** The SAML protocol message type of a parsed document, from its root element. */
export function messageTypeOf(root: Element): MessageType {
  if (root.namespaceURI !== NS.protocol) return 'Unknown';
  return own(MESSAGE_TYPES, root.localName ?? '') ?? 'Unknown';
}

/**
 * Extracts a message. `outcome` is the verify stage's result for a Response; for other message
 * types (no trust decision rests on them) pass null and the root element is read.
 */
export function extractMessage(
  decoded: DecodedMessage,
  parsed: ParsedXml,
  outcome: VerifyOutcome | null,
): ExtractOutcome {
  const type = messageTypeOf(parsed.root);
  const response = type === 'Response' ? (outcome?.response ?? null) : null;
  const top = type === 'Response' ? response : parsed.root;
  const assertion = response ? (outcome?.assertion ?? null) : null;
  const findings: Finding[] = [];
  const locations: ExtractedMessage['locations'] = {};

  const responseIssuerEl = childNamed(top, NS.assertion, 'Issuer');
  const assertionIssuerEl = childNamed(assertion, NS.assertion, 'Issuer');
  const responseIssuer = responseIssuerEl ? readText(responseIssuerEl).text.trim() : null;
  const assertionIssuer = assertionIssuerEl ? readText(assertionIssuerEl).text.trim() : null;
  const issuer = assertionIssuer ?? responseIssuer;
  const idp = recogniseIdp(issuer);

  if (top) locations.response = parsed.locate(top);
  if (assertion) locations.assertion = parsed.locate(assertion);
  const issuerEl = assertionIssuerEl ?? responseIssuerEl;
  if (issuerEl) locations.issuer = parsed.locate(issuerEl);
  if (responseIssuerEl) locations.responseIssuer = parsed.locate(responseIssuerEl);

  const statusEl = childNamed(response, NS.protocol, 'Status');
  if (statusEl) locations.status = parsed.locate(statusEl);

  const subjectPart = assertion ? readSubject(assertion, parsed, idp, findings) : null;
  const conditionsPart = assertion ? readConditions(assertion, parsed) : null;
  if (subjectPart?.nameIdLocation) locations.nameId = subjectPart.nameIdLocation;
  if (subjectPart?.confirmationLocation)
    locations.subjectConfirmationData = subjectPart.confirmationLocation;
  if (conditionsPart?.location) locations.conditions = conditionsPart.location;
  if (conditionsPart?.audienceLocation) locations.audience = conditionsPart.audienceLocation;

  const statementEl = assertion ? childNamed(assertion, NS.assertion, 'AttributeStatement') : null;
  const attributes: AttributeSummary[] = [];
  if (statementEl) {
    locations.attributeStatement = parsed.locate(statementEl);
    readAttributes(statementEl, parsed, idp, attributes, findings);
  }

  const counts = type === 'Response' ? countAssertions(parsed.root) : { plain: 0, encrypted: 0 };
  const message: ExtractedMessage = {
    type,
    source: decoded.source,
    encoding: decoded.encoding,
    relayState: decoded.relayState,
    version: attr(top, 'Version'),
    id: attr(top, 'ID'),
    issuer,
    responseIssuer,
    assertionIssuer,
    destination: attr(top, 'Destination'),
    inResponseTo: attr(top, 'InResponseTo'),
    issueInstant: attr(top, 'IssueInstant'),
    assertionVersion: attr(assertion, 'Version'),
    assertionIssueInstant: attr(assertion, 'IssueInstant'),
    status: statusEl ? readStatus(statusEl) : null,
    subject: subjectPart?.summary ?? null,
    subjectConfirmationMethods: subjectPart?.methods ?? [],
    subjectInResponseTo: subjectPart?.inResponseTo ?? null,
    conditions: conditionsPart?.summary ?? null,
    hasAudienceRestriction: conditionsPart?.hasAudienceRestriction ?? false,
    attributes,
    // Counting (not reading) over the whole document is what spots an extra, unsigned Assertion.
    assertionCount: counts.plain,
    encryptedAssertionCount: counts.encrypted,
    locations,
    idp,
  };
  return { message, findings };
}

function readStatus(statusEl: Element): StatusSummary {
  const top = childNamed(statusEl, NS.protocol, 'StatusCode');
  const sub = childNamed(top, NS.protocol, 'StatusCode');
  const messageEl = childNamed(statusEl, NS.protocol, 'StatusMessage');
  return {
    code: attr(top, 'Value'),
    subCode: attr(sub, 'Value'),
    message: messageEl ? readText(messageEl).text.trim() : null,
  };
}

interface SubjectPart {
  summary: ExtractedMessage['subject'];
  methods: string[];
  inResponseTo: string | null;
  nameIdLocation: Location | null;
  confirmationLocation: Location | null;
}

function readSubject(
  assertion: Element,
  parsed: ParsedXml,
  idp: ExtractedMessage['idp'],
  findings: Finding[],
): SubjectPart | null {
  const subject = childNamed(assertion, NS.assertion, 'Subject');
  if (!subject) return null;
  const nameIdEl = childNamed(subject, NS.assertion, 'NameID');
  const nameIdLocation = nameIdEl ? parsed.locate(nameIdEl) : null;
  let nameId: string | null = null;
  if (nameIdEl) {
    const reading = readText(nameIdEl);
    nameId = reading.text;
    if (reading.split)
      findings.push(splitFinding('NameID', reading, nameIdLocation, idp, 'nameId'));
  }
  const confirmations = childrenNamed(subject, NS.assertion, 'SubjectConfirmation');
  const methods = confirmations.map((c) => attr(c, 'Method') ?? '');
  // The bearer confirmation is the one Web SSO uses; fall back to the first for display.
  const chosen =
    confirmations.find((c) => attr(c, 'Method') === BEARER) ?? confirmations[0] ?? null;
  const data = childNamed(chosen, NS.assertion, 'SubjectConfirmationData');
  return {
    summary: {
      nameId,
      nameIdFormat: attr(nameIdEl, 'Format'),
      recipient: attr(data, 'Recipient'),
      notOnOrAfter: attr(data, 'NotOnOrAfter'),
    },
    methods,
    inResponseTo: attr(data, 'InResponseTo'),
    nameIdLocation,
    confirmationLocation: data ? parsed.locate(data) : chosen ? parsed.locate(chosen) : null,
  };
}

function readConditions(assertion: Element, parsed: ParsedXml) {
  const conditions = childNamed(assertion, NS.assertion, 'Conditions');
  if (!conditions) return null;
  const restrictions = childrenNamed(conditions, NS.assertion, 'AudienceRestriction');
  const audiences: string[] = [];
  let audienceLocation: Location | null = null;
  for (const restriction of restrictions) {
    for (const audience of childrenNamed(restriction, NS.assertion, 'Audience')) {
      audiences.push(readText(audience).text.trim());
      audienceLocation ??= parsed.locate(audience);
    }
  }
  return {
    summary: {
      notBefore: attr(conditions, 'NotBefore'),
      notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
      audiences,
    },
    hasAudienceRestriction: restrictions.length > 0,
    location: parsed.locate(conditions),
    audienceLocation: audienceLocation ?? (restrictions[0] ? parsed.locate(restrictions[0]) : null),
  };
}

function readAttributes(
  statement: Element,
  parsed: ParsedXml,
  idp: ExtractedMessage['idp'],
  into: AttributeSummary[],
  findings: Finding[],
): void {
  for (const element of childrenNamed(statement, NS.assertion, 'Attribute')) {
    const location = parsed.locate(element);
    const name = attr(element, 'Name') ?? '';
    const values: string[] = [];
    for (const valueEl of childrenNamed(element, NS.assertion, 'AttributeValue')) {
      if (isNil(valueEl)) {
        values.push('');
        continue;
      }
      const reading = readText(valueEl);
      values.push(reading.text);
      if (reading.split) {
        findings.push(splitFinding(`attribute ${name}`, reading, location, idp, 'claims'));
      }
    }
    into.push({
      name,
      nameFormat: attr(element, 'NameFormat'),
      friendlyName: attr(element, 'FriendlyName'),
      values,
      location,
    });
  }
}

function splitFinding(
  what: string,
  reading: ReturnType<typeof readText>,
  location: Location | null,
  idp: ExtractedMessage['idp'],
  place: 'nameId' | 'claims',
): Finding {
  const split = reading.split!;
  return finding('TEXT_SPLIT_BY_COMMENT', {
    message: `The ${what} value is split by a comment, processing instruction or CDATA section, so different SAML readers see different text ("${reading.text}" in full, "${split.firstTextNode}" from the first text node).`,
    location,
    evidence: { fullText: reading.text, firstTextNode: split.firstTextNode, nodes: split.nodes },
    fix: `Treat this message as tampered with: IdPs do not emit comments inside values. If it really came from the IdP, check ${whereIn(idp, place).replace(/^In /, '')} for a value that contains markup, and report it to the IdP vendor.`,
  });
}
