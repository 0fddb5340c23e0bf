// The checks an activity's form goes through when it is created or changed, shared by create-activity and
// update-activity: texts and dates, then every chosen id against what the plan offers (a goal of another plan, an
// unknown term, a strategy of another goal are field errors), then the number's uniqueness within the plan.
// Also the activity as names for the audit, and writing its link rows.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import type { ActivityLinks, PlanChoices } from "../../queries/activity-form.ts";
import { checkDateRange, checkTexts, type Problems } from "./checks.ts";
import { termChoices } from "./term-choices.ts";

export const PHASES = ["planned", "under_development", "ongoing", "completed", "cancelled"] as const;
export type Phase = (typeof PHASES)[number];

export const ACTIVITY_LIMITS = { number: 20, title: 500, description: 20000, childRights: 20000, boardNote: 200 } as const;

/** An activity as its form holds it: texts as typed, ids as chosen. */
export interface ActivityFields {
  /** Empty: no number (free numbering). */
  number: string;
  title: string;
  description: string;
  goalId: string;
  strategyIds: string[];
  /** Chosen term ids per taxonomy key. */
  terms: Record<string, string[]>;
  responsibleIds: string[];
  coResponsibleIds: string[];
  partnerIds: string[];
  childRights: string;
  /** yyyy-mm-dd or empty. */
  plannedStart: string;
  plannedEnd: string;
  phase: string;
  boardNote: string;
}

/** The activity as it will be written. */
export interface ResolvedActivity {
  number: string | null;
  title: string;
  description: string;
  goalId: string;
  strategyIds: string[];
  termIds: string[];
  responsibleIds: string[];
  coResponsibleIds: string[];
  partnerIds: string[];
  childRights: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  phase: Phase;
  boardNote: string | null;
}

/** What the activity links to now (on edit): archived things it already points at may stay. */
export interface CurrentActivity extends ActivityLinks {
  goalId: string;
}

const unique = (ids: readonly string[]) => [...new Set(ids.filter((id) => id !== ""))];

/** The chosen ids, those the activity already had first in their old order (a save changes no order by itself). */
const keepOrder = (had: readonly string[] | undefined, chosen: string[]) => [...(had ?? []).filter((id) => chosen.includes(id)), ...chosen.filter((id) => !had?.includes(id))];

/** Texts (required, limits, personal data), dates and phase: everything that needs no database. */
export function activityTextProblems(input: ActivityFields, confirmedPersonalData: boolean): Problems {
  const problems = checkTexts(
    [
      { field: "number", value: input.number.trim(), max: ACTIVITY_LIMITS.number, guarded: false },
      { field: "title", value: input.title, max: ACTIVITY_LIMITS.title, required: true, requiredKey: "activity.edit.titleMissing" },
      { field: "description", value: input.description, max: ACTIVITY_LIMITS.description },
      { field: "childRights", value: input.childRights, max: ACTIVITY_LIMITS.childRights },
      { field: "boardNote", value: input.boardNote, max: ACTIVITY_LIMITS.boardNote },
    ],
    confirmedPersonalData,
  );
  if (!problems.number && /\s/.test(input.number.trim())) problems.number = { key: "activity.form.numberSpaces" };
  checkDateRange(problems, { field: "plannedStart", value: input.plannedStart.trim() }, { field: "plannedEnd", value: input.plannedEnd.trim() });
  if (!(PHASES as readonly string[]).includes(input.phase)) problems.phase = { key: "form.unknownChoice" };
  return problems;
}

/**
 * Checks every chosen id against the plan and returns the activity as it will be written. Archived goals,
 * strategies, terms and organisations may only be kept where the activity already had them.
 */
