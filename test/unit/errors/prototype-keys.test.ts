/**
 * Words from outside (configuration keys, CSV headers, regions, entities, XML names, status codes)
 * that happen to be Object.prototype's names are unknown words like any other.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/load';
import { parseUsersCsv } from '../../../shared/directory/csv';
import { htmlFormFields } from '../../../shared/saml/decode/html-form';
import { resolveRegion } from '../../../shared/saml/regions';
import { parseTimeInput, parseDurationInput } from '../../../shared/time-input';

const PROTOTYPE_WORDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

describe('prototype names are never special', () => {
  it.each(PROTOTYPE_WORDS)('a mapping key %s is an unknown field, with no odd guess', (key) => {
    const text = `{"attributeMapping": {"email": "mail", "${key}": "x"}}`;
    let message = '';
    try {
      parseConfig(text, 'config.json');
    } catch (error) {
      message = (error as Error).message;
    }
    // __proto__ from JSON.parse is an own key too, so it is refused like the others
    expect(message).toContain(`"${key}" is not a Genesys Cloud user field.`);
    expect(message).not.toMatch(/function|native code|did you mean/);
  });

  it.each(PROTOTYPE_WORDS)('a CSV header %s is an unknown column', (header) => {
    const { snapshot, warnings } = parseUsersCsv(
      `email,${header}\nada@example.com,x\n`,
      'users.csv',
    );
    expect(snapshot.users).toHaveLength(1);
    expect(snapshot.users[0]!.email).toBe('ada@example.com');
    expect(warnings).toEqual([`users.csv: ignoring unknown column ${header}`]);
  });

  it.each(PROTOTYPE_WORDS)('a region %s is an unknown domain, not a function', (word) => {
    const region = resolveRegion(word);
    expect(region).toEqual({ domain: word.toLowerCase(), key: null, known: false });
  });

  it('an entity &constructor; in an auto-submit page stays as it was written', () => {
    const { fields } = htmlFormFields(
      '<form><input type="hidden" name="SAMLResponse" value="PHg+&constructor;&amp;"></form>',
    );
    expect(fields).toEqual([{ parameter: 'SAMLResponse', value: 'PHg+&constructor;&' }]);
  });
});

describe('one reading of typed times and durations (app and CLI)', () => {
  it('reads ISO 8601 and refuses what new Date would guess', () => {
    expect(parseTimeInput('2026-11-23T10:00:00+01:00')).toEqual({
      ok: true,
      value: new Date('2026-11-23T09:00:00Z'),
    });
    expect(parseTimeInput('2026-11-23T09:00:00.000Z').ok).toBe(true);
    for (const loose of ['1', '2026', 'Nov 23 2026', '23/11/2026', '', '2026-02-30'])
      expect(parseTimeInput(loose)).toMatchObject({
        ok: false,
        message: expect.stringContaining('is not an ISO 8601 time'),
      });
  });

  it('refuses a duration beyond ten years with what to type instead', () => {
    expect(parseDurationInput('3650d')).toEqual({
      ok: true,
      value: { text: '3650d', ms: 3650 * 86_400_000 },
    });
    expect(parseDurationInput('99999999999d')).toEqual({
      ok: false,
      message:
        '"99999999999d" is longer than 3650d (ten years); give a shorter duration such as 24h or 30d',
    });
    expect(parseDurationInput('1e400d').ok).toBe(false);
  });
});
