/**
 * The org's names → ids the plan refers to (skills, site, base settings, roles, divisions), looked
 * up once per run and shared by every user: concurrent users wait on the same lookup instead of
 * each making their own call.
 */
import type { PhoneSettings } from '../../../shared/provisioning';
import type { GenesysAdapter } from '../adapter/types';

interface PhoneSetup {
  siteId: string;
  phoneBaseSettingsId: string;
  phoneMetaBaseId: string;
  lineBaseSettingsId: string;
}

/** A lookup that found nothing says so in words an admin can act on. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; missing: string };

export interface OrgCatalog {
  skill(name: string): Promise<Resolved<string>>;
  phoneSetup(settings: PhoneSettings): Promise<Resolved<PhoneSetup>>;
  role(name: string): Promise<Resolved<string>>;
  division(name: string): Promise<Resolved<string>>;
}

function exact(
  found: readonly { id: string; name: string }[],
  name: string,
  what: string,
  where: string,
): Resolved<string> {
  const match = found.find((entity) => entity.name === name);
  return match
    ? { ok: true, value: match.id }
    : { ok: false, missing: `${what} "${name}" does not exist in the org (${where})` };
}

function memo<T>(lookup: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = lookup(key);
      // A failed lookup (network) is not cached: the next user asks again.
      pending.catch(() => cache.delete(key));
      cache.set(key, pending);
    }
    return pending;
  };
}

export function createOrgCatalog(api: GenesysAdapter): OrgCatalog {
  const site = memo(async (name) =>
    exact(await api.sitesNamed(name), name, 'site', 'Admin > Telephony > Sites'),
  );
  const phoneBase = memo(async (name) => {
    const found = (await api.phoneBaseSettingsNamed(name)).find((base) => base.name === name);
    return found
      ? ({ ok: true, value: found } as const)
      : ({
          ok: false,
          missing: `phone base settings "${name}" do not exist in the org (Admin > Telephony > Phone Management > Base Settings)`,
        } as const);
  });
  const lineBase = memo(async (name) => {
    for (let page = 1, pages = 1; page <= pages; page += 1) {
      const listing = await api.lineBaseSettingsPage(page);
      pages = listing.pageCount;
      const found = listing.items.find((line) => line.name === name);
      if (found) return { ok: true, value: found.id } as const;
    }
    return { ok: false, missing: `line base settings "${name}" do not exist in the org` } as const;
  });

  return {
    skill: memo(async (name) =>
      exact(await api.skillsNamed(name), name, 'skill', 'Admin > Routing > Skills'),
    ),
    role: memo(async (name) =>
      exact(await api.rolesNamed(name), name, 'role', 'Admin > People & Permissions > Roles'),
    ),
    division: memo(async (name) =>
      exact(await api.divisionsNamed(name), name, 'division', 'Admin > Divisions'),
    ),
    async phoneSetup(settings) {
      const [siteId, base] = await Promise.all([
        site(settings.site),
        phoneBase(settings.phoneBaseSettings),
      ]);
      if (!siteId.ok) return siteId;
      if (!base.ok) return base;
      // The phone base settings carry their line settings: a named line is usually among them,
      // which saves listing every line base setting in the org.
      const wanted = settings.lineBaseSettings;
      const line = wanted
        ? base.value.lines.find((l) => l.name === wanted)?.id
        : base.value.lines[0]?.id;
      let lineId: Resolved<string>;
      if (line) lineId = { ok: true, value: line };
      else if (wanted) lineId = await lineBase(wanted);
      else
        lineId = {
          ok: false,
          missing: `phone base settings "${settings.phoneBaseSettings}" have no line settings`,
        };
      if (!lineId.ok) return lineId;
      return {
        ok: true,
        value: {
          siteId: siteId.value,
          phoneBaseSettingsId: base.value.id,
          phoneMetaBaseId: base.value.metaBaseId,
          lineBaseSettingsId: lineId.value,
        },
      };
    },
  };
}
