// Parts both demo workspaces share: the five follow-up statuses, and builders for taxonomies and organisations.
import { followUpStatuses, organisations, taxonomies, terms } from "../schema/index.ts";
import { type Bag, Lookup, type Phase, uid } from "./builder.ts";

/** Colours after Okabe–Ito, distinguishable with colour-vision deficiency. */
const STATUSES: Array<{ key: string; name: string; nameEn: string; meaning: string; phase: Phase; colour: string }> = [
  { key: "not_started", name: "Ej påbörjad", nameEn: "Not started", meaning: "not_started", phase: "planned", colour: "#9e9e9e" },
  {
    key: "planning", name: "Påbörjad – planering/kartläggning", nameEn: "Started – planning or mapping",
    meaning: "started", phase: "under_development", colour: "#e69f00",
  },
  {
    key: "ongoing", name: "Pågående – testas operativt", nameEn: "Ongoing – tested in operation",
    meaning: "started", phase: "ongoing", colour: "#56b4e9",
  },
  {
    key: "completed", name: "Slutförd – del av ordinarie verksamhet", nameEn: "Completed – part of ordinary work",
    meaning: "done", phase: "completed", colour: "#009e73",
  },
  { key: "cancelled", name: "Avbruten", nameEn: "Cancelled", meaning: "cancelled", phase: "cancelled", colour: "#cc79a7" },
];

export function addStatuses(bag: Bag, ws: string, planId: string): Lookup {
  const ids = new Lookup("status");
  STATUSES.forEach((s, i) => {
    const id = ids.set(s.key, uid());
    bag.add(followUpStatuses, { id, workspaceId: ws, planId, position: i + 1, ...s });
  });
  return ids;
}

export interface TaxonomySpec {
  key: string;
  name: string;
  nameEn: string;
  multiple?: boolean;
  /** [key, name, nameEn] */
  terms: Array<[string, string, string]>;
}

/** Adds taxonomies and their terms; term ids go into `termIds` as "taxonomyKey|termKey". Returns taxonomy ids by key. */
export function addTaxonomies(bag: Bag, ws: string, planId: string, specs: TaxonomySpec[], termIds: Lookup): Lookup {
  const taxonomyIds = new Lookup("taxonomy");
  specs.forEach((t, i) => {
    const id = taxonomyIds.set(t.key, uid());
    bag.add(taxonomies, {
      id, workspaceId: ws, planId, key: t.key, name: t.name, nameEn: t.nameEn, multiple: t.multiple ?? true, position: i + 1,
    });
    t.terms.forEach(([key, name, nameEn], j) => {
      const termId = termIds.set(`${t.key}|${key}`, uid());
      bag.add(terms, { id: termId, workspaceId: ws, taxonomyId: id, key, name, nameEn, position: j + 1 });
    });
  });
  return taxonomyIds;
}

export type OrgType = "board" | "administration" | "company" | "department" | "external";

export interface OrganisationSpec {
  slug: string;
  name: string;
  type: OrgType;
  shortName?: string;
  parent?: string;
  servedBy?: string;
  contactRole?: string;
}

/**
 * Adds organisations in the order given (which is also their `position`). Parents and serving
 * administrations are resolved by slug, so they may appear anywhere in the list.
 */
export function addOrganisations(bag: Bag, ws: string, specs: OrganisationSpec[]): Lookup {
  const ids = new Lookup("organisation");
  for (const o of specs) ids.set(o.slug, uid());
  // Referenced rows first, so the batch never points forward even if the database checked row by row.
  const referenced = new Set(specs.flatMap((o) => [o.parent, o.servedBy]).filter(Boolean));
  const ordered = [...specs.filter((o) => referenced.has(o.slug)), ...specs.filter((o) => !referenced.has(o.slug))];
  for (const o of ordered) {
    bag.add(organisations, {
      id: ids.get(o.slug), workspaceId: ws, type: o.type, slug: o.slug, name: o.name, shortName: o.shortName ?? null,
      parentId: o.parent ? ids.get(o.parent) : null, servedById: o.servedBy ? ids.get(o.servedBy) : null,
      contactRole: o.contactRole ?? null, position: specs.indexOf(o) + 1,
    });
  }
  return ids;
}
