/** Users CSVs as Excel and careless exports save them: read, or refused without echoing a row. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/config/load';
import { parseUsersCsv } from '../../../shared/directory/csv';

const PERSON = 'zelda.quixote@pii.example';

describe('users CSV separators and broken rows', () => {
  it('reads a semicolon-separated CSV (Excel in a European locale) and says so', () => {
    const { snapshot, warnings } = parseUsersCsv(
      `email;name;employeeId;roles\n${PERSON};"Quixote; Zelda";E123;Agent,Supervisor\n`,
      'users.csv',
    );
    expect(snapshot.users).toMatchObject([
      { email: PERSON, name: 'Quixote; Zelda', employeeId: 'E123', roles: ['Agent', 'Supervisor'] },
    ]);
    expect(warnings).toEqual([
      'users.csv: its columns are separated by semicolons (as Excel saves CSV in many European locales), and are read that way',
    ]);
  });

  it('reads a tab-separated export', () => {
    const { snapshot, warnings } = parseUsersCsv(`email\tname\n${PERSON}\tZelda\n`, 'users.tsv');
    expect(snapshot.users.map((u) => u.name)).toEqual(['Zelda']);
    expect(warnings[0]).toContain('separated by tabs');
  });

  it.each([
    [
      'a stray quote',
      `email,name\n${PERSON},Zel"da Quixote\n`,
      'a quote inside a field that does not start with one',
    ],
    [
      'a quote never closed',
      `email,name\n"${PERSON},Zelda Quixote\n`,
      'a quote that is never closed',
    ],
    [
      'text after a quote',
      `email,name\n"${PERSON}"x,Zelda Quixote\n`,
      'text right after a closing quote',
    ],
  ])('names the problem and its line, never the row, for %s', (_, text, problem) => {
    let error: unknown;
    try {
      parseUsersCsv(text, 'users.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(`users.csv is not a readable CSV: ${problem} at line 2`);
    expect(message).not.toMatch(/zelda|quixote/i);
  });
});
