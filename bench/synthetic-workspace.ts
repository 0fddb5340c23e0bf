// A plan made ten times its size for the document benchmarks: every organisation with an action plan in it gets
// (factor − 1) copies, each with a copy of the action plan, its activities (numbers suffixed so they stay unique), their
// links and terms, and its reports in every round with their figures. The copies are written straight to the tables
// (this is test data, not user input) in one transaction.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "../src/db/client.ts";
import * as s from "../src/db/schema/index.ts";

export interface Multiplied {
  organisations: number;
  activities: number;
  activityReports: number;
}

/** Inserts rows in batches (PGlite and pg both limit the parameters of one statement). */
async function insertAll(t: Db, table: Parameters<Db["insert"]>[0], rows: object[]) {
  for (let i = 0; i < rows.length; i += 200) await t.insert(table).values(rows.slice(i, i + 200) as never);
}

export async function multiplyPlan(db: Db, planId: string, factor: number): Promise<Multiplied> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const actionPlans = await t.select().from(s.actionPlans).where(eq(s.actionPlans.planId, planId));
    const orgIds = actionPlans.map((a) => a.organisationId);
    const organisations = await t.select().from(s.organisations).where(inArray(s.organisations.id, orgIds));
    const activities = await t.select().from(s.activities).where(eq(s.activities.planId, planId));
    const activityIds = activities.map((a) => a.id);
    const links = activityIds.length ? await t.select().from(s.activityOrganisations).where(inArray(s.activityOrganisations.activityId, activityIds)) : [];
    const terms = activityIds.length ? await t.select().from(s.activityTerms).where(inArray(s.activityTerms.activityId, activityIds)) : [];
    const rounds = await t.select().from(s.followUpRounds).where(eq(s.followUpRounds.planId, planId));
    const roundIds = rounds.map((r) => r.id);
    const roundOrgs = roundIds.length ? await t.select().from(s.roundOrganisations).where(inArray(s.roundOrganisations.roundId, roundIds)) : [];
    const orgReports = roundIds.length ? await t.select().from(s.organisationReports).where(inArray(s.organisationReports.roundId, roundIds)) : [];
    const actReports = roundIds.length ? await t.select().from(s.activityReports).where(inArray(s.activityReports.roundId, roundIds)) : [];
    const figures = actReports.length ? await t.select().from(s.figures).where(inArray(s.figures.activityReportId, actReports.map((r) => r.id))) : [];

    const out: Record<string, object[]> = { organisations: [], actionPlans: [], activities: [], links: [], terms: [], roundOrgs: [], orgReports: [], actReports: [], figures: [] };
    for (let k = 2; k <= factor; k++) {
      const orgMap = new Map(organisations.map((o) => [o.id, randomUUID()]));
      const planMap = new Map(actionPlans.map((a) => [a.id, randomUUID()]));
      const mine = (id: string) => orgMap.get(id) ?? id;
      // Only the activities of the copied action plans are copied (activities without one stay the plan's own).
      const copied = activities.filter((a) => a.actionPlanId && planMap.has(a.actionPlanId));
      const activityMap = new Map(copied.map((a) => [a.id, randomUUID()]));
      const orgReportMap = new Map(orgReports.filter((r) => orgMap.has(r.organisationId)).map((r) => [r.id, randomUUID()]));
      const actReportMap = new Map(actReports.filter((r) => activityMap.has(r.activityId) && orgMap.has(r.organisationId)).map((r) => [r.id, randomUUID()]));
      for (const o of organisations) {
        out.organisations!.push({ ...o, id: orgMap.get(o.id), slug: `${o.slug}-${k}`, name: `${o.name} ${k}`, shortName: o.shortName ? `${o.shortName}${k}` : null, parentId: null, servedById: null });
      }
      for (const a of actionPlans) out.actionPlans!.push({ ...a, id: planMap.get(a.id), organisationId: mine(a.organisationId) });
      for (const a of copied) out.activities!.push({ ...a, id: activityMap.get(a.id), actionPlanId: planMap.get(a.actionPlanId!), number: a.number ? `${a.number}-${k}` : null, fromNeedId: null });
      for (const l of links.filter((l) => activityMap.has(l.activityId))) out.links!.push({ ...l, activityId: activityMap.get(l.activityId), organisationId: mine(l.organisationId) });
      for (const x of terms.filter((x) => activityMap.has(x.activityId))) out.terms!.push({ ...x, activityId: activityMap.get(x.activityId) });
      for (const r of roundOrgs.filter((r) => orgMap.has(r.organisationId))) out.roundOrgs!.push({ ...r, organisationId: mine(r.organisationId) });
      for (const r of orgReports.filter((r) => orgReportMap.has(r.id))) out.orgReports!.push({ ...r, id: orgReportMap.get(r.id), organisationId: mine(r.organisationId) });
      for (const r of actReports.filter((r) => actReportMap.has(r.id))) {
        out.actReports!.push({ ...r, id: actReportMap.get(r.id), activityId: activityMap.get(r.activityId), organisationId: mine(r.organisationId), organisationReportId: orgReportMap.get(r.organisationReportId) });
      }
      for (const f of figures.filter((f) => actReportMap.has(f.activityReportId))) out.figures!.push({ ...f, id: randomUUID(), activityReportId: actReportMap.get(f.activityReportId), carriedFromId: null });
    }
    await insertAll(t, s.organisations, out.organisations!);
    await insertAll(t, s.actionPlans, out.actionPlans!);
    await insertAll(t, s.activities, out.activities!);
    await insertAll(t, s.activityOrganisations, out.links!);
    await insertAll(t, s.activityTerms, out.terms!);
    await insertAll(t, s.roundOrganisations, out.roundOrgs!);
    await insertAll(t, s.organisationReports, out.orgReports!);
    await insertAll(t, s.activityReports, out.actReports!);
    await insertAll(t, s.figures, out.figures!);
    return { organisations: out.organisations!.length, activities: out.activities!.length, activityReports: out.actReports!.length };
  });
}
