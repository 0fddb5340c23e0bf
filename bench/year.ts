// The year's figures on the Malmö demo: expanding a year of the wheel (events, deadlines, every group's meetings),
// drawing it as SVG, PNG (2400 px) and the landscape PDF, and building the public and a group's calendar feed; each
// against a floor measured in the same run (serialising the same year as JSON).
import { eq } from "drizzle-orm";
import type { Db } from "../src/db/client.ts";
import * as s from "../src/db/schema/index.ts";
import { findWorkspace } from "../src/queries/find-plan.ts";
import { wheelYear } from "../src/queries/wheel-year.ts";
import { groupCalendarEntries, wheelCalendarEntries } from "../src/queries/calendar-entries.ts";
import { buildCalendar } from "../src/calendar/ics.ts";
import { wheelSvg } from "../src/wheel/wheel-svg.ts";
import { svgToPng } from "../src/reports/charts/png.ts";
import { wheelPdf } from "../src/reports/wheel/wheel-pdf.ts";
import { medianOfRuns, round } from "./stats.ts";

export interface YearFigure {
  ms: number;
  ratioToFloor: number;
}


const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const words = { roundDeadline: (r: string) => `Sista dag: ${r}`, recurrence: (rule: string | null) => rule ?? "", meetingDetail: (g: string, t: string) => `${g}, kl. ${t}` };
const links = { event: () => null, round: () => "/", meeting: () => "/" };

export async function benchYear(db: Db, options: { runs: number; log: (line: string) => void }): Promise<{ occurrences: number; figures: Record<string, YearFigure> }> {
  const workspace = await findWorkspace(db, "malmo");
  const year = () => wheelYear(db, workspace.id, { year: 2027, today: "2027-04-14", internal: true, locale: "sv", words, links });
  const sample = await year();
  const svgOptions = { locale: "sv" as const, monthNames: MONTHS, title: "Årshjul 2027", description: "Årshjul för 2027.", interactive: false };
  const svg = wheelSvg(sample, svgOptions);
  const [group] = await db.select().from(s.groups).where(eq(s.groups.slug, "samordningsgruppen"));
  const feedWords = { roundDeadline: (r: string) => r, sometimeIn: (m: number) => String(m) };
  const floorMs = await medianOfRuns(options.runs, () => JSON.stringify(sample));
  const steps: Array<[string, () => Promise<unknown> | unknown]> = [
    ["wheelYearQuery", year],
    ["wheelSvg", () => wheelSvg(sample, { ...svgOptions, interactive: true })],
    ["wheelPng2400", () => svgToPng(svg, { width: 2400 })],
    ["wheelPdf", () => wheelPdf({ year: sample, locale: "sv", workspaceName: workspace.name, title: "Årshjul 2027", monthNames: MONTHS, description: "Årshjul för 2027.", labels: { listHeading: "Händelser", date: "Datum", event: "Händelse", category: "Kategori", details: "Mer", noEvents: "Inga", monthOnly: "Under månaden", generated: "Utskrivet" } })],
    ["publicFeed", async () => buildCalendar({ name: "Årshjul", entries: await wheelCalendarEntries(db, workspace.id, feedWords, { round: () => "/", wheel: "/" }) })],
    ["groupFeed", async () => buildCalendar({ name: group!.name, entries: await groupCalendarEntries(db, group!.id, { videoLink: (u) => u, meeting: () => "/" }) })],
  ];
  const figures: Record<string, YearFigure> = {};
  for (const [name, once] of steps) {
    options.log(`  ${name}: ${options.runs} runs…`);
    const ms = await medianOfRuns(options.runs, once);
    figures[name] = { ms: round(ms, 1), ratioToFloor: round(ms / Math.max(floorMs, 0.001), 0) };
  }
  return { occurrences: sample.occurrences.length, figures };
}
