// Shared by the plan-structure commands (workspace, plan details, vocabulary, statuses): address checks, the plan's
// detail fields and their rules, and finding a plan for shaping with the policy asked the same way everywhere.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { followUpStatuses, organisations, plans, taxonomies } from "../../db/schema/index.ts";
import { Forbidden, LoginRequired, NotFound } from "../../domain/errors.ts";
import type { Viewer } from "../../domain/roles.ts";
import { ACTIVITY_PHASES, DIALOGUE_CADENCES, FOLLOW_UP_CADENCES, STATUS_MEANINGS } from "../../domain/plan-defaults.ts";
import { can } from "../../policies/can.ts";
import { checkDateRange, checkTexts, type Problems } from "./checks.ts";

export type PlanRow = typeof plans.$inferSelect;

/** An address part: lower-case a–z, digits and hyphens, not starting or ending with a hyphen. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** First path segments the site itself uses: a workspace with one of these addresses could not be reached. */
export const RESERVED_WORKSPACE_SLUGS: ReadonlySet<string> = new Set([
  "arbetsytor", "konto", "logga-in", "logga-ut", "installation", "static", "healthz", "sprak", "inbjudan", "glomt-losenord",
  "aterstall-losenord", "api", "admin",
]);
/** Plan addresses taken by pages under /:ws/planer/. */
export const RESERVED_PLAN_SLUGS: ReadonlySet<string> = new Set(["ny"]);

export const isUuid = (value: string) => UUID.test(value);

/** The problem with an address part, or null. */
export function slugProblem(slug: string, max: number, reserved: ReadonlySet<string>): { key: string; params?: Record<string, number> } | null {
  if (!slug) return { key: "form.required" };
  if (slug.length > max) return { key: "form.tooLong", params: { max } };
  if (!SLUG.test(slug)) return { key: "form.slugInvalid" };
  if (reserved.has(slug)) return { key: "ps.slugReserved" };
  return null;
}

/** PostgreSQL's unique_violation (23505), bare or wrapped by the driver. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return true;
  }
  return false;
}

/** The plan's fields a coordinator writes on "new plan" and "details" (slug and publishing aside), as typed. */
export interface PlanDetailsInput {
  name: string;
  periodStart: string;
  periodEnd: string;
  vision: string;
  introduction: string;
  adoptedBy: string;
  adoptedOn: string;
  /** "" for none. */
  coordinatingOrganisationId: string;
  /** "12" or "24". */
  followUpEveryMonths: string;
  /** "12", "24" or "36". */
  dialogueEveryMonths: string;
  confirmedPersonalData: boolean;
}

export const PLAN_LIMITS = { name: 300, vision: 5000, introduction: 20000, adoptedBy: 300 } as const;

/** Every problem with the detail fields that needs no database. */
export function checkPlanDetails(input: PlanDetailsInput): Problems {
  const problems = checkTexts(
    [
      { field: "name", value: input.name, max: PLAN_LIMITS.name, required: true, requiredKey: "form.nameRequired" },
      { field: "vision", value: input.vision, max: PLAN_LIMITS.vision },
      { field: "introduction", value: input.introduction, max: PLAN_LIMITS.introduction },
      { field: "adoptedBy", value: input.adoptedBy, max: PLAN_LIMITS.adoptedBy },
    ],
    input.confirmedPersonalData,
  );
  checkDateRange(problems, { field: "periodStart", value: input.periodStart, required: true }, { field: "periodEnd", value: input.periodEnd, required: true });
  checkDateRange(problems, { field: "adoptedOn", value: input.adoptedOn }, { field: "adoptedOn", value: "" });
  if (!FOLLOW_UP_CADENCES.map(String).includes(input.followUpEveryMonths)) problems.followUpEveryMonths = { key: "form.unknownChoice" };
  if (!DIALOGUE_CADENCES.map(String).includes(input.dialogueEveryMonths)) problems.dialogueEveryMonths = { key: "form.unknownChoice" };
  if (input.coordinatingOrganisationId && !isUuid(input.coordinatingOrganisationId)) problems.coordinatingOrganisationId = { key: "form.unknownChoice" };
  return problems;
}

