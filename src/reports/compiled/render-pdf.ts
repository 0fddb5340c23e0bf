// The compiled report as PDF, in pure JavaScript (pdfkit, through ../pdf/writer.ts): A4, a cover, a table of contents
// with page numbers and links, headings, wrapped paragraphs, tables that break across pages with their header repeated,
// charts as PNG, page numbers in the footer, and an outline (bookmarks) with one entry per goal and its organisations.
import { formatNumber } from "../../web/i18n/index.ts";
import type { CompiledReport, GoalSection } from "./collect.ts";
import { goalChart, overviewChart } from "./charts.ts";
import { signedNumber } from "./format.ts";
import { createPdf, type Cell, type Writer } from "../pdf/writer.ts";

function goal(w: Writer, report: CompiledReport, goal: GoalSection, index: number) {
  const { t } = report;
  const n = (v: number) => formatNumber(v, report.locale);
  w.newPage();
  const item = w.heading(1, goal.heading, { outline: w.doc.outline });
  w.prose(goal.description);
  w.heading(3, t("compiled.keyNumbers"));
  w.table([t("compiled.keyNumbers"), t("compiled.count")], [
    [{ text: t("compiled.activitiesInGoal", { measures: report.words.measureOther }) }, { text: n(goal.activityCount), align: "right" }],
    [{ text: t("compiled.reportsInRound", { measures: report.words.measureOther.toLocaleLowerCase() }) }, { text: n(goal.reportCount), align: "right" }],
    [{ text: t("compiled.organisationsInvolved") }, { text: goal.organisationsInvolved.join(", ") || "–" }],
  ], [5, 4]);
  w.chart(goalChart(report, goal.chart, `goal-${index + 1}`));
  const previous = report.previousRoundName;
  const header = [t("compiled.status"), ...(previous !== null ? [previous] : []), report.cover.roundName, ...(previous !== null ? [t("compiled.change")] : [])];
  const rows: Cell[][] = goal.statusRows.map((row): Cell[] => [
    { text: row.name, colour: row.colour },
    ...(row.before !== null ? [{ text: n(row.before), align: "right" as const }] : []),
    { text: n(row.count), align: "right" },
    ...(row.before !== null ? [{ text: signedNumber(row.count - row.before, report.locale), align: "right" as const }] : []),
  ]);
  if (goal.withoutStatus > 0) rows.push([{ text: t("compiled.withoutStatus") }, ...(previous !== null ? [{ text: "" }] : []), { text: n(goal.withoutStatus), align: "right" }, ...(previous !== null ? [{ text: "" }] : [])]);
  w.table(header, rows, [4, ...header.slice(1).map(() => 1.4)]);
  if (previous === null) w.note(t("compiled.noPrevious"));

  if (goal.organisations.length === 0) w.note(t("compiled.noReportsUnderGoal"));
  for (const org of goal.organisations) {
    w.heading(2, org.name, { ...(item ? { outline: item } : {}) });
    if (org.mark) w.mark(org.mark);
    for (const activity of org.activities) {
      w.heading(3, activity.heading);
      w.paragraph(`${t("compiled.status")}: ${activity.status ? activity.status.name : t("compiled.noStatus")}`, { font: "bold", size: 9 });
      if (activity.narrative.trim()) w.prose(activity.narrative);
      else w.note(t("compiled.nothingWritten"));
      if (activity.figures.length > 0) {
        w.label(t("compiled.figures"));
        w.table(
          [t("compiled.figure.name"), t("compiled.figure.value"), t("compiled.figure.baseline"), t("compiled.figure.target"), t("compiled.figure.year")],
          activity.figures.map((f) => [
            { text: f.name }, { text: f.value, align: "right" }, { text: f.baseline ?? "–", align: "right" }, { text: f.target ?? "–", align: "right" }, { text: f.year ?? "–", align: "right" },
          ]),
          [3, 1.7, 1.7, 1.5, 0.8],
        );
      }
      if (activity.nextSteps.trim()) {
        w.label(t("compiled.nextSteps"));
        w.prose(activity.nextSteps);
      }
    }
  }
}

