// Plans a dialogue meeting (dialogmöte) with one organisation or a cluster: every problem at once, the meeting and
// its organisations, the audit, in one transaction.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import { AUDITED_MEETING_FIELDS, meetingAuditView, meetingProblems, type DialogueMeetingFields } from "./support/dialogue-input.ts";
import { bumpContentVersion, changesBetween } from "./support/rows.ts";

export interface CreateDialogueMeetingInput extends DialogueMeetingFields {
  planId: string;
  confirmedPersonalData: boolean;
}

export async function createDialogueMeeting(db: Db, viewer: Viewer | null, input: CreateDialogueMeetingInput): Promise<{ id: string }> {
  if (!viewer) throw new LoginRequired();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId));
    if (!plan) throw new NotFound("plan");
    if (!can(viewer, "manageDialogue", { type: "followUp", workspaceId: plan.workspaceId })) throw new Forbidden();
    const { problems, resolved } = await meetingProblems(t, plan.workspaceId, input, input.confirmedPersonalData, []);
    throwIfProblems(problems);
    const [row] = await t
      .insert(s.dialogueMeetings)
      .values({
        workspaceId: plan.workspaceId, planId: plan.id, title: resolved.title, heldOn: resolved.heldOn, participants: resolved.participants,
        notes: resolved.notes,
      })
      .returning({ id: s.dialogueMeetings.id });
    const id = row!.id;
    await t
      .insert(s.dialogueMeetingOrganisations)
      .values(resolved.organisationIds.map((organisationId) => ({ workspaceId: plan.workspaceId, dialogueMeetingId: id, organisationId })));
    await bumpContentVersion(t, plan.workspaceId);
    const empty = { title: null, heldOn: null, organisations: null, participants: null, notes: null };
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer.userId, via: "web", action: "dialogueMeeting.created", subjectType: "dialogueMeeting",
      subjectId: id, organisationId: resolved.organisationIds.length === 1 ? resolved.organisationIds[0] : null,
      changes: changesBetween<Record<string, string | null>>(empty, meetingAuditView(resolved, resolved.organisationNames), AUDITED_MEETING_FIELDS),
    });
    return { id };
  });
}
