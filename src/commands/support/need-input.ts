// The checks a need's form goes through (create-need, update-need): texts and the personal-data guard, a goal of
// this plan, the identifying organisation (an editor may only name their own), the terms; and the need as names for
// the audit.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import * as s from "../../db/schema/index.ts";
import type { Viewer } from "../../domain/roles.ts";
import { can } from "../../policies/can.ts";
import type { PlanChoices } from "../../queries/activity-form.ts";
import { checkTexts, type Problems } from "./checks.ts";
import { termChoices } from "./term-choices.ts";

export const NEED_LIMITS = { title: 500, description: 20000, boardNote: 200 } as const;

export interface NeedFields {
  title: string;
  description: string;
  goalId: string;
  /** Empty: no one organisation (the coordinator's). */
  organisationId: string;
  /** Chosen term ids per taxonomy key. */
  terms: Record<string, string[]>;
  boardNote: string;
}

export interface ResolvedNeed {
  title: string;
  description: string;
  goalId: string;
  organisationId: string | null;
  termIds: string[];
  boardNote: string | null;
}

export interface CurrentNeed {
  goalId: string;
  organisationId: string | null;
  termIds: string[];
}

export function needProblems(
  viewer: Viewer,
  workspaceId: string,
  choices: PlanChoices,
  input: NeedFields,
  confirmedPersonalData: boolean,
  current: CurrentNeed | null,
): { problems: Problems; resolved: ResolvedNeed } {
  const problems = checkTexts(
    [
      { field: "title", value: input.title, max: NEED_LIMITS.title, required: true, requiredKey: "need.form.titleMissing" },
      { field: "description", value: input.description, max: NEED_LIMITS.description },
      { field: "boardNote", value: input.boardNote, max: NEED_LIMITS.boardNote },
    ],
    confirmedPersonalData,
  );
  const goal = choices.goals.find((g) => g.id === input.goalId && (!g.archivedAt || g.id === current?.goalId));
  if (!input.goalId) problems.goalId = { key: "activity.form.goalRequired" };
  else if (!goal) problems.goalId = { key: "form.unknownChoice" };

  const organisationId = input.organisationId === "" ? null : input.organisationId;
  if (organisationId !== null) {
    const org = choices.organisations.find((o) => o.id === organisationId);
    if (!org || (org.archivedAt && org.id !== current?.organisationId)) problems.organisationId = { key: "form.unknownChoice" };
  }
  if (!problems.organisationId && organisationId !== current?.organisationId && !can(viewer, "update", { type: "need", workspaceId, organisationId })) {
    problems.organisationId = { key: organisationId === null ? "need.form.organisationRequired" : "need.form.notYourOrganisation" };
  }

  const terms = termChoices(choices, input.terms, current?.termIds ?? []);
  Object.assign(problems, terms.problems);
  return {
    problems,
    resolved: {
      title: input.title.trim(), description: input.description, goalId: input.goalId, organisationId, termIds: terms.termIds,
      boardNote: input.boardNote.trim() === "" ? null : input.boardNote.trim(),
    },
  };
}

export const AUDITED_NEED_FIELDS = ["title", "description", "goal", "organisation", "boardNote"] as const;

export function needAuditView(choices: PlanChoices, n: ResolvedNeed): Record<string, string | string[] | null> {
  const goal = choices.goals.find((g) => g.id === n.goalId);
  const view: Record<string, string | string[] | null> = {
    title: n.title,
    description: n.description,
    goal: goal ? `${goal.number} ${goal.title}` : n.goalId,
    organisation: n.organisationId ? choices.organisations.find((o) => o.id === n.organisationId)?.name ?? n.organisationId : null,
    boardNote: n.boardNote,
  };
  for (const taxonomy of choices.taxonomies) {
    view[taxonomy.name] = choices.terms.filter((term) => term.taxonomyId === taxonomy.id && n.termIds.includes(term.id)).map((term) => term.name);
    if (view[taxonomy.name]?.length === 0) view[taxonomy.name] = null;
  }
  return view;
}

export function needAuditedFields(choices: PlanChoices): string[] {
  return [...AUDITED_NEED_FIELDS, ...choices.taxonomies.map((t) => t.name)];
}

export async function writeNeedTerms(t: Db, workspaceId: string, needId: string, termIds: readonly string[]): Promise<void> {
  await t.delete(s.needTerms).where(eq(s.needTerms.needId, needId));
  if (termIds.length) await t.insert(s.needTerms).values(termIds.map((termId) => ({ workspaceId, needId, termId })));
}
