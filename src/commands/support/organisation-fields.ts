// What creating and editing an organisation share: the types, the text rules, the slug made from the name, and the
// checks of the choices that point at other organisations (parent in the tree, the administration serving a board).
import { keyFromName } from "../../domain/derived-key.ts";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { organisations } from "../../db/schema/index.ts";
import { checkTexts, type Problems } from "./checks.ts";

export const ORGANISATION_TYPES = ["board", "administration", "company", "department", "external"] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export const isOrganisationType = (value: string): value is OrganisationType => (ORGANISATION_TYPES as readonly string[]).includes(value);

/** Slugs that would hide a page: /:ws/organisationer/hantera and /:ws/planer/:plan/handlingsplaner/ny. */
/**
 * Words the site's own addresses use where an organisation's slug also stands: P/handlingsplaner/ny, and the round's
 * pages beside each organisation's report (P/uppfoljning/:round/oversikt, …/installningar, …/rapport, …/paminn, …/stang).
 */
export const RESERVED_ORGANISATION_SLUGS: ReadonlySet<string> = new Set(["hantera", "ny", "oversikt", "installningar", "rapport", "paminn", "stang"]);

export const ORGANISATION_LIMITS = { name: 200, shortName: 40, contactRole: 200 } as const;

export interface OrganisationFields {
  name: string;
  shortName: string;
  type: string;
  /** "" for none (top level). */
  parentId: string;
  /** "" for none; only kept for a board. */
  servedById: string;
  contactRole: string;
  confirmedPersonalData: boolean;
}

type OrganisationRow = typeof organisations.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const looksLikeUuid = (value: string) => UUID.test(value);

/** Lower-case a–z, digits and hyphens from a name: "Arbetsmarknads- och socialförvaltningen" → "arbetsmarknads-och-socialforvaltningen". */
export function slugFromName(name: string): string {
  return keyFromName(name, 60) || "organisation";
}

/** The first free slug for the name among the workspace's slugs (archived ones included: the index holds them all). */
export function freeSlug(name: string, taken: ReadonlySet<string>): string {
  const base = slugFromName(name);
  const free = (s: string) => !taken.has(s) && !RESERVED_ORGANISATION_SLUGS.has(s);
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (free(candidate)) return candidate;
  }
}

/** Required name and type, lengths, and the personal-data guard on every text (the contact role above all). */
export function checkOrganisationTexts(input: OrganisationFields): Problems {
  const problems = checkTexts(
    [
      { field: "name", value: input.name, max: ORGANISATION_LIMITS.name, required: true, requiredKey: "form.nameRequired" },
      { field: "shortName", value: input.shortName, max: ORGANISATION_LIMITS.shortName },
      { field: "contactRole", value: input.contactRole, max: ORGANISATION_LIMITS.contactRole },
    ],
    input.confirmedPersonalData,
  );
  if (!input.type) problems.type = { key: "form.required" };
  else if (!isOrganisationType(input.type)) problems.type = { key: "form.unknownChoice" };
  return problems;
}

export async function workspaceOrganisations(t: Db, workspaceId: string): Promise<OrganisationRow[]> {
  return t.select().from(organisations).where(eq(organisations.workspaceId, workspaceId));
}

/** The organisation and everything below it in the tree. */
export function selfAndDescendants(all: readonly OrganisationRow[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of all) {
      if (o.parentId && found.has(o.parentId) && !found.has(o.id)) {
        found.add(o.id);
        grew = true;
      }
    }
  }
  return found;
}

/**
 * Checks the parent and the serving administration against the workspace's organisations and adds problems.
 * `current` is the organisation being edited (undefined when creating): a choice it already has is kept even if
 * that organisation has since been archived. Returns the ids to save (servedBy cleared for anything but a board).
 */
export function checkOrganisationLinks(
  problems: Problems,
  all: readonly OrganisationRow[],
  input: OrganisationFields,
  current?: OrganisationRow,
): { parentId: string | null; servedById: string | null } {
  const byId = new Map(all.map((o) => [o.id, o]));
  const usable = (id: string, kept: string | null | undefined) => {
    const o = looksLikeUuid(id) ? byId.get(id.toLowerCase()) : undefined;
    return o && (!o.archivedAt || o.id === kept) ? o : undefined;
  };

  let parentId: string | null = null;
  if (input.parentId) {
    const parent = usable(input.parentId, current?.parentId);
    if (!parent) problems.parentId ??= { key: "form.unknownChoice" };
    else if (current && selfAndDescendants(all, current.id).has(parent.id)) problems.parentId ??= { key: "orgManage.parentCycle" };
    else parentId = parent.id;
  }

  let servedById: string | null = null;
  if (input.type === "board" && input.servedById) {
    const served = usable(input.servedById, current?.servedById);
    if (!served) problems.servedById ??= { key: "form.unknownChoice" };
    else if (served.type !== "administration") problems.servedById ??= { key: "orgManage.servedByNotAdministration" };
    else servedById = served.id;
  }

  // An administration that serves boards stays an administration until the boards are served by another.
  if (current && current.type === "administration" && input.type !== "administration" && isOrganisationType(input.type)) {
    const serves = all.filter((o) => o.servedById === current.id && !o.archivedAt);
    if (serves.length > 0) problems.type ??= { key: "orgManage.stillServes", params: { names: serves.map((o) => o.name).join(", ") } };
  }
  return { parentId, servedById };
}

/** What the audit compares: the texts, and the organisations pointed at by name (an id reads as nothing in the history). */
export const ORGANISATION_AUDIT_FIELDS = ["name", "shortName", "type", "parent", "servedBy", "contactRole"] as const;
export type OrganisationAuditView = Record<(typeof ORGANISATION_AUDIT_FIELDS)[number], string | null>;

export function organisationAuditView(
  all: readonly OrganisationRow[],
  o: { name: string; shortName: string | null; type: string; parentId: string | null; servedById: string | null; contactRole: string | null },
): OrganisationAuditView {
  const nameOf = (id: string | null) => (id ? all.find((x) => x.id === id)?.name ?? id : null);
  return {
    name: o.name, shortName: o.shortName || null, type: o.type, parent: nameOf(o.parentId), servedBy: nameOf(o.servedById),
    contactRole: o.contactRole || null,
  };
}
