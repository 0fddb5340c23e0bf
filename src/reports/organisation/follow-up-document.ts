// An organisation's follow-up report for a round as a document, in the shape such reports are sent to a board: a
// cover, the introduction and how the follow-up was made, the summary and planning ahead, then per goal each activity
// it reports on: its description, status, the follow-up text with its figures, and next steps. A report the
// coordinator has not accepted says so on the cover.
import type { Db } from "../../db/client.ts";
import { NotFound } from "../../domain/errors.ts";
import { localDate } from "../../domain/local-date.ts";
import { compareMeasureNumbers, type Locale } from "../../domain/vocabulary.ts";
import type { Organisation, Plan, Round, Workspace } from "../../queries/plan-graph.ts";
import { statusName } from "../../queries/plan-stats.ts";
import { formatDate, type MessageKey } from "../../web/i18n/index.ts";
import { figureEntry } from "../compiled/collect.ts";
import { activityFacts, activityHeading, documentContext, fileStem } from "./activity-facts.ts";
import type { OutlineBlock, OutlineDocument, OutlineSection } from "./outline.ts";

export interface FollowUpDocumentInput {
  workspace: Workspace;
  plan: Plan;
  round: Round;
  organisation: Organisation;
  locale: Locale;
  /** Today (ISO); defaults to today in Stockholm. */
  today?: string;
}

export async function collectFollowUpDocument(db: Db, input: FollowUpDocumentInput): Promise<OutlineDocument> {
  const { workspace, plan, round, organisation, locale } = input;
  const c = await documentContext(db, workspace, plan, locale);
  const { graph, t, goalOne: goalWord } = c;
  const report = graph.organisationReports.find((r) => r.roundId === round.id && r.organisationId === organisation.id);
  // An organisation not asked to report in the round has no report to show.
  if (!report) throw new NotFound("organisation report");
  const reports = graph.reports.filter((r) => r.roundId === round.id && r.organisationId === organisation.id);
  const activityById = new Map(graph.activities.map((a) => [a.id, a]));
  const state = report.state;

  const sections: OutlineSection[] = [];
  const text = (value: string | undefined, missing: string): OutlineBlock => (value?.trim() ? { kind: "prose", text: value } : { kind: "note", text: missing });
  sections.push({ level: 1, heading: t("orgDoc.introduction"), blocks: [text(report.introduction, t("orgDoc.noIntroduction"))] });
  if (report.howMade.trim()) sections.push({ level: 2, heading: t("orgDoc.followUp.howMade"), blocks: [{ kind: "prose", text: report.howMade }] });
  sections.push({ level: 1, heading: t("orgDoc.followUp.summary"), blocks: [text(report.summary, t("orgDoc.noSummary"))] });

  if (reports.length === 0) {
    sections[sections.length - 1]!.blocks.push({ kind: "note", text: t("orgDoc.noReports", { measures: c.measureOther.toLocaleLowerCase(locale) }) });
  }
  for (const goal of graph.goals) {
    const inGoal = reports
      .filter((r) => activityById.get(r.activityId)?.goalId === goal.id)
      .sort((x, y) => compareMeasureNumbers(activityById.get(x.activityId)!.number, activityById.get(y.activityId)!.number));
    if (inGoal.length === 0) continue;
    sections.push({ level: 1, heading: `${goalWord} ${goal.number}: ${goal.title}`, newPage: true, blocks: [] });
    for (const r of inGoal) {
      const activity = activityById.get(r.activityId)!;
      const status = r.statusId ? graph.statuses.find((s) => s.id === r.statusId) : undefined;
      const blocks: OutlineBlock[] = [];
      if (activity.description.trim()) blocks.push({ kind: "prose", text: activity.description });
      blocks.push({
        kind: "facts",
        rows: [
          { label: t("orgDoc.fact.status"), value: status ? statusName(status, locale) : t("orgDoc.noStatus"), ...(status ? { colour: status.colour } : {}) },
          ...(r.statusComment.trim() ? [{ label: t("orgDoc.fact.statusComment"), value: r.statusComment }] : []),
          ...activityFacts(c, activity, { phase: false }),
        ],
      });
      blocks.push({ kind: "label", text: t("orgDoc.followUpText") });
      blocks.push(text(r.narrative, t("compiled.nothingWritten")));
      if (r.figures.length > 0) {
        blocks.push({ kind: "label", text: t("compiled.figures") });
        blocks.push({
          kind: "table",
          header: [t("compiled.figure.name"), t("compiled.figure.value"), t("compiled.figure.baseline"), t("compiled.figure.target"), t("compiled.figure.year")],
          rows: r.figures.map((f) => figureEntry(f, locale, t)).map((f) => [
            { text: f.name }, { text: f.value, align: "right" as const }, { text: f.baseline ?? "–", align: "right" as const },
            { text: f.target ?? "–", align: "right" as const }, { text: f.year ?? "–", align: "right" as const },
          ]),
          shares: [3, 1.7, 1.7, 1.5, 0.8],
        });
      }
      if (r.nextSteps.trim()) blocks.push({ kind: "label", text: t("compiled.nextSteps") }, { kind: "prose", text: r.nextSteps });
      sections.push({ level: 2, heading: activityHeading(c, activity), blocks });
    }
  }

  const anchored = report.anchoredIn
    ? report.anchoredOn ? `${report.anchoredIn}, ${formatDate(report.anchoredOn, locale)}` : report.anchoredIn
    : null;
  return {
    locale,
    fileStem: fileStem(round.slug, plan.slug, organisation.slug),
    title: `${round.name} – ${organisation.name}`,
    author: organisation.name,
    cover: {
      eyebrow: t("orgDoc.followUp.eyebrow"),
      title: round.name,
      subtitle: organisation.name,
      facts: [
        [t("orgDoc.plan"), plan.name],
        [t("orgDoc.round"), `${round.name} (${t("date.range", { from: formatDate(round.periodStart, locale), to: formatDate(round.periodEnd, locale) })})`],
        [t("orgDoc.state"), t(`report.state.${state}` as MessageKey)],
        ...(anchored ? [[t("orgDoc.anchored"), anchored] as [string, string]] : []),
        [t("orgDoc.municipality"), workspace.name],
        [t("orgDoc.date"), formatDate(input.today ?? localDate(), locale)],
      ],
      mark: state === "accepted" ? null : t("compiled.notAccepted", { state: t(`report.state.${state}` as MessageKey) }),
    },
    words: { contents: t("orgDoc.contents"), page: t("orgDoc.page"), of: t("orgDoc.of") },
    sections,
  };
}
