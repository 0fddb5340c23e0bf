// An organisation's action plan as a document, in the shape such plans are sent to a board: a cover, the introduction
// and how it was made, the plan's goals with its vision, then per goal its strategies ("Genom att: …") and the
// organisation's activities grouped by kind, each with its description and facts; last, the activities of others
// that the organisation is co-responsible for. Draft action plans say so on the cover.
import type { Db } from "../../db/client.ts";
import { localDate } from "../../domain/local-date.ts";
import { vocabularyLabel, type Locale } from "../../domain/vocabulary.ts";
import type { ActionPlan, Organisation, Plan, Workspace } from "../../queries/plan-graph.ts";
import { formatDate, type MessageKey } from "../../web/i18n/index.ts";
import { activityFacts, activityHeading, byKind, documentContext, fileStem } from "./activity-facts.ts";
import type { OutlineBlock, OutlineDocument, OutlineSection } from "./outline.ts";

export interface ActionPlanDocumentInput {
  workspace: Workspace;
  plan: Plan;
  organisation: Organisation;
  actionPlan: ActionPlan;
  locale: Locale;
  /** Today (ISO); defaults to today in Stockholm. */
  today?: string;
}

export async function collectActionPlanDocument(db: Db, input: ActionPlanDocumentInput): Promise<OutlineDocument> {
  const { workspace, plan, organisation, actionPlan, locale } = input;
  const c = await documentContext(db, workspace, plan, locale);
  const { graph, t, goalOne: goalWord } = c;
  const goalWords = vocabularyLabel(plan.vocabulary, "goal", locale, "other");
  const strategyIntro = (locale === "en" ? plan.vocabulary.strategyIntro.en : undefined) ?? plan.vocabulary.strategyIntro.sv;
  const measures = c.measureOther.toLocaleLowerCase(locale);
  const adopted = actionPlan.state === "adopted";
  const state = !adopted || !actionPlan.adoptedOn
    ? t(`org.actionPlanState.${adopted ? "adopted" : "draft"}` as MessageKey)
    : actionPlan.adoptedBy
      ? t("actionPlans.adoptedOnBy", { date: formatDate(actionPlan.adoptedOn, locale), by: actionPlan.adoptedBy })
      : t("actionPlans.adoptedOn", { date: formatDate(actionPlan.adoptedOn, locale) });

  const sections: OutlineSection[] = [];
  sections.push({
    level: 1, heading: t("orgDoc.introduction"),
    blocks: [actionPlan.introduction.trim() ? { kind: "prose", text: actionPlan.introduction } : { kind: "note", text: t("orgDoc.noIntroduction") }],
  });
  if (actionPlan.howMade.trim()) sections.push({ level: 2, heading: t("orgDoc.actionPlan.howMade"), blocks: [{ kind: "prose", text: actionPlan.howMade }] });
  if (actionPlan.steeringGroup.trim()) sections.push({ level: 2, heading: t("orgDoc.steeringGroup"), blocks: [{ kind: "prose", text: actionPlan.steeringGroup }] });

  const overview: OutlineBlock[] = [];
  if (plan.vision.trim()) overview.push({ kind: "label", text: t("orgDoc.vision") }, { kind: "prose", text: plan.vision });
  overview.push({ kind: "bullets", items: graph.goals.map((g) => `${goalWord} ${g.number}: ${g.title}`) });
  sections.push({ level: 1, heading: t("orgDoc.planGoals", { goals: goalWords.toLocaleLowerCase(locale) }), newPage: true, blocks: overview });

  const own = graph.activities.filter((a) => a.actionPlanId === actionPlan.id);
  for (const goal of graph.goals) {
    const blocks: OutlineBlock[] = [];
    const strategies = graph.strategies.filter((s) => s.goalId === goal.id);
    if (strategies.length > 0) {
      if (strategyIntro.trim()) blocks.push({ kind: "label", text: `${strategyIntro.trim().replace(/:$/, "")}:` });
      blocks.push({ kind: "bullets", items: strategies.map((s) => s.title) });
    }
    const inGoal = own.filter((a) => a.goalId === goal.id);
    if (inGoal.length === 0) blocks.push({ kind: "note", text: t("orgDoc.noActivitiesInGoal", { measures }) });
    sections.push({ level: 1, heading: `${goalWord} ${goal.number}: ${goal.title}`, newPage: true, blocks });
    for (const group of byKind(c, inGoal)) {
      // Without kinds in the plan, the activities stand straight under the goal.
      const level = group.heading ? 3 : 2;
      if (group.heading) sections.push({ level: 2, heading: group.heading, blocks: [] });
      for (const activity of group.activities) {
        const facts = activityFacts(c, activity, { phase: true });
        sections.push({
          level, heading: activityHeading(c, activity),
          blocks: [
            ...(activity.description.trim() ? [{ kind: "prose" as const, text: activity.description }] : []),
            ...(facts.length > 0 ? [{ kind: "facts" as const, rows: facts }] : []),
          ],
        });
      }
    }
  }

  const others = graph.activities.filter((a) => a.actionPlanId !== actionPlan.id && a.coResponsibleIds.includes(organisation.id));
  if (others.length > 0) {
    sections.push({ level: 1, heading: t("orgDoc.coResponsible", { measures: c.measureOther }), newPage: true, blocks: [] });
    for (const activity of others) {
      const owner = graph.actionPlans.find((p) => p.id === activity.actionPlanId);
      const ownerName = owner ? graph.organisations.find((o) => o.id === owner.organisationId)?.name : undefined;
      sections.push({
        level: 3, heading: activityHeading(c, activity),
        blocks: [
          ...(ownerName ? [{ kind: "note" as const, text: t("orgDoc.inActionPlanOf", { name: ownerName }) }] : []),
          ...(activity.description.trim() ? [{ kind: "prose" as const, text: activity.description }] : []),
          { kind: "facts", rows: activityFacts(c, activity, { phase: true }) },
        ],
      });
    }
  }

  return {
    locale,
    fileStem: fileStem(t("orgDoc.actionPlan.eyebrow"), plan.slug, organisation.slug),
    title: `${actionPlan.title} – ${organisation.name}`,
    author: organisation.name,
    cover: {
      eyebrow: t("orgDoc.actionPlan.eyebrow"),
      title: actionPlan.title,
      subtitle: organisation.name,
      facts: [
        [t("orgDoc.plan"), plan.name],
        [t("orgDoc.period"), t("date.range", { from: formatDate(actionPlan.periodStart, locale), to: formatDate(actionPlan.periodEnd, locale) })],
        [t("orgDoc.state"), state],
        [t("orgDoc.municipality"), workspace.name],
        [t("orgDoc.date"), formatDate(input.today ?? localDate(), locale)],
      ],
      mark: adopted ? null : t("orgDoc.draftActionPlan"),
    },
    words: { contents: t("orgDoc.contents"), page: t("orgDoc.page"), of: t("orgDoc.of") },
    sections,
  };
}
