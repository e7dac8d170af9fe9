import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig } from '../../../shared/config/load';

const SAMPLES = fileURLToPath(new URL('../../fixtures/samples', import.meta.url));
const base = () =>
  JSON.parse(
    readFileSync(`${SAMPLES}/011-claim-namespace-near-miss-department/config.json`, 'utf8'),
  );

// The tests break the JSON on purpose, so it is edited untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function problem(edit: (config: Record<string, any>) => void): ConfigError {
  const config = base();
  edit(config);
  try {
    parseConfig(JSON.stringify(config), 'config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('the configuration was accepted');
}

describe('parseConfig', () => {
  it('accepts every sample configuration but the broken one', () => {
    for (const name of readdirSync(SAMPLES)) {
      const text = readFileSync(`${SAMPLES}/${name}/config.json`, 'utf8');
      if (name.startsWith('133'))
        expect(() => parseConfig(text, 'config.json')).toThrow(ConfigError);
      else expect(() => parseConfig(text, 'config.json'), name).not.toThrow();
    }
  });

  it('says where invalid JSON breaks (sample 133)', () => {
    const text = readFileSync(`${SAMPLES}/133-bad-config-invalid-json/config.json`, 'utf8');
    expect(() => parseConfig(text, 'config.json')).toThrow(
      /^config\.json is not valid JSON: .*\(line 4, column 3\)$/,
    );
  });

  it('locates an unexpected token that V8 reports without a position (trailing comma)', () => {
    const text =
      '{\n  "name": "x",\n  "attributeMapping": {\n    "email": "mail",\n  },\n  "users": []\n}\n';
    expect(() => parseConfig(text, 'config.json')).toThrow(
      /^config\.json is not valid JSON: .*\(line 5, column 3\)$/,
    );
    const list = '{\n  "users": [\n    {"id": "1"},\n  ]\n}';
    expect(() => parseConfig(list, 'c.json')).toThrow(
      /^c\.json is not valid JSON: Unexpected token "\]" \(line 4, column 3\)$/,
    );
  });

  it('names the key path, what was expected and what was found', () => {
    const wrongType = problem((c) => (c.sso.clockSkewSeconds = '10'));
    expect(wrongType.message).toBe(
      'config.json: sso.clockSkewSeconds: expected a number, got "10"',
    );
    expect(wrongType.path).toBe('sso.clockSkewSeconds');
    expect(problem((c) => (c.sso.issuerr = 'x')).message).toMatch(
      /sso\.issuerr: unknown key "issuerr"; allowed here: issuer, certificates/,
    );
    expect(
      problem(
        (c) => (c.postJit = { rules: [{ when: {}, skills: [{ name: 'S', proficiency: 9 }] }] }),
      ).path,
    ).toBe('postJit.rules[0].skills[0].proficiency');
    expect(problem((c) => delete c.attributeMapping.email).message).toMatch(
      /attributeMapping\.email: required/,
    );
  });

  it('lists the Genesys Cloud user fields for a mapping key that is not one', () => {
    const error = problem((c) => (c.attributeMapping.firstName = 'givenname'));
    expect(error.message).toMatch(
      /"firstName" is not a Genesys Cloud user field \(did you mean "givenName"\?\)/,
    );
    expect(error.message).toMatch(/allowed fields: email, name, givenName, surname, department/);
  });

  it('refuses more than five certificates and names an unreadable one by index', () => {
    expect(
      problem((c) => (c.sso.certificates = Array(6).fill(c.sso.certificates[0]))).message,
    ).toMatch(/at most 5 certificates \(Genesys Cloud stores up to five\), got 6/);
    const unreadable = problem((c) => c.sso.certificates.push('MIIBAAAA'));
    expect(unreadable.path).toBe('sso.certificates[1]');
    expect(unreadable.message).toMatch(/certificate 2 cannot be read/);
    expect(problem((c) => (c.sso.certificates = ['not base64!'])).message).toMatch(
      /neither a PEM certificate nor base64/,
    );
  });

  it('accepts bare base64 DER, regions as domains or SDK keys, and refuses unknown regions', () => {
    const config = base();
    config.sso.certificates = [config.sso.certificates[0].replace(/-----[A-Z ]+-----|\n/g, '')];
    config.region = 'eu_west_1';
    expect(() => parseConfig(JSON.stringify(config), 'c.json')).not.toThrow();
    expect(problem((c) => (c.region = 'mypurecloud.xx')).message).toMatch(
      /region: "mypurecloud\.xx" is not a Genesys Cloud region/,
    );
  });

  it('loadConfigFile turns an unreadable file into a ConfigError', () => {
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(() => loadConfigFile('nope.json', missing)).toThrow(
      'cannot read the configuration nope.json: no such file',
    );
  });

  it('loadConfigFile names the file once when the reader already did', () => {
    const reader = (path: string) => {
      throw new Error(`cannot read the configuration ${path}: permission denied`);
    };
    expect(() => loadConfigFile('locked.json', reader)).toThrow(
      /^cannot read the configuration locked\.json: permission denied$/,
    );
  });
});
