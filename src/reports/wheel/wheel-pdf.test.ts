// The annual wheel's PDF opened with pdfjs-dist: landscape, the wheel as an image on page 1, then every occurrence
// listed under its month, months without events left out, text with < & åäö as it is.
import { describe, expect, it } from "vitest";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { WheelCategoryView, WheelOccurrence, WheelYear } from "../../wheel/types.ts";
import { wheelPdf, type WheelPdfInput } from "./wheel-pdf.ts";

const SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];

const CATEGORIES: WheelCategoryView[] = [
  ["meetings", "Möten", "#0072b2"],
  ["training", "Utbildning", "#e69f00"],
  ["campaigns", "Kampanjer", "#cc79a7"],
  ["follow-up", "Uppföljning", "#009e73"],
  ["reporting", "Rapportering", "#d55e00"],
  ["revision", "Revidering", "#56b4e9"],
].map(([key, name, colour], position) => ({ id: key!, key: key!, name: name!, colour: colour!, position }));

let counter = 0;
function occ(title: string, categoryKey: string, date: string | null, extra: Partial<WheelOccurrence> = {}): WheelOccurrence {
  const month = date ? Number(date.slice(5, 7)) : (extra.month ?? 1);
  return { key: `o-${counter++}`, source: "event", title, categoryKey, date, month, endDate: null, time: null, detail: "", href: null, ...extra };
}

const OCCURRENCES = [
  occ("Samordningsmöte", "meetings", "2027-02-10", { source: "meeting", time: "10:00", detail: "Samordningsgruppen" }),
  occ("Grundutbildning våld i nära relationer", "training", "2027-03-12", { detail: "För nya medarbetare" }),
  occ("Kampanjvecka", "campaigns", "2027-03-08", { endDate: "2027-03-14" }),
  occ("Fördjupning <hedersrelaterat> & åäö", "training", null, { month: 4, detail: "Datum meddelas <senare> & så" }),
  occ("Samordningsmöte", "meetings", "2027-04-14", { source: "meeting", time: "13:30", detail: "Samordningsgruppen" }),
  occ("Uppföljning 2027: sista dag", "follow-up", "2027-05-31", { source: "round", detail: "Fri från våld" }),
  occ("Årsrapport till nämnden", "reporting", "2027-06-15"),
  occ("Revidering av handlingsplan", "revision", "2027-09-01", { detail: "varje år i september" }),
  occ("Styrgruppsmöte", "meetings", "2027-09-22", { source: "meeting", time: "09:00" }),
  occ("Orange Day", "campaigns", "2027-11-25", { detail: "FN:s dag mot våld mot kvinnor" }),
  occ("Utbildningsdag för chefer", "training", "2027-11-04"),
  occ("Julavslutning", "meetings", "2027-12-15", { endDate: "2028-01-05" }),
];

const YEAR: WheelYear = { year: 2027, today: "2027-03-01", categories: CATEGORIES, occurrences: OCCURRENCES, capped: [] };
const EMPTY_MONTHS = ["Januari", "Juli", "Augusti", "Oktober"];

const SAMPLE: WheelPdfInput = {
  year: YEAR,
  locale: "sv",
  workspaceName: "Malmö stad",
  title: "Årshjul 2027",
  monthNames: SV_MONTHS,
  description: "Årets möten, utbildningar, kampanjer och uppföljningar.",
  labels: {
    listHeading: "Årets händelser",
    date: "Datum",
    event: "Händelse",
    category: "Kategori",
    details: "Detaljer",
    noEvents: "Inga händelser under året.",
    monthOnly: "Under månaden",
    generated: "Utskrivet 7 december 2026",
  },
};

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

async function read(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: { text: string; width: number; height: number; images: number }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const operators = await page.getOperatorList();
    pages.push({
      text: squash(content.items.map((item) => ("str" in item ? item.str : "")).join(" ")),
      width,
      height,
      images: operators.fnArray.filter((fn) => fn === OPS.paintImageXObject).length,
    });
  }
  await doc.destroy();
  return pages;
}

describe("wheelPdf", () => {
  it("draws the wheel on a landscape first page and lists every occurrence under its month", async () => {
    const pages = await read(await wheelPdf(SAMPLE));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page.width).toBeGreaterThan(page.height);

    const [first, ...rest] = pages;
    expect(first!.text).toContain("Årshjul 2027");
    expect(first!.text).toContain("Malmö stad");
    expect(first!.images).toBe(1);

    const list = squash(rest.map((p) => p.text).join(" "));
    expect(list).toContain("Årets händelser");
    for (const o of OCCURRENCES) expect(list).toContain(squash(o.title));
    // Headings are the month names capitalised, each once; the empty months have none.
    const months = new Set(OCCURRENCES.map((o) => o.month));
    for (const m of months) expect(list).toContain(SV_MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase()));
    // Case matters: "5 januari 2028" ends December's span, but there is no January heading.
    for (const name of EMPTY_MONTHS) expect(list).not.toContain(name);

    expect(list).toContain("Datum meddelas <senare> & så");
    expect(list).toContain("Under månaden");
    expect(list).toContain("10 februari kl. 10:00");
    expect(list).toContain("8 mars – 14 mars");
    expect(list).toContain("15 december – 5 januari 2028");
    expect(list).toContain("Rapportering");
    expect(list).toContain("Utskrivet 7 december 2026");
  });

  it("lists the months in the year's order", async () => {
    const [, ...rest] = await read(await wheelPdf(SAMPLE));
    const list = squash(rest.map((p) => p.text).join(" "));
    const positions = ["Februari", "Mars", "April", "Maj", "Juni", "September", "November", "December"].map((m) => list.indexOf(m));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("says there are no events when the year has none, in English too", async () => {
    const input: WheelPdfInput = {
      ...SAMPLE,
      locale: "en",
      title: "Annual wheel 2027",
      monthNames: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
      year: { ...YEAR, occurrences: [], today: null },
      labels: { ...SAMPLE.labels, listHeading: "Events of the year", noEvents: "No events this year." },
    };
    const pages = await read(await wheelPdf(input));
    expect(pages).toHaveLength(2);
    expect(pages[0]!.images).toBe(1);
    expect(pages[1]!.text).toContain("No events this year.");
    expect(pages[1]!.text).not.toContain("Datum");
  });

  it("formats English dates and times", async () => {
    const input: WheelPdfInput = { ...SAMPLE, locale: "en", monthNames: SV_MONTHS.map((m) => m.toUpperCase()) };
    const text = (await read(await wheelPdf(input))).map((p) => p.text).join(" ");
    expect(text).toContain("10 February at 10:00");
  });
});
