// Opens a follow-up round (issue 6's first step): the round with its period, deadline and what is asked, the
// organisations in scope, one organisation report each, and one draft activity report per activity each of them is
// responsible for — also where the activity stands in another organisation's action plan. Figures are carried over
// from the organisation's report on the same activity in the plan's previous round: names, units, qualifiers,
// baselines and targets, with the value left empty for this year's number. One transaction, audited.
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import * as s from "../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { keyFromName } from "../domain/derived-key.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { checkDateRange, checkTexts, isIsoDate, throwIfProblems } from "./support/checks.ts";
import { bumpContentVersion } from "./support/rows.ts";
import { DEFAULT_REMINDER_OFFSETS, formatOffsets, resolveRoundSettings, type RoundSettingsFields } from "./support/round-settings.ts";

export const RESERVED_ROUND_SLUGS: ReadonlySet<string> = new Set(["ny"]);

export interface OpenRoundInput extends Partial<Omit<RoundSettingsFields, "deadline">> {
  deadline: string;
  planId: string;
  name: string;
  /** Empty: made from the name ("Uppföljning 2025" → "uppfoljning-2025"). */
  slug: string;
  periodStart: string;
  periodEnd: string;
  organisationIds: string[];
  confirmedPersonalData: boolean;
  /** Today in Stockholm; the deadline may not be earlier. */
  today?: string;
}

export interface OpenedRound {
  roundId: string;
  slug: string;
  organisationReports: number;
  activityReports: number;
  carriedFigures: number;
}

