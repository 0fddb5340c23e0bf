// Writes an imported action plan in ONE transaction through the ordinary commands (so the policy, the personal-data
// guard, the checks, the audit and the action plan's revisions apply as when typed in): the organisations the user chose
// to add, the organisation's action plan when it has none, then every activity created or updated as proposed. Any
// problem rolls everything back and names the measure it came from.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import { createActionPlan } from "../../commands/create-action-plan.ts";
import { createActivity } from "../../commands/create-activity.ts";
import { createOrganisation } from "../../commands/create-organisation.ts";
import { recordAudit } from "../../commands/audit.ts";
import { defaultActionPlanTitle } from "../../commands/support/action-plan-fields.ts";
import { updateActivity } from "../../commands/update-activity.ts";
import { AppError, Forbidden, Invalid, LoginRequired } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/roles.ts";
import { can } from "../../policies/can.ts";
import { planChoices } from "../../queries/activity-form.ts";
import { loadPlanGraph, type Plan, type Workspace } from "../../queries/plan-graph.ts";
import type { ImportDraft } from "../recognise/draft.ts";
import { proposeActionPlan, type ActionPlanProposal, type Corrections } from "../proposal/action-plan.ts";

export interface CommitActionPlanInput {
  workspace: Workspace;
  plan: Plan;
  organisationId: string;
  draft: ImportDraft;
  corrections: Corrections;
  /** The person has seen the flagged personal data and confirms the texts are fine. */
  confirmedPersonalData: boolean;
  /** "web" or "cli", for the audit. */
  via: string;
  fileName: string;
}

export interface CommitResult {
  created: number;
  updated: number;
  unchanged: number;
  organisationsCreated: number;
  actionPlanId: string;
}

/** A problem of one measure, named by its number or title, so the preview can point at it. */
export class ImportRefused extends AppError {
  constructor(
    readonly measure: { index: number; label: string } | null,
    readonly problem: { key: string; params?: Record<string, string | number> },
  ) {
    super(`import refused: ${problem.key}`, 400);
  }
}

/** An organisation named in a document: a board when its name says so, else an administration. */
const organisationTypeOf = (name: string) => (/nämnd(en)?$|styrelse(n)?$/iu.test(name.trim()) ? "board" : "administration");

/** What importing would do now: the proposal against the action plan as it stands in the database. */
export async function proposalFor(db: Db, input: Pick<CommitActionPlanInput, "workspace" | "plan" | "organisationId" | "draft" | "corrections">): Promise<ActionPlanProposal> {
  const choices = await planChoices(db, input.plan);
  const graph = await loadPlanGraph(db, input.workspace, input.plan, { includeUnaccepted: true });
  const actionPlan = graph.actionPlans.find((a) => a.organisationId === input.organisationId && !a.archivedAt);
  const current = actionPlan ? graph.activities.filter((a) => a.actionPlanId === actionPlan.id && !a.archivedAt) : [];
  const numbersElsewhere = new Set(graph.activities.filter((a) => a.actionPlanId !== actionPlan?.id && a.number).map((a) => a.number!));
  return proposeActionPlan({ draft: input.draft, choices, organisationId: input.organisationId, current, numbersElsewhere, corrections: input.corrections });
}

export async function commitActionPlanImport(db: Db, viewer: Viewer | null, input: CommitActionPlanInput): Promise<CommitResult> {
  if (!viewer) throw new LoginRequired();
  const workspaceId = input.workspace.id;
  if (!can(viewer, "update", { type: "actionPlan", workspaceId, organisationId: input.organisationId })) throw new Forbidden();

  return db.transaction(async (tx) => {
    try {
      return await writeImport(tx as unknown as Db, viewer, input, workspaceId);
    } catch (error) {
      // A problem outside any one measure (a new organisation's name, the action plan's texts) refuses the import too.
      if (error instanceof Invalid) {
        const [field, problem] = Object.entries(error.fields)[0] ?? ["", { key: "form.invalid" }];
        throw new ImportRefused(null, { key: problem.key, params: { ...(problem.params ?? {}), field } });
      }
      throw error;
    }
  });
}

