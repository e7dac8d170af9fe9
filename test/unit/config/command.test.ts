import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  runCheck,
  runFromMetadata,
  runPreset,
  type ConfigIo,
} from '../../../electron/cli/commands/config';
import { parseConfig } from '../../../shared/config/load';

const KEYS = fileURLToPath(new URL('../../fixtures/keys', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../fixtures/samples', import.meta.url));

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const warnings: string[] = [];
  const io: ConfigIo = {
    readText: (path) => {
      if (path in files) return files[path]!;
      if (path.startsWith('/')) return readFileSync(path, 'utf8');
      throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    },
    writeText: (path, text, force) => {
      if (!force && path in files) throw new Error(`${path} already exists`);
      files[path] = text;
    },
    out: (text) => out.push(text),
    warn: (line) => warnings.push(line),
  };
  return { io, out, warnings, files };
}

const cert = readFileSync(`${KEYS}/idp.crt`, 'utf8').replace(/-----[A-Z ]+-----|\s/g, '');
const metadata = `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sts.windows.net/t/"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`;

describe('jit-doctor config', () => {
  it('from-metadata writes a loadable Entra starting config and refuses to overwrite', () => {
    const { io, files, warnings } = memoryIo({ 'meta.xml': metadata });
    runFromMetadata('meta.xml', { out: 'config.json' }, io);
    const config = parseConfig(files['config.json']!, 'config.json');
    expect(config.sso?.issuer).toBe('https://sts.windows.net/t/');
    expect(config.attributeMapping?.email).toBe(
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    );
    expect(warnings[0]).toBe('wrote config.json');
    expect(() => runFromMetadata('meta.xml', { out: 'config.json' }, io)).toThrow(/already exists/);
  });

  it('from-metadata names --entity-id when the metadata describes several IdPs', () => {
    const entity = (id: string) =>
      metadata.replace('<?xml version="1.0"?>', '').replace('https://sts.windows.net/t/', id);
    const both = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${entity('https://a.example/')}${entity('https://b.example/')}</md:EntitiesDescriptor>`;
    const { io } = memoryIo({ 'both.xml': both });
    expect(() => runFromMetadata('both.xml', {}, io)).toThrow(
      /2 identity providers; choose one by its entityID \(https:\/\/a.example\/, https:\/\/b.example\/\): pass --entity-id ID$/,
    );
  });

  it('from-metadata refuses a DOCTYPE and an unreadable file with one clear line', () => {
    const { io } = memoryIo({ 'evil.xml': '<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>' });
    expect(() => runFromMetadata('evil.xml', {}, io)).toThrow(/DOCTYPE/);
    expect(() => runFromMetadata('missing.xml', {}, io)).toThrow(
      'cannot read the metadata missing.xml: no such file',
    );
  });

  it('preset prints a configuration for each known IdP and refuses an unknown one', () => {
    for (const idp of ['entra', 'okta', 'adfs', 'ping', 'google']) {
      const { io, out } = memoryIo({});
      runPreset(idp, {}, io);
      expect(() => parseConfig(out.join(''), `${idp}.json`)).not.toThrow();
    }
    expect(() => runPreset('onelogin', {}, memoryIo({}).io)).toThrow(
      /presets: entra, okta, adfs, ping, google/,
    );
  });

  it('check validates a file and reports the first problem', () => {
    const { io, out } = memoryIo({});
    runCheck(`${SAMPLES}/039-dir-existing-user-clean/config.json`, io);
    expect(out.join('')).toMatch(
      /is valid: 1 certificate\(s\), 8 mapped field\(s\), 0 post-JIT rule\(s\)/,
    );
    expect(() => runCheck(`${SAMPLES}/133-bad-config-invalid-json/config.json`, io)).toThrow(
      /not valid JSON/,
    );
  });
});