/** The coordinating organisation must be one of this workspace's organisations that is not archived. */
export async function checkCoordinatingOrganisation(t: Db, workspaceId: string, id: string, problems: Problems, allowId?: string | null): Promise<string | null> {
  if (!id || problems.coordinatingOrganisationId) return null;
  const [row] = await t
    .select({ id: organisations.id, name: organisations.name, archivedAt: organisations.archivedAt })
    .from(organisations)
    .where(and(eq(organisations.id, id), eq(organisations.workspaceId, workspaceId)));
  // The organisation the plan already names may have been archived since; keeping it is not a new choice.
  if (!row || (row.archivedAt && row.id !== allowId)) {
    problems.coordinatingOrganisationId = { key: "form.unknownChoice" };
    return null;
  }
  return row.name;
}

/** The board-split taxonomy must be one of this plan's taxonomies that is not archived (or the one already chosen). */
export async function checkBoardSplitTaxonomy(t: Db, planId: string, id: string, problems: Problems, allowId?: string | null): Promise<string | null> {
  if (!id) return null;
  if (!isUuid(id)) {
    problems.boardSplitTaxonomyId = { key: "form.unknownChoice" };
    return null;
  }
  const [row] = await t
    .select({ id: taxonomies.id, name: taxonomies.name, archivedAt: taxonomies.archivedAt })
    .from(taxonomies)
    .where(and(eq(taxonomies.id, id), eq(taxonomies.planId, planId)));
  if (!row || (row.archivedAt && row.id !== allowId)) {
    problems.boardSplitTaxonomyId = { key: "form.unknownChoice" };
    return null;
  }
  return row.name;
}

/** The detail fields as the plan row stores them. */
export function planDetailsValues(input: PlanDetailsInput) {
  return {
    name: input.name.trim(),
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    vision: input.vision.trim(),
    introduction: input.introduction.trim(),
    adoptedBy: input.adoptedBy.trim() || null,
    adoptedOn: input.adoptedOn || null,
    coordinatingOrganisationId: input.coordinatingOrganisationId || null,
    followUpEveryMonths: Number(input.followUpEveryMonths),
    dialogueEveryMonths: Number(input.dialogueEveryMonths),
  };
}

/**
 * The plan, locked for the rest of the transaction, once the viewer may shape it: no viewer → LoginRequired, an
 * unknown or archived plan → NotFound, no right → Forbidden.
 */
export async function planForShaping(t: Db, viewer: Viewer | null, planId: string): Promise<PlanRow> {
  if (!viewer) throw new LoginRequired();
  const [plan] = await t.select().from(plans).where(and(eq(plans.id, planId), isNull(plans.archivedAt))).for("update");
  if (!plan) throw new NotFound("plan");
  if (!can(viewer, "update", { type: "plan", workspaceId: plan.workspaceId, published: plan.published })) throw new Forbidden();
  return plan;
}

/** A follow-up status's fields as typed. */
export interface StatusValues {
  name: string;
  nameEn: string;
  /** #rrggbb */
  colour: string;
  meaning: string;
  phase: string;
}

export const STATUS_LIMITS = { name: 120 } as const;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

export function checkStatusValues(input: StatusValues, confirmedPersonalData: boolean): Problems {
  const problems = checkTexts(
    [
      { field: "name", value: input.name, max: STATUS_LIMITS.name, required: true, requiredKey: "form.nameRequired" },
      { field: "nameEn", value: input.nameEn, max: STATUS_LIMITS.name },
    ],
    confirmedPersonalData,
  );
  if (!COLOUR.test(input.colour.trim())) problems.colour = { key: "ps.status.colourInvalid" };
  if (!(STATUS_MEANINGS as readonly string[]).includes(input.meaning)) problems.meaning = { key: "form.unknownChoice" };
  if (!(ACTIVITY_PHASES as readonly string[]).includes(input.phase)) problems.phase = { key: "form.unknownChoice" };
  return problems;
}

/** The status fields as the row stores them. */
export function statusRowValues(input: StatusValues) {
  return { name: input.name.trim(), nameEn: input.nameEn.trim() || null, colour: input.colour.trim().toLowerCase(), meaning: input.meaning, phase: input.phase };
}

export type StatusRow = typeof followUpStatuses.$inferSelect;

/** A status of this plan, locked, once the viewer may shape the plan. */
export async function statusForShaping(t: Db, viewer: Viewer | null, planId: string, statusId: string): Promise<{ plan: PlanRow; status: StatusRow }> {
  const plan = await planForShaping(t, viewer, planId);
  if (!isUuid(statusId)) throw new NotFound("status");
  const [status] = await t
    .select()
    .from(followUpStatuses)
    .where(and(eq(followUpStatuses.id, statusId), eq(followUpStatuses.planId, plan.id)))
    .for("update");
  if (!status) throw new NotFound("status");
  return { plan, status };
}