async function writeImport(t: Db, viewer: Viewer, input: CommitActionPlanInput, workspaceId: string): Promise<CommitResult> {
  const corrections: Corrections = { ...input.corrections, organisations: { ...(input.corrections.organisations ?? {}) } };

  // 1. The organisations the user chose to add ("new" in the preview).
  let organisationsCreated = 0;
  for (const [written, choice] of Object.entries(corrections.organisations ?? {})) {
    if (choice !== "new") continue;
    const created = await createOrganisation(t, viewer, workspaceId, {
      name: written, shortName: "", type: organisationTypeOf(written), parentId: "", servedById: "", contactRole: "", confirmedPersonalData: input.confirmedPersonalData,
    });
    (corrections.organisations as Record<string, string>)[written] = created.id;
    organisationsCreated++;
  }

  // 2. The organisation's action plan in this plan, or a new one.
  const [existingPlan] = await t
    .select({ id: s.actionPlans.id })
    .from(s.actionPlans)
    .where(and(eq(s.actionPlans.planId, input.plan.id), eq(s.actionPlans.organisationId, input.organisationId), isNull(s.actionPlans.archivedAt)));
  let actionPlanId = existingPlan?.id;
  if (!actionPlanId) {
    const [organisation] = await t.select({ name: s.organisations.name }).from(s.organisations).where(eq(s.organisations.id, input.organisationId));
    const title = input.draft.title?.trim() || defaultActionPlanTitle(organisation?.name ?? "");
    actionPlanId = (await createActionPlan(t, viewer, input.plan, {
      organisationId: input.organisationId, title: title.slice(0, 300), periodStart: input.plan.periodStart, periodEnd: input.plan.periodEnd, introduction: "", howMade: "", steeringGroup: "",
      confirmedPersonalData: input.confirmedPersonalData,
    })).id;
  }

  // 3. Every measure as proposed, through the ordinary commands.
  const proposal = await proposalFor(t, { ...input, corrections });
  const label = (i: number) => {
    const m = input.draft.measures[i]!;
    return m.number ? `${m.number} ${m.title}` : m.title;
  };
  const blocked = proposal.activities.find((a) => a.action !== "skip" && a.blockers.length > 0);
  if (blocked) throw new ImportRefused({ index: blocked.index, label: label(blocked.index) }, { key: `import.blocked.${blocked.blockers[0]}` });
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const activity of proposal.activities) {
    try {
      if (activity.action === "create") {
        await createActivity(t, viewer, { ...activity.fields, planId: input.plan.id, actionPlanId, fromNeedId: null, confirmedPersonalData: input.confirmedPersonalData });
        created++;
      } else if (activity.action === "update" && activity.existing) {
        await updateActivity(t, viewer, {
          ...activity.fields, planId: input.plan.id, activityId: activity.existing.id, version: activity.existing.version, confirmedPersonalData: input.confirmedPersonalData,
        });
        updated++;
      } else if (activity.action === "unchanged") unchanged++;
    } catch (error) {
      if (error instanceof Invalid) {
        const [field, problem] = Object.entries(error.fields)[0] ?? ["", { key: "form.invalid" }];
        throw new ImportRefused({ index: activity.index, label: label(activity.index) }, { key: problem.key, params: { ...(problem.params ?? {}), field } });
      }
      throw error;
    }
  }
  await recordAudit(t, {
    workspaceId, actorUserId: viewer.userId, via: input.via, action: "import.committed", subjectType: "actionPlan", subjectId: actionPlanId,
    organisationId: input.organisationId,
    changes: [{ field: "file", before: null, after: input.fileName }, { field: "activities", before: null, after: `${created} + ${updated}` }],
  });
  return { created, updated, unchanged, organisationsCreated, actionPlanId };
}
