// Edits an organisation: its texts, type, place in the tree (never under itself or one of its own departments) and,
// for a board, the administration serving it. Optimistic concurrency on `version`; one audit event with the changes.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { organisations } from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { nextPosition } from "./support/order.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import {
  checkOrganisationLinks, checkOrganisationTexts, ORGANISATION_AUDIT_FIELDS, organisationAuditView, workspaceOrganisations,
  type OrganisationFields,
} from "./support/organisation-fields.ts";

export interface UpdateOrganisationInput extends OrganisationFields {
  organisationId: string;
  version: number;
}

/** What the form shows after a conflict: the values saved by the other person. */
export type SavedOrganisation = Omit<OrganisationFields, "confirmedPersonalData">;

export async function updateOrganisation(db: Db, viewer: Viewer | null, workspaceId: string, input: UpdateOrganisationInput): Promise<{ version: number; changed: boolean }> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "shapeOrganisations", { type: "workspace", workspaceId })) throw new Forbidden();
  const problems = checkOrganisationTexts(input);

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const locked = await lockVersion(t, "organisation", input.organisationId);
    if (locked.workspaceId !== workspaceId) throw new NotFound("organisation");
    const all = await workspaceOrganisations(t, workspaceId);
    const current = all.find((o) => o.id === input.organisationId)!;
    const links = checkOrganisationLinks(problems, all, input, current);
    throwIfProblems(problems);
    checkVersion<SavedOrganisation>(locked.version, input.version, () => ({
      name: current.name, shortName: current.shortName ?? "", type: current.type, parentId: current.parentId ?? "",
      servedById: current.servedById ?? "", contactRole: current.contactRole ?? "",
    }));

    const next = {
      name: input.name.trim(), shortName: input.shortName.trim() || null, type: input.type, parentId: links.parentId,
      servedById: links.servedById, contactRole: input.contactRole.trim() || null,
    };
    const changes = changesBetween(organisationAuditView(all, current), organisationAuditView(all, next), ORGANISATION_AUDIT_FIELDS);
    if (changes.length === 0) return { version: current.version, changed: false };
    const version = current.version + 1;
    // Moved to another parent: last among its new siblings.
    const position = next.parentId !== current.parentId ? await nextPosition(t, "organisation", workspaceId) : current.position;
    await t
      .update(organisations)
      .set({ ...next, position, version, updatedAt: new Date() })
      .where(and(eq(organisations.id, current.id), eq(organisations.version, current.version)));
    await bumpContentVersion(t, workspaceId);
    await recordAudit(t, {
      workspaceId, actorUserId: viewer.userId, via: "web", action: "organisation.updated", subjectType: "organisation",
      subjectId: current.id, organisationId: current.id, changes,
    });
    return { version, changed: true };
  });
}
