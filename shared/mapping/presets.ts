/**
 * What we know about each IdP (resources/presets): the claim names it sends by default, a starting
 * configuration, and where in its admin console a claim is renamed or added, for fix text.
 */
import adfs from '../../resources/presets/adfs.json';
import claimUris from '../../resources/presets/claim-uris.json';
import entra from '../../resources/presets/entra.json';
import google from '../../resources/presets/google.json';
import okta from '../../resources/presets/okta.json';
import ping from '../../resources/presets/ping.json';
import type { JitDoctorConfig } from '../config/types';
import type { IdpKind } from '../report';

export type PresetIdp = Exclude<IdpKind, 'generic'>;

export interface IdpPreset {
  idp: PresetIdp;
  label: string;
  defaultClaims: { name: string; source: string }[];
  config: JitDoctorConfig;
  where: {
    claims: string;
    renameClaim: string;
    addClaim: string;
    computedName: string;
    certificate: string;
  };
}

export const PRESETS: Readonly<Record<PresetIdp, IdpPreset>> = {
  entra: entra as IdpPreset,
  okta: okta as IdpPreset,
  adfs: adfs as IdpPreset,
  ping: ping as IdpPreset,
  google: google as IdpPreset,
};

export function presetFor(idp: IdpKind | null | undefined): IdpPreset | null {
  return idp && idp !== 'generic' ? PRESETS[idp] : null;
}

interface ClaimGroup {
  meaning: string;
  field: string | null;
  names: string[];
}

const GROUPS: readonly ClaimGroup[] = claimUris.groups;
const groupByName = new Map<string, ClaimGroup>();
for (const group of GROUPS) {
  for (const name of group.names) groupByName.set(name.toLowerCase(), group);
}
const NOT_USER_FIELDS = new Set(claimUris.notUserFields.names.map((n) => n.toLowerCase()));

/** The well-known claim a name stands for ("email address"), or null for a name we do not know. */
function claimMeaning(name: string): ClaimGroup | null {
  return groupByName.get(name.trim().toLowerCase()) ?? null;
}

/** True when two different names are the same well-known claim in other namespaces (mail vs urn:oid:0.9.2342.19200300.100.1.3). */
export function sameWellKnownClaim(a: string, b: string): boolean {
  const group = claimMeaning(a);
  return group !== null && group === claimMeaning(b);
}

/** Claims IdPs send about the sign-in (tenant, object ID, auth methods): never a user field. */
export function isSignInClaim(name: string): boolean {
  return NOT_USER_FIELDS.has(name.trim().toLowerCase());
}

/** Names of well-known claims that usually carry a field (for batch checks without a configuration). */
export function wellKnownNamesFor(field: string): readonly string[] {
  return GROUPS.filter((group) => group.field === field).flatMap((group) => group.names);
}

type Where = keyof IdpPreset['where'];

/**
 * "In the Okta Admin Console: ... → Attribute Statements: set the Name ..." for a recognised IdP;
 * a neutral sentence otherwise.
 */
export function whereToClick(
  idp: IdpKind | null | undefined,
  action: Exclude<Where, 'claims'>,
  vars: Record<string, string>,
): string {
  const preset = presetFor(idp);
  const fill = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
  if (!preset) return fill(GENERIC[action]);
  return `${preset.where.claims}: ${fill(preset.where[action])}`;
}

const GENERIC: Record<Exclude<Where, 'claims'>, string> = {
  renameClaim:
    'In the IdP, in the attribute (claim) settings of the Genesys Cloud application, rename the attribute that carries the {field} to exactly "{expected}"',
  addClaim:
    'In the IdP, in the attribute (claim) settings of the Genesys Cloud application, add an attribute named exactly "{expected}" carrying the {field}',
  computedName:
    'In the IdP, add a computed attribute "{expected}" that joins the given name, a space and the surname',
  certificate:
    "Export the IdP's signing certificate and paste it in Genesys Cloud (Admin → Single Sign-on)",
};
