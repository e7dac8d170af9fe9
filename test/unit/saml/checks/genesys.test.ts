import { describe, expect, it } from 'vitest';
import {
  checkGenesysAttributeCase,
  checkOrganizationName,
  checkServiceName,
  genesysChecks,
} from '../../../../shared/saml/checks/genesys';
import type { AttributeSummary } from '../../../../shared/report';
import { codes, contextFor, extractSample, sampleConfig } from './fixtures';

const ENTRA = '001-entra-assertion-signed-pysaml2';
const config = sampleConfig(ENTRA);
const base = extractSample(ENTRA);
const withAttributes = (edit: (a: AttributeSummary[]) => AttributeSummary[]) => ({
  ...base,
  attributes: edit(base.attributes),
});
const without = (name: string) => withAttributes((a) => a.filter((x) => x.name !== name));

describe('Genesys Cloud attribute checks', () => {
  it('raise nothing on the clean Entra ID response', () => {
    expect(genesysChecks.flatMap((c) => c(contextFor(base, config)))).toEqual([]);
  });

  it('ORGNAME_MISSING is a warning for SP-initiated and an error for IdP-initiated logins', () => {
    const sp = without('OrganizationName');
    const [warn] = checkOrganizationName(contextFor(sp, config));
    expect(warn).toMatchObject({ code: 'ORGNAME_MISSING', severity: 'warning' });
    const idp = { ...sp, inResponseTo: null, subjectInResponseTo: null };
    const [err] = checkOrganizationName(contextFor(idp, config));
    expect(err).toMatchObject({
      code: 'ORGNAME_MISSING',
      severity: 'error',
      evidence: { idpInitiated: true },
    });
    expect(err!.fix).toMatch(/Attributes & Claims/);
  });

  it('ORGNAME_MISMATCH compares with the configured organization, ignoring letter case', () => {
    const other = withAttributes((a) =>
      a.map((x) => (x.name === 'OrganizationName' ? { ...x, values: ['acme-test'] } : x)),
    );
    const [f] = checkOrganizationName(contextFor(other, config));
    expect(f).toMatchObject({
      code: 'ORGNAME_MISMATCH',
      evidence: { expected: 'acme-contact', received: ['acme-test'] },
    });
    const upper = withAttributes((a) =>
      a.map((x) => (x.name === 'OrganizationName' ? { ...x, values: ['ACME-Contact'] } : x)),
    );
    expect(checkOrganizationName(contextFor(upper, config))).toEqual([]);
    expect(
      checkOrganizationName(contextFor(other, { ...config, organizationName: undefined })),
    ).toEqual([]);
  });

  it('GENESYS_ATTRIBUTE_CASE for organizationname, without ORGNAME_MISSING or ORGNAME_MISMATCH', () => {
    const name = '030-genesys-organizationname-lower-case';
    const message = extractSample(name);
    const cfg = sampleConfig(name);
    const [f] = checkGenesysAttributeCase(contextFor(message, cfg));
    expect(f).toMatchObject({
      code: 'GENESYS_ATTRIBUTE_CASE',
      evidence: { expected: 'OrganizationName', received: 'organizationname' },
    });
    expect(checkOrganizationName(contextFor(message, cfg))).toEqual([]);
  });

  it('GENESYS_ATTRIBUTE_CASE leaves alone a claim the mapping names on purpose', () => {
    const emailUpper = withAttributes((a) =>
      a.map((x) => (x.name === 'email' ? { ...x, name: 'Email' } : x)),
    );
    expect(codes(checkGenesysAttributeCase(contextFor(emailUpper, config)))).toEqual([
      'GENESYS_ATTRIBUTE_CASE',
    ]);
    const mapped = { ...config, attributeMapping: { ...config.attributeMapping, email: 'Email' } };
    expect(checkGenesysAttributeCase(contextFor(emailUpper, mapped))).toEqual([]);
  });

  it.each([
    ['directory', true],
    ['https://apps.mypurecloud.com/directory/', true],
    ['apps.mypurecloud.com', false],
    ['Directory Admin', false],
    ['', false],
  ])('SERVICENAME_INVALID for %j: %s valid', (value, valid) => {
    const message = withAttributes((a) => [
      ...a,
      { name: 'ServiceName', nameFormat: null, friendlyName: null, values: [value] },
    ]);
    expect(codes(checkServiceName(contextFor(message, config)))).toEqual(
      valid ? [] : ['SERVICENAME_INVALID'],
    );
  });
});
