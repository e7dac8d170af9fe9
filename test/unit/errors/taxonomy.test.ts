import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../shared/config/load';
import { MetadataError } from '../../../shared/config/metadata';
import { AppError, UserError } from '../../../shared/errors';
import { CertificateError } from '../../../shared/saml/certificates';
import { UsageError } from '../../../electron/cli/errors';
import { toIpcError } from '../../../electron/main/app-error';
import { GenesysApiError } from '../../../electron/genesys/errors';
import { RegionError } from '../../../electron/genesys/region';

describe('one taxonomy of the errors a person sees', () => {
  it('makes every error a person can act on a UserError, with where it is about', () => {
    const errors: UserError[] = [
      new ConfigError('region: not a Genesys Cloud region', 'region'),
      new MetadataError('the metadata describes no identity provider'),
      new CertificateError(1, 'it is empty'),
      new RegionError('"mypurecloud.xx" is not a Genesys Cloud region', 'region'),
      new UsageError('no such file: a.xml'),
      new AppError('busy', 'a repair is running'),
      new GenesysApiError({ operation: 'users.get', kind: 'http', status: 404 }),
    ];
    for (const error of errors) expect(error).toBeInstanceOf(UserError);
    expect(new CertificateError(1, 'it is empty').where).toBe('sso.certificates[1]');
    expect(new ConfigError('x', 'sso.issuer').where).toBe('sso.issuer');
  });

  it('keeps a plain Error apart: that is a bug, not something the person did', () => {
    expect(new Error('boom')).not.toBeInstanceOf(UserError);
  });

  it('gives the app a configuration error with its key path, whatever part of the configuration failed', () => {
    let thrown: unknown;
    try {
      parseConfig('{"region": "mypurecloud.zz", "attributeMapping": {"email": "mail"}}', 'c.json');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect(toIpcError(thrown)).toMatchObject({ code: 'config-invalid', path: 'region' });
    expect(toIpcError(new CertificateError(0, 'it is empty'))).toMatchObject({
      code: 'config-invalid',
      path: 'sso.certificates[0]',
    });
    expect(toIpcError(new MetadataError('no IDPSSODescriptor'))).toMatchObject({
      code: 'config-invalid',
    });
    expect(toIpcError(new Error('boom'))).toMatchObject({ code: 'internal' });
  });
});
