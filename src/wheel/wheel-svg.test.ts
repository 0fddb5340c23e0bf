import { describe, expect, it } from "vitest";
import { contrastRatio } from "../reports/charts/colour.ts";
import { svgToPng } from "../reports/charts/png.ts";
import { assertWellFormed, descOf, NASTY, NASTY_ESCAPED, pngSize, titles, visibleTexts } from "../reports/charts/test-support.ts";
import type { WheelCategoryView, WheelOccurrence, WheelYear } from "./types.ts";
import { spread, TODAY_COLOUR, wheelSvg, type WheelSvgOptions } from "./wheel-svg.ts";

const SV_MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const CATEGORIES: WheelCategoryView[] = [
  ["meetings", "Möten", "#0072b2"],
  ["training", "Utbildning", "#e69f00"],
  ["campaigns", "Kampanjer", "#cc79a7"],
].map(([key, name, colour], position) => ({ id: key!, key: key!, name: name!, colour: colour!, position }));

let counter = 0;
function occ(title: string, categoryKey: string, date: string | null, extra: Partial<WheelOccurrence> = {}): WheelOccurrence {
  const month = date ? Number(date.slice(5, 7)) : (extra.month ?? 1);
  return { key: `o-${counter++}`, source: "event", title, categoryKey, date, month, endDate: null, time: null, detail: "", href: null, ...extra };
}

function wheel(occurrences: WheelOccurrence[], today: string | null = null): WheelYear {
  return { year: 2027, today, categories: CATEGORIES, occurrences, capped: [] };
}

const SV: WheelSvgOptions = { locale: "sv", monthNames: SV_MONTHS, title: "Årshjul 2027", description: "Årets händelser." };
const EN: WheelSvgOptions = { locale: "en", monthNames: EN_MONTHS, title: "Annual wheel 2027", description: "The year's events." };

const SAMPLE = wheel([
  occ("Styrgruppsmöte", "meetings", "2027-02-10", { time: "13:00", detail: "Styrgruppen" }),
  occ("Grundutbildning", "training", "2027-03-12", { href: "/events/grund" }),
  occ("Kampanjvecka", "campaigns", "2027-03-08", { endDate: "2027-03-14" }),
  occ("Fördjupning", "training", null, { month: 4 }),
  occ("Orange Day", "campaigns", "2027-11-25"),
]);

function renders(svg: string): Uint8Array {
  assertWellFormed(svg);
  const png = svgToPng(svg);
  expect(png.length).toBeGreaterThan(1000);
  return png;
}

function attr(tag: string, name: string): number {
  return Number(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]);
}

function marks(svg: string): string[] {
  return Array.from(svg.matchAll(/<circle class="wheel-mark"[^>]*>/g), (m) => m[0]);
}

/** Degrees clockwise from 12 o'clock of a mark, from the coordinates drawn, around the hub's centre. */
function drawnAngle(svg: string, mark: string): number {
  const hub = /<circle class="wheel-hub"[^>]*>/.exec(svg)![0];
  const dx = attr(mark, "cx") - attr(hub, "cx");
  const dy = attr(mark, "cy") - attr(hub, "cy");
  return ((Math.atan2(dx, -dy) * 180) / Math.PI + 360) % 360;
}

function labels(svg: string): { x: number; y: number; size: number; end: boolean; text: string }[] {
  return Array.from(svg.matchAll(/<text class="wheel-(?:label|today|more)"[^>]*>[\s\S]*?<\/text>/g), (m) => ({
    x: attr(m[0], "x"),
    y: attr(m[0], "y"),
    size: attr(m[0], "font-size"),
    end: m[0].includes('text-anchor="end"'),
    text: visibleTexts(m[0])[0] ?? "",
  }));
}

function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg[^>]*>/.exec(svg)![0];
  return { width: attr(root, "width"), height: attr(root, "height") };
}

