// The compiled report as PDF, in pure JavaScript (pdfkit) with DejaVu Sans from the npm package (å/ä/ö and more):
// A4, a cover, a table of contents with page numbers and links, headings, wrapped paragraphs, simple tables that
// break across pages with their header repeated, charts as PNG, page numbers in the footer, and an outline
// (bookmarks) with one entry per goal and its organisations.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";
import { formatNumber } from "../../web/i18n/index.ts";
import { textBlocks, type CompiledReport, type GoalSection } from "./collect.ts";
import { chartPng, goalChart, overviewChart, type RenderedChart } from "./charts.ts";
import { signedNumber } from "./format.ts";

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const REGULAR = join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = join(FONT_DIR, "DejaVuSans-Bold.ttf");
const OBLIQUE = join(FONT_DIR, "DejaVuSans-Oblique.ttf");

const INK = "#1b1f24";
const MUTED = "#4a5361";
const BRAND = "#1d4e89";
const LINE = "#c4cad3";
const HEADER_FILL = "#e8ecf2";
const DRAFT = "#8a4b00";

const MARGIN = { top: 62, bottom: 70, left: 62, right: 62 };
const BODY = 10;

type Doc = InstanceType<typeof PDFDocument>;
type Cell = { text: string; align?: "right"; colour?: string };

interface TocEntry {
  level: 1 | 2;
  title: string;
  destination: string;
  page: number;
}

class Writer {
  readonly toc: TocEntry[] = [];
  private destinations = 0;
  constructor(readonly doc: Doc, readonly report: CompiledReport) {}

