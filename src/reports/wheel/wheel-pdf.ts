// The annual wheel as a PDF to print: A4 landscape, the wheel itself on the first page (the SVG drawn as a PNG), then
// the year as a list by month — one table per month with events — for reading the details and for screen readers.
import type { WheelCategoryView, WheelOccurrence, WheelYear } from "../../wheel/types.ts";
import { wheelSvg } from "../../wheel/wheel-svg.ts";
import { safeColour } from "../charts/colour.ts";
import { svgToPng } from "../charts/png.ts";
import { BRAND, createPdf, INK, MARGIN, MUTED, type Cell, type Doc } from "../pdf/writer.ts";

export interface WheelPdfInput {
  year: WheelYear;
  locale: "sv" | "en";
  workspaceName: string;
  title: string;
  /** Twelve, January first, in the locale. */
  monthNames: string[];
  /** One-sentence summary for the wheel's text alternative. */
  description: string;
  /** Labels, already translated. */
  labels: {
    listHeading: string;
    date: string;
    event: string;
    category: string;
    details: string;
    noEvents: string;
    monthOnly: string;
    /** e.g. "Utskrivet 7 december 2026" */
    generated: string;
  };
}

// The few words the labels do not carry, as the wheel's own SVG words them.
const WORDS = {
  sv: { time: (t: string) => `kl. ${t}`, other: "Övrigt" },
  en: { time: (t: string) => `at ${t}`, other: "Other" },
};

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "12 mars", "8 mars – 14 mars", or the month-only label; the time after it when there is one. */
function dateText(o: WheelOccurrence, input: WheelPdfInput): string {
  const language = input.locale === "sv" ? "sv-SE" : "en-GB";
  const dayMonth = new Intl.DateTimeFormat(language, { day: "numeric", month: "long", timeZone: "UTC" });
  const withYear = new Intl.DateTimeFormat(language, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  const valid = (iso: string | null): iso is string => !!iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(`${iso}T12:00:00Z`));
  if (!valid(o.date)) return input.labels.monthOnly;
  let text = dayMonth.format(new Date(`${o.date}T12:00:00Z`));
  if (valid(o.endDate) && o.endDate > o.date) {
    // A span into the next year says which year it ends in.
    const end = new Date(`${o.endDate}T12:00:00Z`);
    text += ` – ${(o.endDate.slice(0, 4) === o.date.slice(0, 4) ? dayMonth : withYear).format(end)}`;
  }
  const time = o.time?.trim();
  return time ? `${text} ${WORDS[input.locale].time(time)}` : text;
}

/** A line at the foot of every page: what the document is and when it was printed. */
function footers(doc: Doc, left: string, right: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    const y = doc.page.height - MARGIN.bottom + 24;
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.moveTo(MARGIN.left, y - 6).lineTo(MARGIN.left + width, y - 6).lineWidth(0.5).strokeColor("#c4cad3").stroke();
    doc.font("regular").fontSize(8).fillColor(MUTED);
    doc.text(left, MARGIN.left, y, { width: width * 0.6, lineBreak: false, ellipsis: true, height: 12 });
    doc.text(right, MARGIN.left + width * 0.6, y, { width: width * 0.4, align: "right", lineBreak: false, ellipsis: true, height: 12 });
    doc.page.margins.bottom = MARGIN.bottom;
  }
}

export async function wheelPdf(input: WheelPdfInput): Promise<Uint8Array> {
  const { year, labels } = input;
  const { doc, writer: w, done } = createPdf({ title: input.title, author: input.workspaceName, subject: input.description, locale: input.locale, layout: "landscape" });

  // Page 1: the title, whose wheel, when printed, then the wheel as large as the rest of the page allows.
  const top = 40;
  doc.rect(0, 0, doc.page.width, 10).fillColor(BRAND).fill();
  doc.font("bold").fontSize(24).fillColor(BRAND).text(input.title, MARGIN.left, top, { width: w.width });
  doc.font("regular").fontSize(12).fillColor(INK).text(input.workspaceName, MARGIN.left, doc.y + 2, { width: w.width });
  const imageTop = doc.y + 10;
  const svg = wheelSvg(year, { locale: input.locale, monthNames: input.monthNames, title: input.title, description: input.description, interactive: false, size: 900 });
  // Drawn at about twice the size it is shown for a sharp print.
  const png = svgToPng(svg, { width: 2400 });
  doc.image(Buffer.from(png), MARGIN.left, imageTop, { fit: [w.width, w.bottom - imageTop], align: "center", valign: "center" });

  // The list: a heading per month with events, each a table; months without events are left out.
  w.newPage();
  const outline = w.heading(1, labels.listHeading, { outline: doc.outline });
  const categories = new Map<string, WheelCategoryView>(year.categories.map((c) => [c.key, c]));
  const byMonth = new Map<number, WheelOccurrence[]>();
  for (const o of year.occurrences) {
    const month = Math.min(12, Math.max(1, Math.round(o.month) || 1));
    byMonth.set(month, [...(byMonth.get(month) ?? []), o]);
  }
  if (byMonth.size === 0) w.paragraph(labels.noEvents);
  for (const [month, occurrences] of [...byMonth].sort((a, b) => a[0] - b[0])) {
    w.heading(2, capitalise(input.monthNames[month - 1] ?? String(month)), outline ? { outline } : {});
    const rows: Cell[][] = occurrences.map((o) => {
      const category = categories.get(o.categoryKey);
      return [
        { text: dateText(o, input) },
        { text: o.title },
        { text: category?.name ?? WORDS[input.locale].other, colour: safeColour(category?.colour) },
        { text: o.detail },
      ];
    });
    w.table([labels.date, labels.event, labels.category, labels.details], rows, [1.8, 3, 1.6, 3]);
  }

  footers(doc, `${input.title} · ${input.workspaceName}`, labels.generated);
  doc.flushPages();
  doc.end();
  return new Uint8Array(await done);
}
