// The compiled report as a Word document (.docx), editable afterwards: Word's own heading styles (Heading 1–3, so the
// navigation pane and the table of contents work), a table of contents field filled in from the headings, real tables,
// charts as PNG images with alternative text, page numbers in the footer, the document's language set.
import { HeadingLevel, Packer, PageBreak, Paragraph, Table, TableOfContents, TextRun } from "docx";
import { formatNumber } from "../../web/i18n/index.ts";
import type { CompiledReport, GoalSection, StatusRef } from "./collect.ts";
import { goalChart, overviewChart } from "./charts.ts";
import { signedNumber } from "./format.ts";
import { BRAND, chartImage, label, mark, MUTED, note, paragraphs, table, wordDocument } from "../docx/parts.ts";

const statusText = (status: StatusRef | null, report: CompiledReport) => (status ? status.name : report.t("compiled.noStatus"));

function goalChildren(report: CompiledReport, goal: GoalSection, index: number): Array<Paragraph | Table> {
  const { t } = report;
  const n = (v: number) => formatNumber(v, report.locale);
  const out: Array<Paragraph | Table> = [];
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(goal.heading)] }));
  out.push(...paragraphs(goal.description));
  out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(t("compiled.keyNumbers"))] }));
  out.push(
    table([t("compiled.keyNumbers"), t("compiled.count")], [
      [{ text: t("compiled.activitiesInGoal", { measures: report.words.measureOther }) }, { text: n(goal.activityCount), align: "right" }],
      [{ text: t("compiled.reportsInRound", { measures: report.words.measureOther.toLocaleLowerCase() }) }, { text: n(goal.reportCount), align: "right" }],
      [{ text: t("compiled.organisationsInvolved") }, { text: goal.organisationsInvolved.join(", ") || "–" }],
    ], [5000, 4000]),
  );
  out.push(...chartImage(goalChart(report, goal.chart, `goal-${index + 1}`)));
  const previous = report.previousRoundName;
  const header = [t("compiled.status"), ...(previous !== null ? [previous] : []), report.cover.roundName, ...(previous !== null ? [t("compiled.change")] : [])];
  type Cell = { text: string; align?: "right"; colour?: string };
  const rows: Cell[][] = goal.statusRows.map((row): Cell[] => [
    { text: row.name, colour: row.colour },
    ...(row.before !== null ? [{ text: n(row.before), align: "right" as const }] : []),
    { text: n(row.count), align: "right" as const },
    ...(row.before !== null ? [{ text: signedNumber(row.count - row.before, report.locale), align: "right" as const }] : []),
  ]);
  if (goal.withoutStatus > 0) rows.push([{ text: t("compiled.withoutStatus") }, ...(previous !== null ? [{ text: "" }] : []), { text: n(goal.withoutStatus), align: "right" as const }, ...(previous !== null ? [{ text: "" }] : [])]);
  out.push(table(header, rows));
  if (previous === null) out.push(note(t("compiled.noPrevious")));

  if (goal.organisations.length === 0) out.push(note(t("compiled.noReportsUnderGoal")));
  for (const org of goal.organisations) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(org.name)] }));
    if (org.mark) out.push(mark(org.mark));
    for (const activity of org.activities) {
      out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(activity.heading)], keepNext: true }));
      out.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${t("compiled.status")}: `, bold: true }),
            ...(activity.status ? [new TextRun({ text: "■ ", color: activity.status.colour.replace("#", "") })] : []),
            new TextRun(statusText(activity.status, report)),
          ],
          spacing: { after: 120 },
        }),
      );
      out.push(...(activity.narrative.trim() ? paragraphs(activity.narrative) : [note(t("compiled.nothingWritten"))]));
      if (activity.figures.length > 0) {
        out.push(label(t("compiled.figures")));
        out.push(
          table(
            [t("compiled.figure.name"), t("compiled.figure.value"), t("compiled.figure.baseline"), t("compiled.figure.target"), t("compiled.figure.year")],
            activity.figures.map((f) => [
              { text: f.name }, { text: f.value, align: "right" }, { text: f.baseline ?? "–", align: "right" }, { text: f.target ?? "–", align: "right" }, { text: f.year ?? "–", align: "right" },
            ]),
            [3000, 1700, 1700, 1500, 800],
          ),
        );
      }
      if (activity.nextSteps.trim()) {
        out.push(label(t("compiled.nextSteps")));
        out.push(...paragraphs(activity.nextSteps));
      }
    }
  }
  return out;
}

/** The report as .docx bytes. */
export async function renderCompiledDocx(report: CompiledReport): Promise<Buffer> {
  const { t, cover, words } = report;
  const n = (v: number) => formatNumber(v, report.locale);
  const language = report.locale === "en" ? "en-GB" : "sv-SE";
  const children: Array<Paragraph | Table | TableOfContents> = [];

  // Cover.
  children.push(
    new Paragraph({ spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: cover.title.toLocaleUpperCase(language), bold: true, color: MUTED, size: 24 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.planName)], spacing: { after: 480 } }),
    ...[
      [t("compiled.cover.round"), cover.roundName],
      [t("compiled.cover.period"), cover.period],
      [t("compiled.cover.municipality"), cover.municipality],
      [t("compiled.cover.date"), cover.date],
    ].map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v!)], spacing: { after: 80 } })),
  );
  if (report.includeDrafts) children.push(mark(t("compiled.cover.draftsIncluded")));

  // Contents.
  children.push(
    new Paragraph({ children: [new PageBreak(), new TextRun({ text: t("compiled.toc"), bold: true, size: 32, color: BRAND })], spacing: { after: 240 } }),
    new TableOfContents(t("compiled.toc"), { hyperlink: true, headingStyleRange: "1-2", beginDirty: true }),
  );

  // Introduction and overview.
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t("compiled.introduction"))] }));
  children.push(...(report.introduction.trim() ? paragraphs(report.introduction) : [note(t("compiled.noIntroduction"))]));
  if (report.empty) children.push(new Paragraph({ children: [new TextRun({ text: t(report.includeDrafts ? "compiled.noReportsAtAll" : "compiled.noReports"), bold: true })], spacing: { before: 240, after: 240 } }));

  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t("compiled.overview"))] }));
  for (const chart of report.overview.charts) {
    children.push(...chartImage(overviewChart(report, chart)));
    children.push(table([chart.table.corner, ...chart.table.narrowColumns], chart.table.rows.map((row) => [{ text: row.label }, ...row.values.map((v) => ({ text: n(v), align: "right" as const }))])));
  }

  report.goals.forEach((goal, i) => children.push(...goalChildren(report, goal, i)));

  // Summaries.
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t("compiled.summaries"))] }));
  if (report.summaries.length === 0) children.push(note(t("compiled.noSummaries")));
  for (const s of report.summaries) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.name)] }));
    if (s.mark) children.push(mark(s.mark));
    children.push(...(s.summary.trim() ? paragraphs(s.summary) : [note(t("compiled.noSummary"))]));
  }

  // Gap analysis.
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t("compiled.gaps"))] }));
  children.push(...paragraphs(t("compiled.gaps.intro", { count: report.gaps.total })));
  for (const section of report.gaps.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.heading)] }));
    if (section.rule) children.push(note(section.rule));
    if (section.unavailable) children.push(note(section.unavailable));
    else if (section.lines.length === 0) children.push(note(t("compiled.gaps.nothing")));
    else {
      children.push(
        table(
          [t("compiled.gaps.kind"), t("compiled.gaps.number"), t("compiled.gaps.name"), t("compiled.gaps.detail")],
          section.lines.map((line) => [{ text: line.kind }, { text: line.number || "–" }, { text: line.name }, { text: line.detail || "–" }]),
          [1600, 800, 4400, 2600],
        ),
      );
    }
  }
  children.push(note(report.gaps.activityRule));

  // Appendix.
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(t("compiled.appendix", { measures: words.measureOther.toLocaleLowerCase(language) }))] }));
  children.push(
    table(
      [t("compiled.appendix.number"), t("compiled.appendix.title"), t("compiled.appendix.goal", { goal: words.goalOne }), t("compiled.appendix.responsible"), t("compiled.appendix.status")],
      report.appendix.map((row) => [{ text: row.number ?? "–" }, { text: row.title }, { text: row.goal }, { text: row.responsible || "–" }, { text: row.status }]),
      [700, 4200, 1200, 1900, 1700],
    ),
  );

  const doc = wordDocument({
    title: t("compiled.documentTitle", { plan: cover.planName, round: cover.roundName }),
    creator: cover.municipality,
    description: cover.title,
    language,
    footer: `${cover.planName} – ${cover.roundName}`,
    pageWord: t("compiled.footer.page"),
    ofWord: t("compiled.footer.of"),
    children,
  });
  return Packer.toBuffer(doc);
}
