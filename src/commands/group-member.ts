// A group's members: a person with an account in the workspace, or a named role at an organisation ("Avdelningschef,
// Stadsbyggnadsförvaltningen") — never client data. Adding and removing each in one transaction with the audit.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface MemberFields {
  /** A person with a role in the workspace, or "". */
  userId: string;
  /** An organisation of the workspace, or "". */
  organisationId: string;
  /** The role in the group or at the organisation ("Ordförande", "Representant"). */
  roleTitle: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadGroup(t: Db, viewer: Viewer, workspaceId: string, groupId: string) {
  const [group] = await t.select().from(s.groups).where(and(eq(s.groups.id, groupId), eq(s.groups.workspaceId, workspaceId)));
  if (!group || group.archivedAt) throw new NotFound("group");
  if (!can(viewer, "manage", { type: "year", workspaceId })) throw new Forbidden();
  return group;
}

export async function addGroupMember(
  db: Db,
  viewer: Viewer | null,
  input: MemberFields & { workspaceId: string; groupId: string; confirmedPersonalData: boolean },
): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const group = await loadGroup(t, viewer, input.workspaceId, input.groupId);
    const problems = checkTexts([{ field: "roleTitle", value: input.roleTitle, max: 200 }], input.confirmedPersonalData);
    let who = "";
    if (input.userId) {
      const [person] = UUID.test(input.userId)
        ? await t
            .select({ name: s.users.name })
            .from(s.users)
            .innerJoin(s.memberships, eq(s.memberships.userId, s.users.id))
            .where(and(eq(s.users.id, input.userId), eq(s.memberships.workspaceId, input.workspaceId)))
            .limit(1)
        : [];
      if (!person) problems.userId = { key: "form.unknownChoice" };
      else who = person.name;
      const already = await t.select({ id: s.groupMembers.id }).from(s.groupMembers).where(and(eq(s.groupMembers.groupId, group.id), eq(s.groupMembers.userId, input.userId)));
      if (person && already.length) problems.userId = { key: "group.member.already" };
    } else if (!input.roleTitle.trim()) problems.userId = { key: "group.member.whoRequired" };
    if (input.organisationId) {
      const [organisation] = UUID.test(input.organisationId)
        ? await t.select({ name: s.organisations.name }).from(s.organisations)
            .where(and(eq(s.organisations.id, input.organisationId), eq(s.organisations.workspaceId, input.workspaceId)))
        : [];
      if (!organisation) problems.organisationId = { key: "form.unknownChoice" };
      else who = [who, organisation.name].filter(Boolean).join(", ");
    } else if (!input.userId && input.roleTitle.trim()) problems.organisationId = { key: "group.member.organisationRequired" };
    throwIfProblems(problems);
    const members = await t.select({ position: s.groupMembers.position }).from(s.groupMembers).where(eq(s.groupMembers.groupId, group.id));
    const [row] = await t
      .insert(s.groupMembers)
      .values({
        workspaceId: input.workspaceId, groupId: group.id, userId: input.userId || null, organisationId: input.organisationId || null,
        roleTitle: input.roleTitle.trim(), position: members.reduce((max, m) => Math.max(max, m.position + 1), 0),
      })
      .returning({ id: s.groupMembers.id });
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "group.memberAdded", subjectType: "group", subjectId: group.id,
      changes: [{ field: "member", before: null, after: [input.roleTitle.trim(), who].filter(Boolean).join(", ") }],
    });
    return { id: row!.id };
  });
}

export async function removeGroupMember(db: Db, viewer: Viewer | null, input: { workspaceId: string; groupId: string; memberId: string }): Promise<void> {
  if (!viewer) throw new LoginRequired();
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const group = await loadGroup(t, viewer, input.workspaceId, input.groupId);
    const removed = await t
      .delete(s.groupMembers)
      .where(and(eq(s.groupMembers.id, input.memberId), eq(s.groupMembers.groupId, group.id)))
      .returning({ roleTitle: s.groupMembers.roleTitle, userId: s.groupMembers.userId });
    if (removed.length === 0) throw new NotFound("group_member");
    await bumpContentVersion(t, input.workspaceId);
    await recordAudit(t, {
      workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "group.memberRemoved", subjectType: "group", subjectId: group.id,
      changes: [{ field: "member", before: removed[0]!.roleTitle || removed[0]!.userId, after: null }],
    });
  });
}
