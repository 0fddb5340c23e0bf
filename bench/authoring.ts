// Authoring figures: Swedish full-text search over a plan and saving an activity through its command (locks,
// checks, audit, a new revision of the adopted action plan), each beside a floor measured in the same run on the
// same database — a trivial query, and a transaction that only bumps the row's timestamp.
import { performance } from "node:perf_hooks";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../src/db/client.ts";
import * as s from "../src/db/schema/index.ts";
import type { Viewer } from "../src/domain/roles.ts";
import { searchPlan } from "../src/queries/search.ts";
import { activityLinks, planChoices } from "../src/queries/activity-form.ts";
import { activityFields, updateActivity } from "../src/commands/update-activity.ts";
import { round, summarize, type LatencySummary } from "./stats.ts";

export interface AuthoringFigures {
  search: { query: string; hits: number; ms: LatencySummary; floorMs: LatencySummary; ratioP50: number };
  saveActivity: { ms: LatencySummary; floorMs: LatencySummary; ratioP50: number; revisionsFrozen: number };
}

async function timeEach(n: number, once: (i: number) => Promise<unknown>): Promise<LatencySummary> {
  const times: number[] = [];
  for (let i = 0; i < n + 5; i++) {
    const started = performance.now();
    await once(i);
    if (i >= 5) times.push(performance.now() - started); // the first 5 are warm-up
  }
  return summarize(times);
}

export async function benchAuthoring(db: Db, options: { planSlug: string; activityNumber: string; coordinatorEmail: string; requests: number }): Promise<AuthoringFigures> {
  const [plan] = await db.select().from(s.plans).where(eq(s.plans.slug, options.planSlug));
  if (!plan) throw new Error(`plan ${options.planSlug} missing`);
  const query = "våldsutövare";
  const first = await searchPlan(db, plan.id, query, { includeDrafts: true });
  const searchMs = await timeEach(options.requests, () => searchPlan(db, plan.id, query, { includeDrafts: true }));
  const queryFloorMs = await timeEach(options.requests, () => db.execute(sql`select 1`));

  const [user] = await db.select().from(s.users).where(eq(s.users.email, options.coordinatorEmail));
  if (!user) throw new Error(`${options.coordinatorEmail} missing`);
  const viewer: Viewer = {
    userId: user.id, email: user.email, name: user.name, systemAdmin: false,
    memberships: [{ workspaceId: plan.workspaceId, role: "coordinator", organisationId: null }],
  };
  const [activity] = await db.select().from(s.activities).where(and(eq(s.activities.planId, plan.id), eq(s.activities.number, options.activityNumber)));
  if (!activity) throw new Error(`activity ${options.activityNumber} missing`);
  const choices = await planChoices(db, plan);
  const revisionsBefore = await db.$count(s.actionPlanRevisions, eq(s.actionPlanRevisions.actionPlanId, activity.actionPlanId!));
  const saveMs = await timeEach(options.requests, async (i) => {
    const [row] = await db.select().from(s.activities).where(eq(s.activities.id, activity.id));
    const fields = activityFields(row!, await activityLinks(db, activity.id), choices);
    await updateActivity(db, viewer, {
      ...fields, description: `${activity.description}\n\nBench ${i}.`, planId: plan.id, activityId: activity.id, version: row!.version, confirmedPersonalData: true,
    });
  });
  const revisionsAfter = await db.$count(s.actionPlanRevisions, eq(s.actionPlanRevisions.actionPlanId, activity.actionPlanId!));
  const saveFloorMs = await timeEach(options.requests, () =>
    db.transaction(async (tx) => {
      await tx.update(s.activities).set({ updatedAt: new Date() }).where(eq(s.activities.id, activity.id));
    }),
  );
  return {
    search: { query, hits: first.total, ms: searchMs, floorMs: queryFloorMs, ratioP50: round(searchMs.p50 / queryFloorMs.p50, 1) },
    saveActivity: { ms: saveMs, floorMs: saveFloorMs, ratioP50: round(saveMs.p50 / saveFloorMs.p50, 1), revisionsFrozen: revisionsAfter - revisionsBefore },
  };
}
