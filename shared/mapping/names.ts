/** Name findings (docs/findings.md "Names"): can a display name be formed, and does it look right. */
import { finding } from '../findings/finding';
import type { Finding } from '../report';
import { fieldLocation, type MappingContext } from './context';
import { whereToClick } from './presets';
import { foldName, isEmailAddress } from './text';

export function nameMissing(mc: MappingContext): Finding[] {
  if (mc.profile.displayName) return [];
  const mapping = mc.check.config.attributeMapping ?? {};
  const expected = [mapping.name, mapping.givenName, mapping.surname].filter(Boolean);
  return [
    finding('NAME_MISSING', {
      message:
        'No display name can be formed: no display-name claim and not both a given name and a surname arrived; JIT cannot create the user.',
      location: mc.check.message.locations.attributeStatement ?? null,
      evidence: {
        expected,
        givenName: mc.profile.givenName,
        surname: mc.profile.surname,
      },
      fix:
        expected.length > 0
          ? `${whereToClick(mc.check.message.idp, 'addClaim', { field: 'name', expected: mapping.name ?? mapping.givenName ?? 'name' })}.`
          : 'In Genesys Cloud, map the name (or givenName and surname) to the claims the IdP sends.',
    }),
  ];
}

export function namePartsOnly(mc: MappingContext): Finding[] {
  const name = mc.field('name');
  const { givenName, surname } = mc.profile;
  if (!name || name.row.match !== 'missing' || !givenName || !surname) return [];
  return [
    finding('NAME_PARTS_ONLY', {
      message: `The mapping expects one display-name claim "${name.expected}" but the IdP sends only the given name and surname ("${givenName}", "${surname}").`,
      location: fieldLocation(mc, name),
      evidence: { expected: name.expected, givenName, surname },
      fix: `${whereToClick(mc.check.message.idp, 'computedName', { field: 'name', expected: name.expected })}; or remove the name mapping in Genesys Cloud.`,
    }),
  ];
}

/** Generational suffixes and post-nominal letters people write after a comma: "Jane Doe, Jr.", "Jane Doe, MBA". */
const NAME_SUFFIX =
  /^(jr|sr|ii|iii|iv|phd|md|mba|cpa|esq|rn|dds|jd|msc|bsc|ma|ba|pmp|cfa|pe|dvm|mph)$/i;

const words = (text: string): string[] =>
  foldName(text)
    .split(/[\s,.'-]+/)
    .filter(Boolean);

/** Every word of `part` appears among the words of `text`. */
function containsWords(text: string, part: string): boolean {
  const have = new Set(words(text));
  return words(part).every((w) => have.has(w));
}

/** "Doe, Jane" but not "Jane Doe, MBA": what follows the comma must not be a suffix, nor what precedes it the whole name. */
function commaLastFirst(name: string, givenName: string | null, surname: string | null): boolean {
  const parts = /^([^,@]+),\s*([^,@]+)$/.exec(name.trim());
  if (!parts) return false;
  const [, before, after] = parts as unknown as [string, string, string];
  if (after.split(/\s+/).every((w) => NAME_SUFFIX.test(w.replace(/\./g, '')))) return false;
  if (givenName && surname && containsWords(before, `${givenName} ${surname}`)) return false;
  return true;
}

/** "Doe, Jane", or exactly "Doe Jane" when the parts are known. */
function looksLastFirst(name: string, givenName: string | null, surname: string | null): boolean {
  if (name.includes(',')) return commaLastFirst(name, givenName, surname);
  if (!givenName || !surname) return false;
  return (
    foldName(name) === foldName(`${surname} ${givenName}`) &&
    foldName(givenName) !== foldName(surname)
  );
}

export function nameLastFirst(mc: MappingContext): Finding[] {
  const { name, givenName, surname } = mc.profile;
  if (!name || isEmailAddress(name) || !looksLastFirst(name, givenName, surname)) return [];
  return [
    finding('NAME_LAST_FIRST', {
      message: `The display name "${name}" looks like "Last, First"; people search and address agents by "First Last".`,
      location: fieldLocation(mc, mc.field('name')),
      evidence: { displayName: name, givenName, surname },
      fix: `${whereToClick(mc.check.message.idp, 'computedName', { field: 'name', expected: mc.field('name')?.expected ?? 'name' })}, instead of the directory's "Last, First" display name.`,
    }),
  ];
}

/** An address or UPN-shaped value (`jdoe@corp.example`), not a person's name. */
function looksLikeAccount(name: string): boolean {
  return isEmailAddress(name) || /^[^\s@]+@[^\s@]+$/.test(name.trim());
}

export function nameIsEmail(mc: MappingContext): Finding[] {
  const { name } = mc.profile;
  if (!name || !looksLikeAccount(name)) return [];
  const expected = mc.field('name')?.expected ?? 'name';
  return [
    finding('NAME_IS_EMAIL', {
      message: `The display name "${name}" is an email address or UPN, so that is what colleagues see.`,
      location: fieldLocation(mc, mc.field('name')),
      evidence: { displayName: name, claim: expected },
      fix: `In the IdP, source "${expected}" from the display name (${whereToClick(mc.check.message.idp, 'renameClaim', { field: 'display name', expected })}).`,
    }),
  ];
}

export function namePartsDisagree(mc: MappingContext): Finding[] {
  const { name, givenName, surname } = mc.profile;
  if (!name || !givenName || !surname || looksLikeAccount(name)) return [];
  if (containsWords(name, givenName) && containsWords(name, surname)) return [];
  return [
    finding('NAME_PARTS_DISAGREE', {
      message: `The display name "${name}" does not contain the given name "${givenName}" and surname "${surname}" sent with it.`,
      location: fieldLocation(mc, mc.field('name')),
      evidence: { displayName: name, givenName, surname },
      fix: "Correct the user's name in the IdP's directory so the display name, given name and surname agree (a name change that was only half synced).",
    }),
  ];
}
