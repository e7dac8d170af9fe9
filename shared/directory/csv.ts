/**
 * A users CSV exported from the Genesys Cloud admin UI (People → export, or the bulk-import
 * layout: name,email,phone_work,extension,title,department,email_manager,location_work,
 * roles_divisions,queues,division,skills). Columns are matched by header name, case-insensitively;
 * unknown columns are named in a warning, never silently dropped.
 */
import { parse } from 'csv-parse/sync';
import { ConfigError } from '../config/load';
import type { DirectorySkill, DirectorySnapshot, DirectoryUser } from './types';
import { own } from '../own';

type Column =
  | 'id'
  | 'name'
  | 'email'
  | 'title'
  | 'department'
  | 'manager'
  | 'location'
  | 'roles'
  | 'division'
  | 'skills'
  | 'employeeId'
  | 'state';

/** Normalised header → the field it feeds (spaces, underscores, hyphens and case ignored). */
const COLUMNS: Readonly<Record<string, Column>> = {
  id: 'id',
  userid: 'id',
  name: 'name',
  displayname: 'name',
  fullname: 'name',
  email: 'email',
  emailaddress: 'email',
  emailwork: 'email',
  workemail: 'email',
  title: 'title',
  jobtitle: 'title',
  department: 'department',
  emailmanager: 'manager',
  manager: 'manager',
  manageremail: 'manager',
  reportsto: 'manager',
  locationwork: 'location',
  location: 'location',
  rolesdivisions: 'roles',
  roles: 'roles',
  division: 'division',
  skills: 'skills',
  employeeid: 'employeeId',
  employeenumber: 'employeeId',
  state: 'state',
  status: 'state',
};

/** Genesys Cloud columns the checks have no use for: known, so not worth a warning. */
const KNOWN_UNUSED = new Set([
  'phonework',
  'extension',
  'extensionwork',
  'queues',
  'hiredate',
  'password',
  'languages',
  'employeetype',
  'officialname',
]);

const normalise = (header: string): string => header.toLowerCase().replace(/[\s_-]+/g, '');

export interface UsersCsv {
  snapshot: DirectorySnapshot;
  warnings: string[];
}

function splitList(cell: string): string[] {
  return cell
    .split(/[,;|\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `roles_divisions` cells may carry grants as `Role:Division`; the role is the part before the colon. */
function rolesOf(cell: string): string[] {
  return [...new Set(splitList(cell).map((item) => item.split(':')[0]!.trim()))].filter(Boolean);
}

/** `Skill1:5,Skill2:3` (the admin UI's format); a skill without a level gets proficiency 0. */
function skillsOf(cell: string): DirectorySkill[] {
  return splitList(cell).map((item) => {
    const match = /^(.*?)(?::\s*(\d+(?:\.\d+)?))?$/.exec(item)!;
    return { name: match[1]!.trim(), proficiency: match[2] ? Number(match[2]) : 0 };
  });
}

function stateOf(cell: string): DirectoryUser['state'] {
  const state = cell.trim().toLowerCase();
  return state === 'inactive' || state === 'deleted' ? state : 'active';
}

function userFrom(cells: Partial<Record<Column, string>>): DirectoryUser {
  const text = (column: Column): string | null => cells[column]?.trim() || null;
  const email = text('email')!;
  return {
    id: text('id') ?? `csv:${email.toLowerCase()}`,
    name: text('name') ?? '',
    email,
    state: cells.state === undefined ? 'active' : stateOf(cells.state),
    department: text('department'),
    title: text('title'),
    employeeId: text('employeeId'),
    manager: text('manager'),
    division: text('division'),
    location: text('location'),
    ...(cells.roles !== undefined ? { roles: rolesOf(cells.roles) } : {}),
    ...(cells.skills !== undefined ? { skills: skillsOf(cells.skills) } : {}),
  };
}

/** What went wrong in a row, in words; the row itself is never shown (it may hold personal data). */
const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one',
  CSV_INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one',
  CSV_QUOTE_NOT_CLOSED: 'a quote that is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'text right after a closing quote',
  CSV_MAX_RECORD_SIZE: 'a row that is too long',
};

/**
 * The column separator, read from the header line: Excel saves "CSV" with ';' where the decimal
 * separator is a comma (most of Europe), and some exports use tabs.
 */
function separatorOf(text: string): ',' | ';' | '\t' {
  const header = text.slice(0, text.search(/\r?\n|$/));
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  return header.includes('\t') ? '\t' : ',';
}

const SEPARATOR_NAMES = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' } as const;

function readRows(text: string, fileName: string, delimiter: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    const { code, lines } = error as { code?: string; lines?: number };
    const problem = (code && own(CSV_PROBLEMS, code)) ?? 'a row it cannot split into columns';
    throw new ConfigError(
      `${fileName} is not a readable CSV: ${problem}${lines ? ` at line ${lines}` : ''} (the row is not shown: it may hold personal data); save it again from the admin UI's export, or from Excel as "CSV UTF-8 (comma delimited)"`,
      '',
    );
  }
}

export function parseUsersCsv(text: string, fileName: string): UsersCsv {
  const separator = separatorOf(text);
  const [header, ...rows] = readRows(text, fileName, separator);
  if (!header) throw new ConfigError(`${fileName}: the users CSV is empty`, '');
  const columns = header.map((name) => own(COLUMNS, normalise(name)) ?? null);
  if (!columns.includes('email')) {
    throw new ConfigError(
      `${fileName}: the users CSV has no email column (columns found: ${header.join(', ')})`,
      '',
    );
  }
  const warnings: string[] = [];
  if (separator !== ',')
    warnings.push(
      `${fileName}: its columns are separated by ${SEPARATOR_NAMES[separator]} (as Excel saves CSV in many European locales), and are read that way`,
    );
  const unknown = header.filter((name, i) => !columns[i] && !KNOWN_UNUSED.has(normalise(name)));
  if (unknown.length > 0) {
    warnings.push(
      `${fileName}: ignoring unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`,
    );
  }
  const users: DirectoryUser[] = [];
  const withoutEmail: number[] = [];
  rows.forEach((row, i) => {
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, c) => {
      if (column && cells[column] === undefined) cells[column] = row[c] ?? '';
    });
    if (cells.email?.trim()) users.push(userFrom(cells));
    else withoutEmail.push(i + 2);
  });
  if (withoutEmail.length > 0) {
    warnings.push(
      `${fileName}: skipping ${withoutEmail.length} row(s) without an email (line ${withoutEmail.slice(0, 5).join(', ')}${withoutEmail.length > 5 ? ', ...' : ''})`,
    );
  }
  return { snapshot: { users }, warnings };
}
