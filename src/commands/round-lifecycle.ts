// The coordinator's hold on a round as a whole: change its settings, close it (every report becomes read-only), and
// reopen one organisation's reports after closing so it can still correct them. Each is audited; reopening tells the
// organisation's editors.
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkTexts, throwIfProblems } from "./support/checks.ts";
import { peopleWithRole } from "./support/recipients.ts";
import { lockOrganisationReport } from "./support/report-access.ts";
import { moveReport, type NoticeChannel } from "./support/report-transition.ts";
import { bumpContentVersion, changesBetween, checkVersion, lockVersion } from "./support/rows.ts";
import { ASKS, formatOffsets, resolveRoundSettings, type RoundSettingsFields } from "./support/round-settings.ts";

type Round = typeof s.followUpRounds.$inferSelect;

async function lockedRound(t: Db, viewer: Viewer | null, roundId: string): Promise<{ round: Round; viewer: Viewer }> {
  if (!viewer) throw new LoginRequired();
  await lockVersion(t, "follow_up_round", roundId);
  const [round] = await t.select().from(s.followUpRounds).where(eq(s.followUpRounds.id, roundId));
  if (!round) throw new NotFound("round");
  if (!can(viewer, "manageRounds", { type: "followUp", workspaceId: round.workspaceId })) throw new Forbidden();
  return { round, viewer };
}

export interface RoundSettingsInput extends RoundSettingsFields {
  roundId: string;
  version: number;
  name: string;
  confirmedPersonalData: boolean;
  today?: string;
}

/** The settings form's values of a round as saved. */
export function roundSettingsFields(round: Round): RoundSettingsFields & { name: string; introduction: string } {
  return {
    name: round.name, introduction: round.introduction, deadline: round.deadline, reminderOffsets: formatOffsets(round.reminderOffsets), approvalMode: round.approvalMode,
    requireDifferentApprover: round.requireDifferentApprover, asks: ASKS.filter((a) => round.asks[a]),
  };
}

export async function updateRoundSettings(db: Db, viewer: Viewer | null, input: RoundSettingsInput): Promise<{ version: number; changed: boolean }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { round, viewer: v } = await lockedRound(t, viewer, input.roundId);
    const introduction = input.introduction ?? round.introduction;
    const problems = checkTexts([
      { field: "name", value: input.name, max: 200, required: true, requiredKey: "form.nameRequired" },
      { field: "introduction", value: introduction, max: 20_000 },
    ], input.confirmedPersonalData);
    const settings = resolveRoundSettings(input, problems, { today: input.today, previousDeadline: round.deadline });
    throwIfProblems(problems);
    checkVersion(round.version, input.version, () => roundSettingsFields(round));
    const view = (r: { name: string; introduction: string; deadline: string; reminderOffsets: number[]; approvalMode: string; requireDifferentApprover: boolean; asks: object }) => ({
      name: r.name, introduction: r.introduction, deadline: r.deadline, reminderOffsets: formatOffsets(r.reminderOffsets), approvalMode: r.approvalMode,
      requireDifferentApprover: String(r.requireDifferentApprover), asks: ASKS.filter((a) => (r.asks as Record<string, boolean>)[a]).join(", "),
    });
    const after = { ...settings, name: input.name.trim(), introduction };
    const changes = changesBetween(view(round), view(after), ["name", "introduction", "deadline", "reminderOffsets", "approvalMode", "requireDifferentApprover", "asks"]);
    // A closed round keeps its rules; its name and the report's introduction may still be written.
    if (round.state === "closed" && changes.some((c) => c.field !== "name" && c.field !== "introduction")) {
      throw new Invalid({ deadline: { key: "round.closedSettings" } });
    }
    if (changes.length === 0) return { version: round.version, changed: false };
    const version = round.version + 1;
    await t.update(s.followUpRounds).set({ ...after, version, updatedAt: new Date() }).where(eq(s.followUpRounds.id, round.id));
    await bumpContentVersion(t, round.workspaceId);
    await recordAudit(t, {
      workspaceId: round.workspaceId, actorUserId: v.userId, via: "web", action: "followUpRound.updated", subjectType: "follow_up_round", subjectId: round.id, changes,
    });
    return { version, changed: true };
  });
}

/** Closes an open round: its reports become read-only (reopened ones are closed again too). */
export async function closeFollowUpRound(db: Db, viewer: Viewer | null, input: { roundId: string; version: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { round, viewer: v } = await lockedRound(t, viewer, input.roundId);
    if (round.state === "closed") throw new Invalid({ close: { key: "round.alreadyClosed" } });
    if (round.version !== input.version) throw new Invalid({ close: { key: "report.changedMeanwhile" } });
    await t.update(s.followUpRounds).set({ state: "closed", closedAt: new Date(), version: round.version + 1, updatedAt: new Date() }).where(eq(s.followUpRounds.id, round.id));
    await t.update(s.organisationReports).set({ reopenedAt: null }).where(eq(s.organisationReports.roundId, round.id));
    await bumpContentVersion(t, round.workspaceId);
    await recordAudit(t, {
      workspaceId: round.workspaceId, actorUserId: v.userId, via: "web", action: "followUpRound.closed", subjectType: "follow_up_round", subjectId: round.id,
      changes: [{ field: "state", before: round.state, after: "closed" }],
    });
  });
}

/** After closing, lets one organisation change its report again: back to draft, its editors told. */
export async function reopenOrganisationReport(
  db: Db, viewer: Viewer | null, channel: NoticeChannel, input: { organisationReportId: string; version: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!viewer) throw new LoginRequired();
    const { report, round } = await lockOrganisationReport(t, input.organisationReportId);
    if (!can(viewer, "manageRounds", { type: "followUp", workspaceId: report.workspaceId })) throw new Forbidden();
    if (round.state !== "closed") throw new Invalid({ reopen: { key: "round.notClosed" } });
    if (report.reopenedAt) throw new Invalid({ reopen: { key: "round.alreadyReopened" } });
    if (report.version !== input.version) throw new Invalid({ reopen: { key: "report.changedMeanwhile" } });
    await moveReport(t, channel, {
      report, viewer, action: "organisationReport.reopened", to: report.state === "not_started" ? "not_started" : "draft",
      set: { reopenedAt: new Date() }, changes: [{ field: "reopened", before: null, after: round.name }],
      notice: { kind: "reopened", recipients: await peopleWithRole(t, report.workspaceId, ["editor"], report.organisationId) },
    });
  });
}
