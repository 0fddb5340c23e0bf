// Creates a plan in a workspace with everything a coordinator needs to start at once, in one transaction: the
// plan's details, the default vocabulary, the five follow-up statuses and the default taxonomies with their terms.
// All of it is data the coordinator renames, reorders or archives afterwards.
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { followUpStatuses, plans, taxonomies, terms, workspaces } from "../db/schema/index.ts";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../domain/errors.ts";
import type { Viewer } from "../domain/roles.ts";
import { keyFromName } from "../domain/derived-key.ts";
import { DEFAULT_STATUSES, DEFAULT_TAXONOMIES, DEFAULT_VOCABULARY } from "../domain/plan-defaults.ts";
import { can } from "../policies/can.ts";
import { recordAudit } from "./audit.ts";
import { throwIfProblems } from "./support/checks.ts";
import {
  checkCoordinatingOrganisation, checkPlanDetails, isUniqueViolation, planDetailsValues, RESERVED_PLAN_SLUGS, slugProblem, type PlanDetailsInput,
} from "./support/plan-structure.ts";
import { bumpContentVersion } from "./support/rows.ts";

export interface CreatePlanInput extends PlanDetailsInput {
  workspaceId: string;
  /** Empty: made from the name. */
  slug: string;
}

export const PLAN_SLUG_MAX = 80;

export async function createPlan(db: Db, viewer: Viewer | null, input: CreatePlanInput): Promise<{ id: string; slug: string }> {
  if (!viewer) throw new LoginRequired();
  if (!can(viewer, "createPlan", { type: "workspace", workspaceId: input.workspaceId })) throw new Forbidden();
  const problems = checkPlanDetails(input);
  const slug = input.slug.trim() || keyFromName(input.name, PLAN_SLUG_MAX);
  const slugIssue = slugProblem(slug, PLAN_SLUG_MAX, RESERVED_PLAN_SLUGS);
  if (slugIssue && !(problems.name && !input.slug.trim())) problems.slug = slugIssue;

  const taken = () => new Invalid({ slug: { key: "ps.plan.slugTaken", params: { slug } } });
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [workspace] = await t.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, input.workspaceId));
      if (!workspace) throw new NotFound("workspace");
      const organisationName = await checkCoordinatingOrganisation(t, input.workspaceId, input.coordinatingOrganisationId, problems);
      if (!problems.slug) {
        const [existing] = await t.select({ id: plans.id }).from(plans).where(and(eq(plans.workspaceId, input.workspaceId), eq(plans.slug, slug)));
        if (existing) problems.slug = { key: "ps.plan.slugTaken", params: { slug } };
      }
      // Every problem at once: the ones needing the database are known only now.
      throwIfProblems(problems);

      const values = planDetailsValues(input);
      const [row] = await t
        .insert(plans)
        .values({ workspaceId: input.workspaceId, slug, ...values, vocabulary: DEFAULT_VOCABULARY, published: false })
        .returning({ id: plans.id });
      const planId = row!.id;
      await t.insert(followUpStatuses).values(
        DEFAULT_STATUSES.map((s, i) => ({
          workspaceId: input.workspaceId, planId, key: s.key, name: s.name, nameEn: s.nameEn, position: i + 1, colour: s.colour, meaning: s.meaning, phase: s.phase,
        })),
      );
      for (const [i, taxonomy] of DEFAULT_TAXONOMIES.entries()) {
        const [created] = await t
          .insert(taxonomies)
          .values({ workspaceId: input.workspaceId, planId, key: taxonomy.key, name: taxonomy.name, nameEn: taxonomy.nameEn, multiple: taxonomy.multiple, position: i + 1 })
          .returning({ id: taxonomies.id });
        await t.insert(terms).values(
          taxonomy.terms.map((term, j) => ({ workspaceId: input.workspaceId, taxonomyId: created!.id, key: term.key, name: term.name, nameEn: term.nameEn, position: j + 1 })),
        );
      }
      await bumpContentVersion(t, input.workspaceId);
      await recordAudit(t, {
        workspaceId: input.workspaceId, actorUserId: viewer.userId, via: "web", action: "plan.created", subjectType: "plan", subjectId: planId,
        changes: [
          { field: "name", before: null, after: values.name },
          { field: "slug", before: null, after: slug },
          { field: "periodStart", before: null, after: values.periodStart },
          { field: "periodEnd", before: null, after: values.periodEnd },
          { field: "vision", before: null, after: values.vision || null },
          { field: "introduction", before: null, after: values.introduction || null },
          { field: "adoptedBy", before: null, after: values.adoptedBy },
          { field: "adoptedOn", before: null, after: values.adoptedOn },
          { field: "coordinatingOrganisation", before: null, after: organisationName },
          { field: "followUpEveryMonths", before: null, after: values.followUpEveryMonths },
          { field: "dialogueEveryMonths", before: null, after: values.dialogueEveryMonths },
          { field: "statuses", before: null, after: DEFAULT_STATUSES.map((s) => s.name).join(", ") },
          { field: "taxonomies", before: null, after: DEFAULT_TAXONOMIES.map((x) => x.name).join(", ") },
        ].filter((c) => c.after !== null),
      });
      return { id: planId, slug };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
