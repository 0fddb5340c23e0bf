// What importing an action plan would do to an organisation's action plan, before anything is written: each recognised
// measure becomes a new activity or, when the action plan already has it (same number, else same title), an update
// with its changes field by field. Names and terms are matched (../match/names.ts); the user's corrections from the
// preview (`Corrections`) take precedence. Pure: the caller loads the plan's choices and the action plan's activities.
import type { ActivityFields } from "../../commands/support/activity-input.ts";
import type { ActivityView, Goal, Organisation, Taxonomy, Term } from "../../queries/plan-graph.ts";
import { comparable } from "../recognise/fold.ts";
import type { DraftMeasure, ImportDraft } from "../recognise/draft.ts";
import { matchName, type NamedThing } from "../match/names.ts";

/** The preview's corrections: a draft goal's number → a goal id; a written name → an organisation id or "new"/"ignore". */
export interface Corrections {
  goals?: Readonly<Record<string, string>>;
  organisations?: Readonly<Record<string, string>>;
  /** Measures (by index in the draft) the user left out. */
  skip?: readonly number[];
}

export interface ProposalChoices {
  goals: readonly Goal[];
  taxonomies: readonly Taxonomy[];
  terms: readonly Term[];
  organisations: readonly Organisation[];
}

export interface FieldChange {
  field: "number" | "title" | "description" | "goalId" | "terms" | "responsibleIds" | "coResponsibleIds";
  before: string;
  after: string;
}

export interface ProposedActivity {
  /** The measure's index in the draft. */
  index: number;
  measure: DraftMeasure;
  action: "create" | "update" | "unchanged" | "skip";
  existing: { id: string; version: number } | null;
  fields: ActivityFields;
  changes: FieldChange[];
  /** What stops it from being written until the user decides: "goal" (no goal found), "number" (held by another). */
  blockers: Array<"goal" | "number">;
}

export interface WrittenName {
  written: string;
  /** The organisation it stands for, "new" (to be created) or null (not decided: left out). */
  organisationId: string | null;
  how: "exact" | "stem" | "none" | "corrected";
}

export interface ActionPlanProposal {
  activities: ProposedActivity[];
  names: WrittenName[];
  /** Draft goals and the plan goal each one was read as (null: none found). */
  goals: Array<{ number: string; title: string; goalId: string | null }>;
  /** Terms written in the document that the plan does not have (by taxonomy key). */
  unknownTerms: Array<{ taxonomy: string; written: string }>;
}

export interface ProposalInput {
  draft: ImportDraft;
  choices: ProposalChoices;
  organisationId: string;
  /** The activities of the organisation's action plan now (for updates). */
  current: readonly ActivityView[];
  /** Numbers held by activities of other action plans in the plan. */
  numbersElsewhere: ReadonlySet<string>;
  corrections?: Corrections;
}

const KIND_TAXONOMY = "activity_kind";

function termThings(choices: ProposalChoices, key: string): NamedThing[] {
  const taxonomy = choices.taxonomies.find((t) => t.key === key);
  if (!taxonomy) return [];
  return choices.terms
    .filter((t) => t.taxonomyId === taxonomy.id && !t.archivedAt)
    .map((t) => ({ id: t.id, name: t.name, aliases: [t.key, ...(t.nameEn ? [t.nameEn] : [])] }));
}

