import { describe, expect, it } from 'vitest';
import { extractMessage } from '../../../shared/saml/extract';
import { NS } from '../../../shared/saml/extract-text';
import {
  decodedFrom,
  extractSample,
  extractXml,
  parsedFrom,
  sampleXml,
  verifiedOutcome,
} from './checks/fixtures';

describe('extractMessage: values from the verified elements', () => {
  it('reads an Entra ID response: issuer, subject, conditions, status and every claim', () => {
    const m = extractSample('001-entra-assertion-signed-pysaml2');
    expect(m.type).toBe('Response');
    expect(m.idp).toBe('entra');
    expect(m.issuer).toBe('https://sts.windows.net/5b7c1e2a-3f4d-4c8e-9a1b-2d6e7f809abc/');
    expect(m.responseIssuer).toBe(m.assertionIssuer);
    expect(m.destination).toBe('https://login.mypurecloud.com/saml');
    expect(m.inResponseTo).toBe('_gcfa426008cd3b4ac7be4b388b369a99c3');
    expect(m.status).toEqual({
      code: 'urn:oasis:names:tc:SAML:2.0:status:Success',
      subCode: null,
      message: null,
    });
    expect(m.subject).toEqual({
      nameId: 'jane.doe@acme.example',
      nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      recipient: 'https://login.mypurecloud.com/saml',
      notOnOrAfter: '2026-11-23T09:04:58.000Z',
    });
    expect(m.subjectConfirmationMethods).toEqual(['urn:oasis:names:tc:SAML:2.0:cm:bearer']);
    expect(m.conditions).toEqual({
      notBefore: '2026-11-23T08:54:58.000Z',
      notOnOrAfter: '2026-11-23T09:59:58.000Z',
      audiences: ['urn:genesys:acme'],
    });
    expect(m.hasAudienceRestriction).toBe(true);
    expect(m.assertionCount).toBe(1);
    expect(m.encryptedAssertionCount).toBe(0);
    const org = m.attributes.find((a) => a.name === 'OrganizationName');
    expect(org?.values).toEqual(['acme-contact']);
    expect(org?.location?.path).toMatch(/\/Response\/Assertion\/AttributeStatement\/Attribute/);
    const xml = sampleXml('001-entra-assertion-signed-pysaml2');
    const expectedLine = xml
      .slice(0, xml.indexOf('<Attribute Name="OrganizationName"'))
      .split('\n').length;
    expect(org?.location?.line).toBe(expectedLine);
    expect(m.attributes).toHaveLength(14);
  });

  it('reads the status sub-code and message of a refused login, with no assertion', () => {
    const m = extractSample('055-status-responder-authnfailed');
    expect(m.status?.code).toBe('urn:oasis:names:tc:SAML:2.0:status:Responder');
    expect(m.status?.subCode).toBe('urn:oasis:names:tc:SAML:2.0:status:AuthnFailed');
    expect(m.status?.message).toMatch(/AADSTS50105/);
    expect(m.subject).toBeNull();
    expect(m.locations.assertion).toBeUndefined();
  });

  it('counts an encrypted assertion without reading it', () => {
    const m = extractSample('057-encrypted-assertion-pysaml2');
    expect(m.encryptedAssertionCount).toBe(1);
    expect(m.assertionCount).toBe(0);
  });

  it('recognises Okta and Google from the Issuer', () => {
    expect(extractSample('003-okta-assertion-signed-auth0').idp).toBe('okta');
    expect(extractSample('007-google-workspace-response-signed-xmlsec1').idp).toBe('google');
  });

  it('reads only the assertion the verify stage handed over, never another one by tag name', () => {
    const xml = sampleXml('104-attack-unsigned-second-assertion');
    const parsed = parsedFrom(xml);
    const all = parsed.document.getElementsByTagNameNS(NS.assertion, 'Assertion');
    expect(all.length).toBe(2);
    const readNames = [0, 1].map((i) => {
      const outcome = { ...verifiedOutcome(parsed), assertion: all[i]! };
      return extractMessage(decodedFrom(xml), parsed, outcome).message.subject?.nameId;
    });
    expect(readNames[0]).not.toBe(readNames[1]);
    const none = extractMessage(decodedFrom(xml), parsed, {
      ...verifiedOutcome(parsed),
      assertion: null,
    });
    expect(none.message.subject).toBeNull();
    expect(none.message.attributes).toEqual([]);
    expect(none.message.assertionCount).toBe(2);
  });

  it('gives the message type of requests and logout messages', () => {
    const request =
      '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r" Version="2.0" Destination="https://idp.example/sso"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">urn:genesys:acme</saml:Issuer></samlp:AuthnRequest>';
    const parsed = parsedFrom(request);
    const m = extractMessage(decodedFrom(request), parsed, null).message;
    expect(m.type).toBe('AuthnRequest');
    expect(m.issuer).toBe('urn:genesys:acme');
    expect(m.destination).toBe('https://idp.example/sso');
    const logout = request.replace(/AuthnRequest/g, 'LogoutResponse');
    expect(extractMessage(decodedFrom(logout), parsedFrom(logout), null).message.type).toBe(
      'LogoutResponse',
    );
    const foreign = '<Response xmlns="urn:example"/>';
    expect(extractMessage(decodedFrom(foreign), parsedFrom(foreign), null).message.type).toBe(
      'Unknown',
    );
  });
});