export async function openFollowUpRound(db: Db, viewer: Viewer | null, input: OpenRoundInput): Promise<OpenedRound> {
  if (!viewer) throw new LoginRequired();
  const problems = checkTexts([{ field: "name", value: input.name, max: 200, required: true, requiredKey: "form.nameRequired" }], input.confirmedPersonalData);
  checkDateRange(problems, { field: "periodStart", value: input.periodStart, required: true }, { field: "periodEnd", value: input.periodEnd, required: true });
  const settings = resolveRoundSettings({
    deadline: input.deadline, reminderOffsets: input.reminderOffsets ?? formatOffsets(DEFAULT_REMINDER_OFFSETS), approvalMode: input.approvalMode ?? "one",
    requireDifferentApprover: input.requireDifferentApprover ?? true, asks: input.asks ?? [],
  }, problems, { today: input.today });
  if (!problems.deadline && isIsoDate(input.periodStart) && input.deadline < input.periodStart) problems.deadline ??= { key: "form.endBeforeStart" };
  const slug = input.slug.trim() || keyFromName(input.name, 80);
  if (!/^[a-z0-9][a-z0-9-]{0,80}$/.test(slug)) problems.slug ??= { key: "form.slugInvalid" };
  // P/uppfoljning/ny is the form for a new round.
  else if (RESERVED_ROUND_SLUGS.has(slug)) problems.slug ??= { key: "ps.slugReserved" };
  const organisationIds = [...new Set(input.organisationIds)];
  if (organisationIds.length === 0) problems.organisationIds ??= { key: "form.required" };

  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [plan] = await t.select().from(s.plans).where(eq(s.plans.id, input.planId)).for("update");
    if (!plan) throw new NotFound("plan");
    if (!can(viewer, "update", { type: "plan", workspaceId: plan.workspaceId, published: plan.published })) throw new Forbidden();
    const known = organisationIds.length
      ? await t.select({ id: s.organisations.id }).from(s.organisations).where(and(
          inArray(s.organisations.id, organisationIds), eq(s.organisations.workspaceId, plan.workspaceId), isNull(s.organisations.archivedAt), ne(s.organisations.type, "external"),
        ))
      : [];
    if (known.length !== organisationIds.length) problems.organisationIds ??= { key: "form.unknownChoice" };
    const [taken] = await t.select({ id: s.followUpRounds.id }).from(s.followUpRounds).where(and(eq(s.followUpRounds.planId, plan.id), eq(s.followUpRounds.slug, slug)));
    if (taken) problems.slug ??= { key: "round.slugTaken", params: { slug } };
    throwIfProblems(problems);

    const previous = (await t.select().from(s.followUpRounds)
      .where(and(eq(s.followUpRounds.planId, plan.id), ne(s.followUpRounds.state, "draft")))
      .orderBy(desc(s.followUpRounds.periodEnd)).limit(1))[0];
    const [round] = await t.insert(s.followUpRounds).values({
      workspaceId: plan.workspaceId, planId: plan.id, slug, name: input.name.trim(), periodStart: input.periodStart, periodEnd: input.periodEnd,
      deadline: settings.deadline, reminderOffsets: settings.reminderOffsets, approvalMode: settings.approvalMode,
      requireDifferentApprover: settings.requireDifferentApprover, asks: settings.asks, state: "open", openedAt: new Date(),
    }).returning({ id: s.followUpRounds.id });
    const roundId = round!.id;
    await t.insert(s.roundOrganisations).values(organisationIds.map((organisationId) => ({ workspaceId: plan.workspaceId, roundId, organisationId })));
    const orgReports = await t.insert(s.organisationReports)
      .values(organisationIds.map((organisationId) => ({ workspaceId: plan.workspaceId, roundId, organisationId })))
      .returning({ id: s.organisationReports.id, organisationId: s.organisationReports.organisationId });
    const reportOf = new Map(orgReports.map((r) => [r.organisationId, r.id]));

    // Every live activity of the plan each organisation in scope is responsible for.
    const responsible = await t
      .select({ activityId: s.activityOrganisations.activityId, organisationId: s.activityOrganisations.organisationId })
      .from(s.activityOrganisations)
      .innerJoin(s.activities, eq(s.activities.id, s.activityOrganisations.activityId))
      .where(and(
        eq(s.activities.planId, plan.id), isNull(s.activities.archivedAt), eq(s.activityOrganisations.role, "responsible"),
        inArray(s.activityOrganisations.organisationId, organisationIds),
      ));
    const activityReports = responsible.length
      ? await t.insert(s.activityReports).values(responsible.map((r) => ({
          workspaceId: plan.workspaceId, roundId, activityId: r.activityId, organisationId: r.organisationId, organisationReportId: reportOf.get(r.organisationId)!,
        }))).returning({ id: s.activityReports.id, activityId: s.activityReports.activityId, organisationId: s.activityReports.organisationId })
      : [];

    let carriedFigures = 0;
    if (previous && activityReports.length) {
      const earlier = await t
        .select({ figure: s.figures, activityId: s.activityReports.activityId, organisationId: s.activityReports.organisationId })
        .from(s.figures)
        .innerJoin(s.activityReports, eq(s.activityReports.id, s.figures.activityReportId))
        .where(eq(s.activityReports.roundId, previous.id));
      const newReport = new Map(activityReports.map((r) => [`${r.activityId}:${r.organisationId}`, r.id]));
      const carried = earlier
        .filter((e) => newReport.has(`${e.activityId}:${e.organisationId}`))
        .map(({ figure: f, activityId, organisationId }) => ({
          workspaceId: plan.workspaceId, activityReportId: newReport.get(`${activityId}:${organisationId}`)!, position: f.position, name: f.name,
          value: null, unit: f.unit, qualifier: f.qualifier, qualifierText: null, asOf: null, baseline: f.baseline, target: f.target, year: null,
          carriedFromId: f.id,
        }));
      if (carried.length) await t.insert(s.figures).values(carried);
      carriedFigures = carried.length;
    }

    await bumpContentVersion(t, plan.workspaceId);
    await recordAudit(t, {
      workspaceId: plan.workspaceId, actorUserId: viewer.userId, via: "web", action: "followUpRound.opened", subjectType: "follow_up_round", subjectId: roundId,
      changes: [
        { field: "name", before: null, after: input.name.trim() },
        { field: "deadline", before: null, after: settings.deadline },
        { field: "organisations", before: null, after: String(organisationIds.length) },
        { field: "activityReports", before: null, after: String(activityReports.length) },
      ],
    });
    return { roundId, slug, organisationReports: orgReports.length, activityReports: activityReports.length, carriedFigures };
  });
}