export function proposeActionPlan(input: ProposalInput): ActionPlanProposal {
  const { draft, choices, corrections } = input;
  const liveOrganisations = choices.organisations.filter((o) => !o.archivedAt && o.type !== "external");
  const orgThings: NamedThing[] = liveOrganisations.map((o) => ({ id: o.id, name: o.name, aliases: o.shortName ? [o.shortName] : [] }));
  const liveGoals = choices.goals.filter((g) => !g.archivedAt);

  // Goals: the correction, the same number, else the same title.
  const goals = draft.goals.map((g) => {
    const corrected = corrections?.goals?.[g.number];
    const byNumber = liveGoals.find((x) => x.number === g.number);
    const byTitle = liveGoals.find((x) => comparable(x.title) === comparable(g.title));
    const goalId = corrected && liveGoals.some((x) => x.id === corrected) ? corrected : (byTitle ?? byNumber)?.id ?? null;
    return { number: g.number, title: g.title, goalId };
  });
  const goalOf = (m: DraftMeasure) => {
    if (m.goal === null) return null;
    const mapped = goals.find((g) => g.number === m.goal);
    if (mapped) return mapped.goalId;
    const corrected = corrections?.goals?.[m.goal];
    return corrected ?? liveGoals.find((x) => x.number === m.goal)?.id ?? null;
  };

  // Every written organisation name, matched once.
  const names = new Map<string, WrittenName>();
  const nameOf = (written: string): WrittenName => {
    const known = names.get(written);
    if (known) return known;
    const corrected = corrections?.organisations?.[written];
    const result: WrittenName = corrected
      ? { written, organisationId: corrected === "ignore" ? null : corrected, how: "corrected" }
      : (() => {
          const match = matchName(written, orgThings);
          return { written, organisationId: match.id, how: match.how };
        })();
    names.set(written, result);
    return result;
  };
  const idsOf = (written: readonly string[]) =>
    written.map(nameOf).map((n) => n.organisationId).filter((id): id is string => id !== null && id !== "new");

  const unknownTerms: Array<{ taxonomy: string; written: string }> = [];
  const termIdsOf = (key: string, written: readonly string[]) => {
    const things = termThings(choices, key);
    const ids: string[] = [];
    for (const w of written) {
      const match = matchName(w, things);
      if (match.id) ids.push(match.id);
      else if (things.length > 0 && !unknownTerms.some((u) => u.taxonomy === key && u.written === w)) unknownTerms.push({ taxonomy: key, written: w });
    }
    return [...new Set(ids)];
  };

  const skip = new Set(corrections?.skip ?? []);
  const claimed = new Set<string>();
  const activities: ProposedActivity[] = draft.measures.map((measure, index) => {
    const terms: Record<string, string[]> = {};
    if (measure.kind) terms[KIND_TAXONOMY] = termIdsOf(KIND_TAXONOMY, [measure.kind]);
    if (measure.preventionLevels.length) terms.prevention_level = termIdsOf("prevention_level", measure.preventionLevels);
    if (measure.targetGroups.length) terms.target_group = termIdsOf("target_group", measure.targetGroups);
    const responsible = idsOf(measure.responsible);
    const responsibleIds = responsible.length ? responsible : [input.organisationId];
    const coResponsibleIds = idsOf(measure.coResponsible).filter((id) => !responsibleIds.includes(id));
    const number = measure.number ?? "";
    const fields: ActivityFields = {
      number, title: measure.title, description: measure.description, goalId: goalOf(measure) ?? "", strategyIds: [], terms,
      responsibleIds, coResponsibleIds, partnerIds: [], childRights: "", plannedStart: "", plannedEnd: "", phase: "planned", boardNote: "",
    };

    // The same measure in the action plan already: by number, then by title; each activity matched once.
    const existing =
      input.current.find((a) => !claimed.has(a.id) && number !== "" && a.number === number) ??
      input.current.find((a) => !claimed.has(a.id) && comparable(a.title) === comparable(measure.title));
    if (existing) claimed.add(existing.id);
    const blockers: ProposedActivity["blockers"] = [];
    if (!fields.goalId) blockers.push("goal");
    if (number && input.numbersElsewhere.has(number) && existing?.number !== number) blockers.push("number");
    if (skip.has(index)) return { index, measure, action: "skip", existing: existing ? { id: existing.id, version: existing.version } : null, fields, changes: [], blockers: [] };
    if (!existing) return { index, measure, action: "create", existing: null, fields, changes: [], blockers };

    // An update keeps what the document does not say (its other terms, strategies, dates, phase).
    const merged: ActivityFields = {
      ...fields,
      strategyIds: existing.strategyIds,
      terms: mergeTerms(existing.termIds, terms, choices),
      partnerIds: existing.partnerIds,
      childRights: existing.childRights ?? "",
      plannedStart: existing.plannedStart ?? "",
      plannedEnd: existing.plannedEnd ?? "",
      phase: existing.phase,
      boardNote: existing.boardNote ?? "",
      description: measure.description || existing.description,
      coResponsibleIds: measure.coResponsible.length ? coResponsibleIds : existing.coResponsibleIds,
      responsibleIds: measure.responsible.length ? responsibleIds : existing.responsibleIds,
      number: number || (existing.number ?? ""),
    };
    const changes = changesOf(existing, merged, choices);
    return { index, measure, action: changes.length ? "update" : "unchanged", existing: { id: existing.id, version: existing.version }, fields: merged, changes, blockers };
  });
  // Names used only by skipped measures are still listed, so the user sees every name the document wrote.
  for (const m of draft.measures) for (const w of [...m.responsible, ...m.coResponsible]) nameOf(w);
  return { activities, names: [...names.values()], goals, unknownTerms };
}

/** The activity's terms by taxonomy, with the document's replacing those of the taxonomies it speaks of. */
function mergeTerms(termIds: readonly string[], fromDocument: Record<string, string[]>, choices: ProposalChoices): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const id of termIds) {
    const term = choices.terms.find((t) => t.id === id);
    const taxonomy = term && choices.taxonomies.find((x) => x.id === term.taxonomyId);
    if (taxonomy) (out[taxonomy.key] ??= []).push(id);
  }
  for (const [key, ids] of Object.entries(fromDocument)) if (ids.length) out[key] = ids;
  return out;
}

function changesOf(existing: ActivityView, next: ActivityFields, choices: ProposalChoices): FieldChange[] {
  const orgNames = (ids: readonly string[]) => ids.map((id) => choices.organisations.find((o) => o.id === id)?.name ?? "").join(", ");
  const termNames = (ids: readonly string[]) => ids.map((id) => choices.terms.find((t) => t.id === id)?.name ?? "").sort().join(", ");
  const goalName = (id: string) => choices.goals.find((g) => g.id === id)?.title ?? "";
  const pairs: FieldChange[] = [
    { field: "number", before: existing.number ?? "", after: next.number },
    { field: "title", before: existing.title, after: next.title },
    { field: "description", before: existing.description, after: next.description },
    { field: "goalId", before: goalName(existing.goalId), after: goalName(next.goalId) },
    { field: "terms", before: termNames(existing.termIds), after: termNames(Object.values(next.terms).flat()) },
    { field: "responsibleIds", before: orgNames(existing.responsibleIds), after: orgNames(next.responsibleIds) },
    { field: "coResponsibleIds", before: orgNames(existing.coResponsibleIds), after: orgNames(next.coResponsibleIds) },
  ];
  return pairs.filter((p) => p.before.trim() !== p.after.trim());
}
