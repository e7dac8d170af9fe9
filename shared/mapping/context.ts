/**
 * What every mapping check reads: the message, the configuration, the directory, the field
 * matches, and the user profile the IdP's claims describe (only claims Genesys Cloud really reads).
 */
import type { GenesysUserField } from '../config/types';
import type { DirectoryUser } from '../directory/types';
import type { Location } from '../report';
import type { CheckContext } from '../saml/types';
import type { FieldMatch } from './match';
import { isEmailAddress } from './text';
import { splitRoles } from './roles';

export interface ReceivedProfile {
  email: string | null;
  /** The display-name claim as sent. */
  name: string | null;
  givenName: string | null;
  surname: string | null;
  department: string | null;
  title: string | null;
  employeeId: string | null;
  location: string | null;
  manager: string | null;
  division: string | null;
  phone: string | null;
  username: string | null;
  /** Role names, null when no roles claim was read. */
  roles: string[] | null;
  /** The name the user gets: the display-name claim, else given name and surname. */
  displayName: string | null;
  /** Who logs in: the NameID when it is an address, else the email claim (lower-cased for lookups). */
  subject: string | null;
}

export interface MappingContext {
  check: CheckContext;
  fields: readonly FieldMatch[];
  field(name: GenesysUserField): FieldMatch | undefined;
  profile: ReceivedProfile;
  /** The directory's record for this subject, when a directory is available and knows it. */
  existing: DirectoryUser | undefined;
}

/** The first value Genesys Cloud would read for a field (exact matches only), trimmed; null when blank. */
function valueOf(fields: readonly FieldMatch[], field: GenesysUserField): string | null {
  const match = fields.find((f) => f.field === field);
  if (!match || match.row.match !== 'exact') return null;
  return match.attribute?.values[0]?.trim() || null;
}

export function receivedProfile(
  check: CheckContext,
  fields: readonly FieldMatch[],
): ReceivedProfile {
  const value = (field: GenesysUserField) => valueOf(fields, field);
  const genesysEmail =
    check.message.attributes.find((a) => a.name === 'email')?.values[0]?.trim() || null;
  const email = value('email') ?? genesysEmail;
  const givenName = value('givenName');
  const surname = value('surname');
  const name = value('name');
  const nameId = check.message.subject?.nameId?.trim() || null;
  const rolesMatch = fields.find((f) => f.field === 'roles' && f.row.match === 'exact');
  return {
    email,
    name,
    givenName,
    surname,
    department: value('department'),
    title: value('title'),
    employeeId: value('employeeId'),
    location: value('location'),
    manager: value('manager'),
    division: value('division'),
    phone: value('phone'),
    username: value('username'),
    roles: rolesMatch ? splitRoles(rolesMatch.attribute?.values ?? []).roles : null,
    displayName: name ?? (givenName && surname ? `${givenName} ${surname}` : null),
    subject: nameId && isEmailAddress(nameId) ? nameId : email,
  };
}

/** Where a finding about a field points: its Attribute, else the AttributeStatement. */
export function fieldLocation(mc: MappingContext, match: FieldMatch | undefined): Location | null {
  return match?.attribute?.location ?? mc.check.message.locations.attributeStatement ?? null;
}
