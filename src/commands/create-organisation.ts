// Adds an organisation to a workspace's tree: name, short name, type, parent, the administration serving a board,
// and the contact role (a role, never a person). The slug is made from the name and stays when the name changes.
import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { organisations } from "../db/schema/index.ts";
import { Forbidden, LoginRequired } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion, changesBetween } from "./support/rows.ts";
import {
  checkOrganisationLinks, checkOrganisationTexts, freeSlug, ORGANISATION_AUDIT_FIELDS, organisationAuditView, workspaceOrganisations,
  type OrganisationAuditView, type OrganisationFields,
} from "./support/organisation-fields.ts";

export async function createOrganisation(db: Db, viewer: Viewer | null, workspaceId: string, input: OrganisationFields): Promise<{ id: string; slug: string }> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "shapeOrganisations", { type: "workspace", workspaceId })) throw new Forbidden();
  const problems = checkOrganisationTexts(input);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // One creation at a time per workspace, so two people adding "Kulturförvaltningen" get two slugs, not an error.
    await t.execute(sql`select id from workspace where id = ${workspaceId} for update`);
    const all = await workspaceOrganisations(t, workspaceId);
    const links = checkOrganisationLinks(problems, all, input);
    throwIfProblems(problems);

    const name = input.name.trim();
    const slug = freeSlug(name, new Set(all.map((o) => o.slug)));
    const values = {
      workspaceId, slug, name, shortName: input.shortName.trim() || null, type: input.type, parentId: links.parentId,
      servedById: links.servedById, contactRole: input.contactRole.trim() || null,
      position: await nextPosition(t, "organisation", workspaceId),
    };
    const [row] = await t.insert(organisations).values(values).returning({ id: organisations.id });
    const id = row!.id;
    await bumpContentVersion(t, workspaceId);
    const empty: OrganisationAuditView = { name: null, shortName: null, type: null, parent: null, servedBy: null, contactRole: null };
    await recordAudit(t, {
      workspaceId, actorUserId: viewer.userId, via: "web", action: "organisation.created", subjectType: "organisation", subjectId: id,
      organisationId: id, changes: changesBetween(empty, organisationAuditView(all, values), ORGANISATION_AUDIT_FIELDS),
    });
    return { id, slug };
  });
}