  get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }
  /** A new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }
  newPage() {
    this.doc.addPage();
  }
  private currentPage() {
    return this.doc.bufferedPageRange().start + this.doc.bufferedPageRange().count - 1;
  }

  heading(level: 1 | 2 | 3, text: string, options: { outline?: PDFKit.PDFOutline; toc?: boolean } = {}): PDFKit.PDFOutline | undefined {
    const { doc } = this;
    const size = level === 1 ? 18 : level === 2 ? 13.5 : 11;
    doc.font("bold").fontSize(size);
    const height = doc.heightOfString(text, { width: this.width });
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(height + 60);
    if (level !== 1 || doc.y > MARGIN.top + 1) doc.moveDown(level === 1 ? 0.2 : 0.6);
    const destination = `d${++this.destinations}`;
    doc.fillColor(level === 3 ? INK : BRAND).text(text, MARGIN.left, doc.y, { width: this.width, destination });
    if (level === 1) {
      doc.moveTo(MARGIN.left, doc.y + 2).lineTo(MARGIN.left + this.width, doc.y + 2).lineWidth(1).strokeColor(BRAND).stroke();
      doc.moveDown(0.6);
    } else {
      doc.moveDown(0.3);
    }
    doc.font("regular").fontSize(BODY).fillColor(INK);
    if (options.toc !== false && level < 3) this.toc.push({ level: level as 1 | 2, title: text, destination, page: this.currentPage() });
    return options.outline?.addItem(text);
  }

  paragraph(text: string, options: { font?: "regular" | "bold" | "italic"; colour?: string; size?: number } = {}) {
    const { doc } = this;
    doc.font(options.font ?? "regular").fontSize(options.size ?? BODY).fillColor(options.colour ?? INK);
    this.ensure(Math.min(doc.heightOfString(text, { width: this.width }), 3 * doc.currentLineHeight(true)));
    doc.text(text, MARGIN.left, doc.y, { width: this.width, lineGap: 2 });
    doc.moveDown(0.5);
    doc.font("regular").fontSize(BODY).fillColor(INK);
  }

  prose(text: string) {
    for (const block of textBlocks(text)) this.paragraph(block);
  }

  note(text: string) {
    this.paragraph(text, { font: "italic", colour: MUTED });
  }

  mark(text: string) {
    const { doc } = this;
    doc.font("bold").fontSize(BODY);
    const height = doc.heightOfString(text, { width: this.width - 16 }) + 10;
    this.ensure(height + 6);
    const y = doc.y;
    doc.rect(MARGIN.left, y, this.width, height).fillColor("#fff6e5").fill();
    doc.rect(MARGIN.left, y, 4, height).fillColor(DRAFT).fill();
    doc.fillColor(DRAFT).text(text, MARGIN.left + 12, y + 5, { width: this.width - 16 });
    doc.y = y + height + 6;
    doc.font("regular").fillColor(INK);
  }

  label(text: string) {
    this.doc.font("bold").fontSize(BODY);
    this.ensure(40);
    this.doc.fillColor(INK).text(text, MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
    this.doc.font("regular");
  }

  /** A table: widths are shares of the text width; rows break across pages, the header row repeated. */
  table(header: string[], rows: Cell[][], shares?: number[]) {
    const { doc } = this;
    const total = shares?.reduce((a, b) => a + b, 0) ?? header.length;
    const widths = header.map((_, i) => ((shares?.[i] ?? 1) / total) * this.width);
    const pad = 4;
    const size = 8.5;
    const rowHeight = (cells: Cell[], bold: boolean) => {
      doc.font(bold ? "bold" : "regular").fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c.text || " ", { width: widths[i]! - 2 * pad - (c.colour ? 10 : 0) }))) + 2 * pad;
    };
    const drawRow = (cells: Cell[], bold: boolean, fill?: string) => {
      const height = rowHeight(cells, bold);
      const y = doc.y;
      let x = MARGIN.left;
      cells.forEach((c, i) => {
        const w = widths[i]!;
        if (fill) doc.rect(x, y, w, height).fillColor(fill).fill();
        doc.rect(x, y, w, height).lineWidth(0.5).strokeColor(LINE).stroke();
        let tx = x + pad;
        if (c.colour) {
          doc.rect(tx, y + pad + 1.5, 7, 7).fillColor(c.colour).fill().rect(tx, y + pad + 1.5, 7, 7).lineWidth(0.4).strokeColor(INK).stroke();
          tx += 10;
        }
        doc.font(bold ? "bold" : "regular").fontSize(size).fillColor(INK)
          .text(c.text, tx, y + pad, { width: w - 2 * pad - (c.colour ? 10 : 0), align: c.align ?? "left" });
        x += w;
      });
      doc.y = y + height;
      doc.x = MARGIN.left;
    };
    const headerCells = header.map((text) => ({ text }));
    this.ensure(rowHeight(headerCells, true) + (rows[0] ? rowHeight(rows[0], false) : 0) + 4);
    drawRow(headerCells, true, HEADER_FILL);
    for (const row of rows) {
      const height = rowHeight(row, false);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        drawRow(headerCells, true, HEADER_FILL);
      }
      drawRow(row, false);
    }
    doc.moveDown(0.8);
    doc.font("regular").fontSize(BODY);
  }

  chart(chart: RenderedChart) {
    const { doc } = this;
    const { png, width, height } = chartPng(chart, 1000);
    const shownWidth = Math.min(this.width, 460);
    const shownHeight = (height * shownWidth) / width;
    doc.font("bold").fontSize(BODY);
    this.ensure(shownHeight + 30);
    doc.fillColor(INK).text(chart.title, MARGIN.left, doc.y, { width: this.width });
    doc.moveDown(0.3);
    doc.image(Buffer.from(png), MARGIN.left, doc.y, { width: shownWidth });
    doc.y += shownHeight + 8;
    doc.font("regular");
  }
}