describe('extractMessage: split text (comment-injection class)', () => {
  it('reports a NameID split by a comment with both readings', () => {
    const { message, findings } = extractXml(sampleXml('097-attack-comment-injection-nameid'));
    expect(message.subject?.nameId).toBe('jane.doe@acme.example.evil.example');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'TEXT_SPLIT_BY_COMMENT',
      severity: 'error',
      evidence: {
        fullText: 'jane.doe@acme.example.evil.example',
        firstTextNode: 'jane.doe@acme.example',
      },
    });
    expect(findings[0]!.location?.path).toMatch(/NameID$/);
  });

  const withValue = (value: string) =>
    sampleXml('001-entra-assertion-signed-pysaml2').replace(
      '<AttributeValue>acme-contact</AttributeValue>',
      `<AttributeValue>${value}</AttributeValue>`,
    );

  it.each([
    ['a processing instruction', 'acme<?x y?>-contact', 'acme'],
    ['a CDATA split', 'acme<![CDATA[-con]]>tact', 'acme'],
    ['a leading comment', '<!-- x -->acme-contact', 'acme-contact'],
  ])('reports an attribute value split by %s', (_what, value, first) => {
    const { message, findings } = extractXml(withValue(value));
    expect(message.attributes.find((a) => a.name === 'OrganizationName')?.values).toEqual([
      'acme-contact',
    ]);
    expect(findings.map((f) => f.code)).toEqual(['TEXT_SPLIT_BY_COMMENT']);
    expect(findings[0]!.evidence.firstTextNode).toBe(first);
  });

  it('accepts a single CDATA value and element content as they are', () => {
    const cdata = extractXml(withValue('<![CDATA[acme-contact]]>'));
    expect(cdata.findings).toEqual([]);
    const nested = extractXml(
      withValue('\n  <NameID xmlns="urn:oasis:names:tc:SAML:2.0:assertion">x</NameID>\n'),
    );
    expect(nested.findings).toEqual([]);
  });

  it('reads xsi:nil and empty values as empty strings, keeping NameFormat and FriendlyName', () => {
    const xml = sampleXml('001-entra-assertion-signed-pysaml2').replace(
      '<Attribute Name="title"><AttributeValue>Agent</AttributeValue></Attribute>',
      '<Attribute Name="title" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic" FriendlyName="Title"><AttributeValue xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/><AttributeValue></AttributeValue></Attribute>',
    );
    const title = extractXml(xml).message.attributes.find((a) => a.name === 'title');
    expect(title).toMatchObject({
      nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic',
      friendlyName: 'Title',
      values: ['', ''],
    });
  });
});
