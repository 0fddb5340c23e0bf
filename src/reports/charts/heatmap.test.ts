import { describe, expect, it } from "vitest";
import { contrastRatio, luminance } from "./colour.ts";
import { heatmapSvg, svgToPng } from "./index.ts";
import { assertWellFormed, descOf, GOALS, NASTY, NASTY_ESCAPED, titles, unescape, visibleTexts } from "./test-support.ts";

const ORGS = ["Arbetsmarknads- och socialförvaltningen", "Grundskoleförvaltningen", "Gymnasie- och vuxenutbildningsförvaltningen", "Hälsa-, vård- och omsorgsförvaltningen"];
const VALUES = [[0, 2, 4, 0, 1, 3], [5, 0, 2, 4, 6, 1], [3, 5, 0, 2, 4, 6], [1, 3, 0, 0, 2, 0]];
const text = { title: "Aktiviteter per förvaltning och inriktningsmål", description: "Arbetsmarknads- och socialförvaltningen: 10 aktiviteter …" };

function renders(svg: string): void {
  assertWellFormed(svg);
  expect(svgToPng(svg).length).toBeGreaterThan(100);
}

/** Each cell: its <title>, rectangle fill and the text it shows with that text's colour. */
function cells(svg: string) {
  return Array.from(
    svg.matchAll(/<g><title>([^<]*)<\/title><rect [^>]*fill="(#[0-9a-f]{6})"[^>]*\/><text [^>]*fill="(#[0-9a-f]{6})"[^>]*>([^<]*)<\/text><\/g>/g),
    (m) => ({ title: unescape(m[1]!), fill: m[2]!, ink: m[3]!, shown: unescape(m[4]!) }),
  );
}

describe("heatmapSvg", () => {
  it("writes the number in every cell, with the full row and column names in the cell's title", () => {
    const svg = heatmapSvg({ rows: ORGS, columns: GOALS, values: VALUES }, text);
    renders(svg);
    expect(svg).toContain('role="img"');
    expect(titles(svg)[0]).toBe(text.title);
    expect(descOf(svg)).toBe(text.description);
    const all = cells(svg);
    expect(all).toHaveLength(ORGS.length * GOALS.length);
    ORGS.forEach((org, r) => GOALS.forEach((goal, c) => {
      const cell = all[r * GOALS.length + c]!;
      expect(cell.shown).toBe(String(VALUES[r]![c]));
      expect(cell.title).toBe(`${org} – ${goal}: ${VALUES[r]![c]}`);
    }));
  });

  it("colours cells on one hue, darker for more, with readable numbers on every cell", () => {
    const all = cells(heatmapSvg({ rows: ORGS, columns: GOALS, values: VALUES }, text));
    const byValue = new Map(all.map((cell) => [Number(cell.shown), cell.fill]));
    const order = [...byValue.keys()].sort((a, b) => a - b);
    for (let i = 1; i < order.length; i += 1) expect(luminance(byValue.get(order[i]!)!)).toBeLessThan(luminance(byValue.get(order[i - 1]!)!));
    for (const cell of all) expect(contrastRatio(cell.fill, cell.ink), cell.title).toBeGreaterThanOrEqual(4.5);
    for (const cell of all) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(cell.fill.slice(i, i + 2), 16)) as [number, number, number];
      expect(b, cell.fill).toBeGreaterThanOrEqual(Math.max(r, g)); // blue family only
    }
  });

  it("wraps or cuts long column labels and keeps the full text in a <title>", () => {
    const svg = heatmapSvg({ rows: ORGS, columns: GOALS, values: VALUES }, text);
    const shown = visibleTexts(svg);
    const sixth = GOALS[5]!;
    expect(shown).not.toContain(sixth);
    expect(shown.some((t) => t.endsWith("…") && sixth.startsWith(t.slice(0, 10)))).toBe(true);
    expect(svg).toMatch(new RegExp(`<text [^>]*><title>${sixth}</title><tspan`));
    // Short names are shown whole.
    expect(visibleTexts(heatmapSvg({ rows: ["ASF"], columns: ["Mål 1", "Mål 2"], values: [[1, 2]] }, text))).toEqual(["Mål 1", "Mål 2", "ASF", "1", "2"]);
  });

  it("draws a missing value as a dash and says so in the cell's title", () => {
    const svg = heatmapSvg({ rows: ["A", "B"], columns: ["Mål 1", "Mål 2"], values: [[1, Number.NaN], [2]] }, text);
    renders(svg);
    const all = cells(svg);
    expect(all.map((c) => c.shown)).toEqual(["1", "–", "2", "–"]);
    expect(all[1]!.title).toBe("A – Mål 2: uppgift saknas");
    expect(cells(heatmapSvg({ rows: ["A"], columns: ["G"], values: [[1, 2]] }, text, { locale: "en" }))).toHaveLength(1);
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it("escapes names and keeps Swedish letters", () => {
    const svg = heatmapSvg({ rows: [NASTY], columns: [NASTY], values: [[7]] }, { title: NASTY, description: NASTY });
    renders(svg);
    expect(svg).toContain(NASTY_ESCAPED);
    expect(svg).not.toContain("<Hälsa>");
    expect(cells(svg)[0]!.title).toBe(`${NASTY} – ${NASTY}: 7`);
  });

  it("draws a calm chart saying 'no data' with no rows, no columns or only zeros", () => {
    for (const data of [{ rows: [], columns: [], values: [] }, { rows: ["A"], columns: [], values: [[]] }, { rows: [], columns: ["G"], values: [] }, { rows: ["A"], columns: ["G"], values: [[0]] }]) {
      const svg = heatmapSvg(data, text, { locale: "en" });
      renders(svg);
      expect(descOf(svg)).toBe(`${text.description} No data to show.`);
    }
    expect(() => heatmapSvg(undefined as unknown as { rows: string[]; columns: string[]; values: number[][] }, text)).not.toThrow();
  });

  it("is deterministic", () => {
    const data = { rows: ORGS, columns: GOALS, values: VALUES };
    expect(heatmapSvg(data, text, { idPrefix: "h" })).toBe(heatmapSvg(structuredClone(data), { ...text }, { idPrefix: "h" }));
  });
});
