import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../shared/config/load';
import { loadDirectoryFile, parseDirectoryFile } from '../../../shared/directory/file';
import { parseDirectorySnapshot } from '../../../shared/directory/snapshot';
import { createDirectoryView } from '../../../shared/directory/view';

const SAMPLE = fileURLToPath(
  new URL('../../fixtures/samples/039-dir-existing-user-clean/directory.json', import.meta.url),
);

describe('directory snapshot', () => {
  it('reads the sample snapshot and looks users up case-insensitively', () => {
    const snapshot = parseDirectorySnapshot(readFileSync(SAMPLE, 'utf8'), 'directory.json');
    const view = createDirectoryView(snapshot, 'snapshot directory.json');
    expect(view.userByEmail('JANE.DOE@acme.example')?.name).toBe('Jane Doe');
    expect(view.userByEmployeeId('emp-12345')?.email).toBe('jane.doe@acme.example');
    expect(view.userById('0f6e2c1a-7b3d-4e9f-8a2b-5c4d3e2f1a09')?.name).toBe('Sam Lead');
    expect(view.roles).toContain('Quality Evaluator');
    expect(view.licenses).toEqual({ total: 100, assigned: 42 });
  });

  it('does not index deleted users, whose email and employee ID are free again', () => {
    const view = createDirectoryView(
      {
        users: [{ id: '1', name: 'Old', email: 'a@x.example', employeeId: 'E1', state: 'deleted' }],
      },
      'test',
    );
    expect(view.userByEmail('a@x.example')).toBeUndefined();
    expect(view.userByEmployeeId('E1')).toBeUndefined();
    expect(view.roles).toBeNull();
  });

  it('names the key path of a bad snapshot', () => {
    const bad = JSON.stringify({
      users: [{ id: '1', name: 'A', email: 'a@x.example', state: 'gone' }],
    });
    expect(() => parseDirectorySnapshot(bad, 'd.json')).toThrow(
      /d\.json: users\[0\]\.state: expected one of "active", "inactive", "deleted", got "gone"/,
    );
    expect(() => parseDirectorySnapshot('{"users":[{"id":"1","name":"A"}]}', 'd.json')).toThrow(
      /users\[0\]\.email: required/,
    );
    expect(() => parseDirectorySnapshot('{"users": [', 'd.json')).toThrow(ConfigError);
  });
});

describe('users CSV', () => {
  const csv = [
    'Name,Email,Title,Department,Email_Manager,Location_Work,Roles_Divisions,Division,Skills,Employee ID,Favourite Colour,Queues',
    'Jane Doe,Jane.Doe@acme.example,Agent,Seasonal_Retail,sam@acme.example,Chicago,"Communicate_User:Home,Agent_Tier1:Home",Home,"Customer_Service:1,Order_Tracking:2",EMP-1,teal,Sales',
    ',,,,,,,,,,,',
  ].join('\n');

  it('maps known columns by header name and warns about unknown ones', () => {
    const file = parseDirectoryFile(csv, 'users.csv');
    expect(file.source).toBe('users CSV users.csv');
    expect(file.warnings).toEqual([
      'users.csv: ignoring unknown column Favourite Colour',
      'users.csv: skipping 1 row(s) without an email (line 3)',
    ]);
    expect(file.snapshot.users).toEqual([
      {
        id: 'csv:jane.doe@acme.example',
        name: 'Jane Doe',
        email: 'Jane.Doe@acme.example',
        state: 'active',
        department: 'Seasonal_Retail',
        title: 'Agent',
        employeeId: 'EMP-1',
        manager: 'sam@acme.example',
        division: 'Home',
        location: 'Chicago',
        roles: ['Communicate_User', 'Agent_Tier1'],
        skills: [
          { name: 'Customer_Service', proficiency: 1 },
          { name: 'Order_Tracking', proficiency: 2 },
        ],
      },
    ]);
  });

  it('refuses a CSV without an email column', () => {
    expect(() => parseDirectoryFile('name,title\nJane,Agent\n', 'u.csv')).toThrow(
      /no email column \(columns found: name, title\)/,
    );
  });

  it('loadDirectoryFile names an unreadable file once, whoever read it', () => {
    const missing = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    expect(() => loadDirectoryFile('users.csv', missing)).toThrow(
      /^cannot read the directory users\.csv: no such file$/,
    );
    const cliReader = (path: string) => {
      throw new Error(`cannot read the directory ${path}: no such file`);
    };
    expect(() => loadDirectoryFile('users.csv', cliReader)).toThrow(
      /^cannot read the directory users\.csv: no such file$/,
    );
  });

  it('loadDirectoryFile indexes what it read and passes the warnings on', () => {
    const { view, warnings } = loadDirectoryFile('users.csv', () => csv);
    expect(view.userByEmployeeId('EMP-1')?.name).toBe('Jane Doe');
    expect(view.roles).toBeNull();
    expect(warnings).toHaveLength(2);
  });
});