export function activityChoiceProblems(
  choices: PlanChoices,
  input: ActivityFields,
  current: CurrentActivity | null,
): { problems: Problems; resolved: Omit<ResolvedActivity, "number" | "title" | "description" | "childRights" | "plannedStart" | "plannedEnd" | "phase" | "boardNote"> } {
  const problems: Problems = {};
  // The goal: this plan's, not archived (unless it is the activity's goal already).
  const goal = choices.goals.find((g) => g.id === input.goalId && (!g.archivedAt || g.id === current?.goalId));
  if (!input.goalId) problems.goalId = { key: "activity.form.goalRequired" };
  else if (!goal) problems.goalId = { key: "form.unknownChoice" };

  // Strategies: known, of the chosen goal.
  const strategyIds = keepOrder(current?.strategyIds, unique(input.strategyIds));
  for (const id of strategyIds) {
    const strategy = choices.strategies.find((x) => x.id === id && (!x.archivedAt || current?.strategyIds.includes(x.id)));
    if (!strategy) {
      problems.strategyIds ??= { key: "form.unknownChoice" };
    } else if (goal && strategy.goalId !== goal.id) {
      problems.strategyIds ??= { key: "activity.form.strategyOtherGoal", params: { name: strategy.title } };
    }
  }

  const terms = termChoices(choices, input.terms, current?.termIds ?? []);
  Object.assign(problems, terms.problems);

  // Organisations: responsible and co-responsible among the municipality's own, partners among external ones.
  const orgAllowed = (id: string, kind: "own" | "external", had: readonly string[]) => {
    const org = choices.organisations.find((o) => o.id === id);
    if (!org) return false;
    if (had.includes(id)) return true;
    return !org.archivedAt && (kind === "external" ? org.type === "external" : org.type !== "external");
  };
  const responsibleIds = keepOrder(current?.responsibleIds, unique(input.responsibleIds));
  const coResponsibleIds = keepOrder(current?.coResponsibleIds, unique(input.coResponsibleIds));
  const partnerIds = keepOrder(current?.partnerIds, unique(input.partnerIds));
  if (responsibleIds.length === 0) problems.responsibleIds = { key: "activity.form.responsibleRequired" };
  else if (!responsibleIds.every((id) => orgAllowed(id, "own", current?.responsibleIds ?? []))) problems.responsibleIds = { key: "form.unknownChoice" };
  if (!coResponsibleIds.every((id) => orgAllowed(id, "own", current?.coResponsibleIds ?? []))) problems.coResponsibleIds = { key: "form.unknownChoice" };
  else {
    const both = coResponsibleIds.find((id) => responsibleIds.includes(id));
    if (both) {
      problems.coResponsibleIds = { key: "activity.form.bothResponsible", params: { name: choices.organisations.find((o) => o.id === both)?.name ?? "" } };
    }
  }
  if (!partnerIds.every((id) => orgAllowed(id, "external", current?.partnerIds ?? []))) problems.partnerIds = { key: "form.unknownChoice" };

  return {
    problems,
    resolved: { goalId: input.goalId, strategyIds, termIds: terms.termIds, responsibleIds, coResponsibleIds, partnerIds },
  };
}

/** The number is free in the plan (archived activities keep theirs); the problem names the activity that holds it. */
export async function numberProblem(t: Db, planId: string, number: string | null, exceptActivityId: string | null): Promise<Problems> {
  if (number === null) return {};
  // One writer at a time per plan decides about numbers, so two people cannot take the same one at once.
  await t.execute(sql`select id from plan where id = ${planId} for no key update`);
  const [holder] = await t
    .select({ title: s.activities.title, archivedAt: s.activities.archivedAt })
    .from(s.activities)
    .where(and(eq(s.activities.planId, planId), eq(s.activities.number, number), exceptActivityId ? ne(s.activities.id, exceptActivityId) : undefined));
  if (!holder) return {};
  return { number: { key: holder.archivedAt ? "activity.form.numberTakenArchived" : "activity.form.numberTaken", params: { number, name: holder.title } } };
}