function goal(w: Writer, goal: GoalSection, index: number) {
  const { report } = w;
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
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: report.locale === "en" ? "en-GB" : "sv-SE",
    displayTitle: true,
    info: { Title: title, Author: cover.municipality, Subject: cover.title, Creator: "Samverka" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  doc.registerFont("italic", OBLIQUE);
  const w = new Writer(doc, report);

  // Cover.
  doc.rect(0, 0, doc.page.width, 14).fillColor(BRAND).fill();
  doc.y = 220;
  doc.font("bold").fontSize(11).fillColor(MUTED).text(cover.title.toLocaleUpperCase(report.locale === "en" ? "en-GB" : "sv-SE"), MARGIN.left, doc.y);
  doc.moveDown(0.8);
  doc.font("bold").fontSize(26).fillColor(BRAND).text(cover.planName, { width: w.width });
  doc.moveDown(0.5);
  doc.font("regular").fontSize(16).fillColor(INK).text(cover.roundName, { width: w.width });
  doc.moveDown(2);
  for (const [k, v] of [
    [t("compiled.cover.period"), cover.period],
    [t("compiled.cover.municipality"), cover.municipality],
    [t("compiled.cover.date"), cover.date],
  ] as const) {
    const y = doc.y;
    doc.font("bold").fontSize(11).fillColor(INK).text(k, MARGIN.left, y, { width: 120 });
    doc.font("regular").text(v, MARGIN.left + 130, y, { width: w.width - 130 });
    doc.moveDown(0.4);
  }
  if (report.includeDrafts) {
    doc.moveDown(1.5);
    w.mark(t("compiled.cover.draftsIncluded"));
  }

  // Contents: pages kept now, filled in at the end when the pages of the headings are known.
  const tocLines = 6 + report.goals.reduce((sum, g) => sum + 1 + g.organisations.length, 0) + report.summaries.length;
  const tocPages = Math.max(1, Math.ceil((tocLines + 3) / 38));
  const firstTocPage = 1;
  for (let i = 0; i < tocPages; i++) doc.addPage();

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

  report.goals.forEach((g, i) => goal(w, g, i));

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

  // The contents, now that every heading's page is known.
  doc.switchToPage(firstTocPage);
  doc.y = MARGIN.top;
  doc.font("bold").fontSize(18).fillColor(BRAND).text(t("compiled.toc"), MARGIN.left, doc.y);
  doc.moveDown(0.8);
  let tocPage = firstTocPage;
  for (const entry of w.toc) {
    if (doc.y > doc.page.height - MARGIN.bottom - 20 && tocPage < firstTocPage + tocPages - 1) {
      doc.switchToPage(++tocPage);
      doc.y = MARGIN.top;
    }
    const indent = entry.level === 1 ? 0 : 16;
    const y = doc.y;
    const pageText = String(entry.page + 1);
    doc.font(entry.level === 1 ? "bold" : "regular").fontSize(entry.level === 1 ? 10.5 : 10).fillColor(INK);
    const textWidth = w.width - indent - 40;
    doc.text(entry.title, MARGIN.left + indent, y, { width: textWidth, goTo: entry.destination });
    const after = doc.y;
    doc.text(pageText, MARGIN.left + w.width - 36, y, { width: 36, align: "right", goTo: entry.destination });
    doc.y = Math.max(after, doc.y) + (entry.level === 1 ? 4 : 1);
  }

  // Page numbers in the footer of every page but the cover.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    if (i === 0) continue;
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 24;
    doc.page.margins.bottom = 0;
    doc.moveTo(MARGIN.left, y - 6).lineTo(doc.page.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.font("regular").fontSize(8).fillColor(MUTED);
    doc.text(`${cover.planName} – ${cover.roundName}`, MARGIN.left, y, { width: w.width - 90, lineBreak: false, ellipsis: true, height: 12 });
    doc.text(t("compiled.pageOf", { page: i + 1, pages: range.count }), MARGIN.left + w.width - 90, y, { width: 90, align: "right", lineBreak: false });
    doc.page.margins.bottom = MARGIN.bottom;
  }
  doc.flushPages();
  doc.end();
  return done;
}