/** The report as PDF bytes. */
export async function renderCompiledPdf(report: CompiledReport): Promise<Buffer> {
  const { t, cover, words } = report;
  const n = (v: number) => formatNumber(v, report.locale);
  const title = t("compiled.documentTitle", { plan: cover.planName, round: cover.roundName });
  const { doc, writer: w, done } = createPdf({ title, author: cover.municipality, subject: cover.title, locale: report.locale });

  w.cover(cover.title, cover.planName, cover.roundName, [
    [t("compiled.cover.period"), cover.period],
    [t("compiled.cover.municipality"), cover.municipality],
    [t("compiled.cover.date"), cover.date],
  ], report.locale === "en" ? "en-GB" : "sv-SE");
  if (report.includeDrafts) {
    doc.moveDown(1.5);
    w.mark(t("compiled.cover.draftsIncluded"));
  }

  // Contents: pages kept now, filled in at the end when the pages of the headings are known.
  const contentsPages = w.keepContentsPages([
    { level: 1, title: t("compiled.introduction") },
    { level: 1, title: t("compiled.overview") },
    ...report.goals.flatMap((g) => [{ level: 1, title: g.heading }, ...g.organisations.map((o) => ({ level: 2, title: o.name }))]),
    { level: 1, title: t("compiled.summaries") },
    ...report.summaries.map((s) => ({ level: 2, title: s.name })),
    { level: 1, title: t("compiled.gaps") },
    { level: 1, title: t("compiled.appendix", { measures: words.measureOther.toLocaleLowerCase() }) },
  ]);

  // Introduction and overview.
  w.newPage();
  w.heading(1, t("compiled.introduction"), { outline: doc.outline });
  if (report.introduction.trim()) w.prose(report.introduction);
  else w.note(t("compiled.noIntroduction"));
  if (report.empty) {
    doc.moveDown(0.5);
    w.paragraph(t(report.includeDrafts ? "compiled.noReportsAtAll" : "compiled.noReports"), { font: "bold" });
  }
  w.newPage();
  w.heading(1, t("compiled.overview"), { outline: doc.outline });
  for (const chart of report.overview.charts) {
    w.chart(overviewChart(report, chart));
    const { table } = chart;
    // The label column takes what the numbers leave; wide tables (many goals) keep their number columns narrow.
    w.table([table.corner, ...table.narrowColumns], table.rows.map((row) => [{ text: row.label }, ...row.values.map((v): Cell => ({ text: n(v), align: "right" }))]),
      [table.narrowColumns.length > 3 ? 3 : 2, ...table.narrowColumns.map(() => (chart.kind === "statusBars" ? 1.3 : 1))]);
  }

  report.goals.forEach((g, i) => goal(w, report, g, i));

  // Summaries and appendix.
  w.newPage();
  const summaries = w.heading(1, t("compiled.summaries"), { outline: doc.outline });
  if (report.summaries.length === 0) w.note(t("compiled.noSummaries"));
  for (const s of report.summaries) {
    w.heading(2, s.name, { ...(summaries ? { outline: summaries } : {}) });
    if (s.mark) w.mark(s.mark);
    if (s.summary.trim()) w.prose(s.summary);
    else w.note(t("compiled.noSummary"));
  }
  w.newPage();
  const gaps = w.heading(1, t("compiled.gaps"), { outline: doc.outline });
  w.prose(t("compiled.gaps.intro", { count: report.gaps.total }));
  for (const section of report.gaps.sections) {
    w.heading(2, section.heading, { ...(gaps ? { outline: gaps } : {}), toc: false });
    if (section.rule) w.note(section.rule);
    if (section.unavailable) w.note(section.unavailable);
    else if (section.lines.length === 0) w.note(t("compiled.gaps.nothing"));
    else {
      w.table(
        [t("compiled.gaps.kind"), t("compiled.gaps.number"), t("compiled.gaps.name"), t("compiled.gaps.detail")],
        section.lines.map((line) => [{ text: line.kind }, { text: line.number || "–" }, { text: line.name }, { text: line.detail || "–" }]),
        [1.6, 0.8, 4.4, 2.6],
      );
    }
  }
  w.note(report.gaps.activityRule);
  w.newPage();
  w.heading(1, t("compiled.appendix", { measures: words.measureOther.toLocaleLowerCase() }), { outline: doc.outline });
  w.table(
    [t("compiled.appendix.number"), t("compiled.appendix.title"), t("compiled.appendix.goal", { goal: words.goalOne }), t("compiled.appendix.responsible"), t("compiled.appendix.status")],
    report.appendix.map((row) => [{ text: row.number ?? "–" }, { text: row.title }, { text: row.goal }, { text: row.responsible || "–" }, { text: row.status }]),
    [0.6, 4.0, 1.8, 2.3, 1.9],
  );

  w.writeContents(contentsPages, t("compiled.toc"));
  w.numberPages(`${cover.planName} – ${cover.roundName}`, (page, pages) => t("compiled.pageOf", { page, pages }));
  doc.flushPages();
  doc.end();
  return done;
}