export function resolveActivity(input: ActivityFields, choices: ReturnType<typeof activityChoiceProblems>["resolved"]): ResolvedActivity {
  const number = input.number.trim();
  return {
    ...choices,
    number: number === "" ? null : number,
    title: input.title.trim(),
    description: input.description,
    childRights: input.childRights,
    plannedStart: input.plannedStart.trim() || null,
    plannedEnd: input.plannedEnd.trim() || null,
    phase: input.phase as Phase,
    boardNote: input.boardNote.trim() === "" ? null : input.boardNote.trim(),
  };
}

/** The fields the audit records, in form order. Taxonomies are recorded under their own names. */
export const AUDITED_ACTIVITY_FIELDS = [
  "actionPlan", "number", "title", "description", "goal", "strategies", "responsible", "coResponsible", "partners",
  "childRights", "plannedStart", "plannedEnd", "phase", "boardNote", "fromNeed",
] as const;

export type ActivityAuditView = Record<string, string | string[] | null>;

/** The activity in names, not ids, so the history reads the same after things are renamed or archived. */
export function activityAuditView(choices: PlanChoices, a: ResolvedActivity, extra: { actionPlan?: string | null; fromNeed?: string | null } = {}): ActivityAuditView {
  // An empty list is recorded as nothing (null), like an empty text.
  const orgNames = (ids: string[]) => (ids.length ? ids.map((id) => choices.organisations.find((o) => o.id === id)?.name ?? id) : null);
  const goal = choices.goals.find((g) => g.id === a.goalId);
  const view: ActivityAuditView = {
    number: a.number,
    title: a.title,
    description: a.description,
    goal: goal ? `${goal.number} ${goal.title}` : a.goalId,
    strategies: a.strategyIds.length ? a.strategyIds.map((id) => choices.strategies.find((x) => x.id === id)?.title ?? id) : null,
    responsible: orgNames(a.responsibleIds),
    coResponsible: orgNames(a.coResponsibleIds),
    partners: orgNames(a.partnerIds),
    childRights: a.childRights,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    phase: a.phase,
    boardNote: a.boardNote,
  };
  if (extra.actionPlan !== undefined) view.actionPlan = extra.actionPlan;
  if (extra.fromNeed !== undefined) view.fromNeed = extra.fromNeed;
  for (const taxonomy of choices.taxonomies) {
    view[taxonomy.name] = choices.terms.filter((term) => term.taxonomyId === taxonomy.id && a.termIds.includes(term.id)).map((term) => term.name);
    if (view[taxonomy.name]?.length === 0) view[taxonomy.name] = null;
  }
  return view;
}

/** The audit's field list: the fixed fields, then one per taxonomy. */
export function auditedFields(choices: PlanChoices): string[] {
  return [...AUDITED_ACTIVITY_FIELDS, ...choices.taxonomies.map((t) => t.name)];
}

/** Replaces the activity's strategy, term and organisation links with the resolved ones. */
export async function writeActivityLinks(t: Db, workspaceId: string, activityId: string, a: ResolvedActivity): Promise<void> {
  await t.delete(s.activityStrategies).where(eq(s.activityStrategies.activityId, activityId));
  await t.delete(s.activityTerms).where(eq(s.activityTerms.activityId, activityId));
  await t.delete(s.activityOrganisations).where(eq(s.activityOrganisations.activityId, activityId));
  if (a.strategyIds.length) await t.insert(s.activityStrategies).values(a.strategyIds.map((strategyId) => ({ workspaceId, activityId, strategyId })));
  if (a.termIds.length) await t.insert(s.activityTerms).values(a.termIds.map((termId) => ({ workspaceId, activityId, termId })));
  const orgRows = [
    ...a.responsibleIds.map((organisationId, i) => ({ workspaceId, activityId, organisationId, role: "responsible", position: i + 1 })),
    ...a.coResponsibleIds.map((organisationId, i) => ({ workspaceId, activityId, organisationId, role: "co_responsible", position: i + 1 })),
    ...a.partnerIds.map((organisationId, i) => ({ workspaceId, activityId, organisationId, role: "partner", position: i + 1 })),
  ];
  if (orgRows.length) await t.insert(s.activityOrganisations).values(orgRows);
}