function many(n: number): WheelOccurrence[] {
  return Array.from({ length: n }, (_, i) => {
    const month = (i % 12) + 1;
    const day = ((i * 7) % 27) + 1;
    return occ(`Händelse nummer ${i} med ett långt namn`, CATEGORIES[i % 3]!.key, `2027-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
  });
}

describe("wheelSvg", () => {
  it("draws all twelve months, the year, the title and a legend, in both locales", () => {
    for (const [options, months] of [[SV, SV_MONTHS], [EN, EN_MONTHS]] as const) {
      const svg = wheelSvg(SAMPLE, options);
      renders(svg);
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*viewBox="0 0 \d+ \d+"/);
      expect(svg).toContain('aria-labelledby="wheel-title" aria-describedby="wheel-desc"');
      expect(titles(svg)[0]).toBe(options.title);
      const shown = visibleTexts(svg);
      for (const month of months) expect(shown).toContain(month);
      expect(shown).toContain("2027");
      expect(shown).toContain(options.title);
      for (const c of CATEGORIES) expect(shown).toContain(c.name);
    }
  });

  it("draws one mark per occurrence in its category's colour, and an arc band for a span", () => {
    const svg = wheelSvg(SAMPLE, SV);
    const drawn = marks(svg);
    expect(drawn).toHaveLength(SAMPLE.occurrences.length);
    const colourOf = new Map(CATEGORIES.map((c) => [c.key, c.colour]));
    SAMPLE.occurrences.forEach((o, i) => expect(drawn[i]).toContain(`fill="${colourOf.get(o.categoryKey)}"`));
    expect(svg.match(/class="wheel-span"/g)).toHaveLength(1);
    // The first category is the innermost ring.
    const radius = (m: string) => Math.hypot(attr(m, "cx") - svgSize(svg).width / 2, attr(m, "cy") - 450);
    expect(radius(drawn[0]!)).toBeLessThan(radius(drawn[1]!));
    expect(radius(drawn[1]!)).toBeLessThan(radius(drawn[2]!));
  });

  it("puts 1 January at the top, 1 July at the bottom and a month-only occurrence at mid-month", () => {
    const svg = wheelSvg(wheel([occ("Nyår", "meetings", "2027-01-01"), occ("Sommar", "training", "2027-07-01"), occ("Någon gång i april", "campaigns", null, { month: 4 })]), SV);
    const [jan, jul, april] = marks(svg).map((m) => drawnAngle(svg, m));
    expect(Math.min(jan!, 360 - jan!)).toBeLessThan(1);
    expect(Math.abs(jul! - 180)).toBeLessThan(1);
    expect(Math.abs(april! - 105)).toBeLessThan(1);
    expect(marks(svg).map((m) => attr(m, "data-angle"))).toEqual([0.5, 180.5, 105]);
  });

  it("spreads marks on the same day in one ring so none hides another", () => {
    const same = Array.from({ length: 5 }, (_, i) => occ(`Möte ${i}`, "meetings", "2027-05-05"));
    const drawn = marks(wheelSvg(wheel(same), SV));
    for (let i = 1; i < drawn.length; i++) {
      const gap = Math.hypot(attr(drawn[i]!, "cx") - attr(drawn[i - 1]!, "cx"), attr(drawn[i]!, "cy") - attr(drawn[i - 1]!, "cy"));
      expect(gap).toBeGreaterThanOrEqual(2 * attr(drawn[i]!, "r"));
    }
    expect(spread([5, 5, 5], 2)).toEqual([3, 5, 7]);
    expect(spread([0, 0, 10], 2, 0, 10)).toEqual([0, 2, 10]);
  });

  it("draws today's line and word only when today is in the year, in a red that stands out on white", () => {
    const withToday = wheelSvg(wheel(SAMPLE.occurrences, "2027-04-14"), SV);
    renders(withToday);
    expect(withToday).toContain('<line class="wheel-today"');
    expect(visibleTexts(withToday)).toContain("idag");
    expect(visibleTexts(wheelSvg(wheel(SAMPLE.occurrences, "2027-04-14"), EN))).toContain("today");
    expect(contrastRatio(TODAY_COLOUR, "#ffffff")).toBeGreaterThanOrEqual(3);
    const without = wheelSvg(SAMPLE, SV);
    expect(without).not.toContain("wheel-today");
    expect(visibleTexts(without)).not.toContain("idag");
  });

  it("keeps 40 labels apart on each side and inside the picture", () => {
    const svg = wheelSvg(wheel(many(40), "2027-06-15"), SV);
    renders(svg);
    const placed = labels(svg);
    expect(placed.filter((l) => l.text !== "idag")).toHaveLength(40);
    const { width, height } = svgSize(svg);
    for (const end of [false, true]) {
      const side = placed.filter((l) => l.end === end).sort((a, b) => a.y - b.y);
      for (let i = 1; i < side.length; i++) expect(side[i]!.y - side[i - 1]!.y).toBeGreaterThanOrEqual(side[i]!.size);
    }
    for (const l of placed) {
      expect(l.y - l.size).toBeGreaterThanOrEqual(0);
      expect(l.y).toBeLessThanOrEqual(height);
      expect(l.end ? l.x : width - l.x).toBeGreaterThan(l.size * 13.5);
    }
    expect(svg).not.toContain("wheel-more");
  });

  it("shrinks the labels to 9 px and says how many it left out when there are too many", () => {
    const svg = wheelSvg(wheel(many(150)), EN);
    renders(svg);
    const placed = labels(svg);
    expect(new Set(placed.map((l) => l.size))).toEqual(new Set([9]));
    const notes = placed.filter((l) => /^\+\d+ more$/.test(l.text));
    expect(notes.length).toBeGreaterThan(0);
    const left = notes.reduce((sum, n) => sum + Number(/\d+/.exec(n.text)![0]), 0);
    expect(placed.filter((l) => !l.text.startsWith("+")).length + left).toBe(150);
    expect(marks(svg)).toHaveLength(150);
    expect(visibleTexts(wheelSvg(wheel(many(150)), SV)).some((t) => /^\+\d+ fler$/.test(t))).toBe(true);
  });

  it("escapes titles, names and links with < & and quotes and keeps Swedish letters", () => {
    const nasty = wheel([occ(NASTY, "meetings", "2027-03-12", { detail: NASTY, href: `/e?a=1&b="<x>"` }), occ("<b>&\"", "training", null, { month: 5 })]);
    nasty.categories = [{ ...CATEGORIES[0]!, name: NASTY }, CATEGORIES[1]!];
    const svg = wheelSvg(nasty, { ...SV, title: `Titel ${NASTY}`, description: `Beskrivning ${NASTY}` });
    renders(svg);
    expect(svg).toContain(NASTY_ESCAPED);
    expect(svg).toContain("&lt;b&gt;&amp;&quot;");
    expect(svg).not.toContain("<Hälsa>");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain('href="/e?a=1&amp;b=&quot;&lt;x&gt;&quot;"');
    expect(titles(svg)[0]).toBe(`Titel ${NASTY}`);
    expect(descOf(svg)).toContain(`Beskrivning ${NASTY}`);
    expect(visibleTexts(svg)).toContain('<b>&"');
  });

  it("makes each mark a link with a spoken label and a hidden details panel when interactive, and plain marks when not", () => {
    const svg = wheelSvg(SAMPLE, SV);
    expect(svg).toMatch(/^<svg [^>]*role="group"/);
    const links = Array.from(svg.matchAll(/<a href="([^"]*)" aria-label="([^"]*)">/g), (m) => ({ href: m[1], label: m[2] }));
    expect(links).toHaveLength(5);
    expect(links[0]).toEqual({ href: `#${SAMPLE.occurrences[0]!.key}`, label: "Styrgruppsmöte, 10 februari 2027 kl. 13:00, Möten, Styrgruppen" });
    expect(links[1]).toEqual({ href: "/events/grund", label: "Grundutbildning, 12 mars 2027, Utbildning" });
    expect(links[2]!.label).toContain("8–14 mars 2027");
    expect(links[3]!.label).toBe("Fördjupning, april 2027, Utbildning");
    expect(svg.match(/<g class="wheel-detail" visibility="hidden">/g)).toHaveLength(5);
    expect(marks(svg).every((m) => /<title>/.test(svg.slice(svg.indexOf(m), svg.indexOf(m) + m.length + 8)))).toBe(true);
    const en = wheelSvg(SAMPLE, EN);
    expect(en).toContain('aria-label="Grundutbildning, March 12, 2027, Utbildning"');
    expect(en).toContain("March 8–14, 2027");

    const still = wheelSvg(SAMPLE, { ...SV, interactive: false, idPrefix: "print" });
    renders(still);
    expect(still).toMatch(/^<svg [^>]*role="img"/);
    expect(still).toContain('aria-labelledby="print-title" aria-describedby="print-desc"');
    expect(still).not.toContain("<a ");
    expect(still).not.toContain("wheel-detail");
    expect(marks(still)).toHaveLength(5);
  });

  it("lists each month's events in the text alternative, and says when there are none", () => {
    expect(descOf(wheelSvg(SAMPLE, SV))).toBe("Årets händelser. Februari: Styrgruppsmöte. Mars: Kampanjvecka, Grundutbildning. April: Fördjupning. November: Orange Day.");
    expect(descOf(wheelSvg(SAMPLE, EN))).toBe("The year's events. February: Styrgruppsmöte. March: Kampanjvecka, Grundutbildning. April: Fördjupning. November: Orange Day.");
    const empty = wheelSvg(wheel([]), SV);
    renders(empty);
    expect(descOf(empty)).toBe("Årets händelser. Inga händelser under året.");
    expect(descOf(wheelSvg(wheel([]), EN))).toBe("The year's events. No events this year.");
    expect(marks(empty)).toHaveLength(0);
    expect(empty.match(/class="wheel-ring"/g)).toHaveLength(3);
    for (const month of SV_MONTHS) expect(visibleTexts(empty)).toContain(month);
  });

  it("renders to a PNG as wide as the SVG, with the canvas wider than the wheel and the size clamped", () => {
    const svg = wheelSvg(wheel(SAMPLE.occurrences, "2027-04-14"), { ...SV, interactive: false });
    const png = renders(svg);
    expect(pngSize(png).width).toBe(svgSize(svg).width);
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1440);
    expect(svgSize(wheelSvg(SAMPLE, { ...SV, size: 100 })).width).toBe(768);
    expect(svgSize(wheelSvg(SAMPLE, { ...SV, size: 9000 })).width).toBe(3840);
    expect(wheelSvg(SAMPLE, SV)).toBe(wheelSvg(structuredClone(SAMPLE), { ...SV }));
    expect(wheelSvg(SAMPLE, SV)).not.toMatch(/NaN|Infinity|undefined/);
  });
});
