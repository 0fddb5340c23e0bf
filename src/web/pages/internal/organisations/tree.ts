// The organisation tree as the management pages show it: top-level organisations grouped by type (boards, then
// administrations …), each with the organisations under it, siblings in their saved order. Archived ones are left
// out; an organisation whose parent is archived is shown at the top of its type.
import type { Organisation } from "../../../../queries/plan-graph.ts";
import { shownParentId } from "../../../../commands/move-organisation.ts";
import { ORGANISATION_TYPES, type OrganisationType } from "../../../../commands/support/organisation-fields.ts";

export interface OrganisationTree {
  /** Top-level organisations per type, in order. */
  roots: Map<OrganisationType, Organisation[]>;
  /** The organisations directly under each organisation, in order. */
  children: Map<string, Organisation[]>;
}

const byPosition = (a: Organisation, b: Organisation) => a.position - b.position || a.name.localeCompare(b.name, "sv") || a.id.localeCompare(b.id);

export function organisationTree(all: readonly Organisation[]): OrganisationTree {
  const active = all.filter((o) => !o.archivedAt);
  const byId = new Map(all.map((o) => [o.id, o]));
  const roots = new Map<OrganisationType, Organisation[]>(ORGANISATION_TYPES.map((t) => [t, []]));
  const children = new Map<string, Organisation[]>();
  for (const o of [...active].sort(byPosition)) {
    const parentId = shownParentId(o, byId);
    if (parentId) children.set(parentId, [...(children.get(parentId) ?? []), o]);
    else (roots.get(o.type as OrganisationType) ?? roots.get("department")!).push(o);
  }
  return { roots, children };
}

/** Every active organisation in tree order with its depth (0 at the top), for a select list. */
export function flattenTree(all: readonly Organisation[]): Array<{ organisation: Organisation; depth: number }> {
  const { roots, children } = organisationTree(all);
  const out: Array<{ organisation: Organisation; depth: number }> = [];
  const walk = (o: Organisation, depth: number) => {
    out.push({ organisation: o, depth });
    for (const c of children.get(o.id) ?? []) walk(c, depth + 1);
  };
  for (const type of ORGANISATION_TYPES) for (const o of roots.get(type) ?? []) walk(o, 0);
  return out;
}
