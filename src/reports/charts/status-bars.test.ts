import { describe, expect, it } from "vitest";
import { contrastRatio } from "./colour.ts";
import { statusBarsSvg, svgToPng } from "./index.ts";
import { assertWellFormed, descOf, GOALS, NASTY, NASTY_ESCAPED, STATUSES, titles, visibleTexts } from "./test-support.ts";

const COUNTS = [[1, 3, 5, 2, 0], [0, 2, 1, 0, 0], [2, 4, 6, 3, 1], [0, 1, 3, 1, 0], [1, 0, 2, 0, 0], [0, 2, 4, 5, 1]];
const bars = GOALS.map((label, g) => ({ label, segments: STATUSES.map((s, i) => ({ ...s, value: COUNTS[g]![i]! })) }));
const text = { title: "Aktiviteter per status", description: "Inriktningsmål 1 har 11 aktiviteter: 1 ej påbörjad, 3 …" };

/** Renders through resvg, which refuses malformed SVG. */
function renders(svg: string): void {
  assertWellFormed(svg);
  expect(svgToPng(svg).length).toBeGreaterThan(100);
}

describe("statusBarsSvg", () => {
  it("draws one bar per goal with every count, the totals and a legend of the statuses", () => {
    const svg = statusBarsSvg(bars, text);
    renders(svg);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img"/);
    expect(titles(svg)[0]).toBe(text.title);
    expect(descOf(svg)).toBe(text.description);
    const shown = visibleTexts(svg);
    for (const s of STATUSES) expect(shown).toContain(s.label);
    for (const goal of GOALS.slice(0, 5)) expect(shown).toContain(goal);
    // One written number per non-zero segment, plus the total per bar.
    const numbers = shown.filter((t) => /^\d+$/.test(t));
    const segmentValues = COUNTS.flat().filter((v) => v > 0).map(String);
    const totals = COUNTS.map((row) => String(row.reduce((a, b) => a + b, 0)));
    const axis = ["0", "2", "4", "6", "8", "10", "12", "14", "16"];
    expect(numbers.sort()).toEqual([...segmentValues, ...totals, ...axis].sort());
    for (const s of STATUSES) expect(svg).toContain(`fill="${s.colour}"`);
  });

  it("writes the count on a segment in black or white, whichever contrasts at least 4.5:1", () => {
    const svg = statusBarsSvg([{ label: "Mål", segments: [{ label: "Mörk", colour: "#08306b", value: 5 }, { label: "Ljus", colour: "#f0e442", value: 5 }] }], text);
    const dark = /<text [^>]*fill="(#[0-9a-f]{6})"[^>]*>5<\/text>/g;
    const inks = Array.from(svg.matchAll(dark), (m) => m[1]);
    expect(inks).toEqual(["#ffffff", "#000000"]);
    expect(contrastRatio("#08306b", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#f0e442", "#000000")).toBeGreaterThanOrEqual(4.5);
  });

  it("writes the count of a segment too narrow for it under the bar, in dark text on white", () => {
    const svg = statusBarsSvg([{ label: "Mål", segments: [{ label: "Stor", colour: "#56b4e9", value: 200 }, { label: "Liten", colour: "#cc79a7", value: 1 }] }], text);
    renders(svg);
    expect(svg).toMatch(/<text [^>]*fill="#1a1a1a">1<\/text>/);
    expect(visibleTexts(svg)).toContain("201");
  });

  it("escapes names with < & and quotes and keeps Swedish letters", () => {
    const svg = statusBarsSvg(
      [{ label: NASTY, segments: [{ label: NASTY, colour: "#009e73", value: 3 }] }],
      { title: `Titel ${NASTY}`, description: `Beskrivning ${NASTY}` },
    );
    renders(svg);
    expect(svg).toContain(NASTY_ESCAPED);
    expect(svg).not.toContain("<Hälsa>");
    expect(titles(svg)[0]).toBe(`Titel ${NASTY}`);
    expect(descOf(svg)).toBe(`Beskrivning ${NASTY}`);
    expect(visibleTexts(svg)).toContain(NASTY);
  });

  it("draws a calm chart saying 'no data' for no goals, all zeros or unusable values", () => {
    for (const input of [[], [{ label: "Mål 1", segments: [] }], [{ label: "Mål 1", segments: [{ label: "A", colour: "#000", value: 0 }] }],
      [{ label: "Mål 1", segments: [{ label: "A", colour: "#000", value: Number.NaN }, { label: "B", colour: "x", value: -3 }, { label: "C", colour: "#fff", value: undefined as unknown as number }] }]]) {
      const svg = statusBarsSvg(input, text);
      renders(svg);
      expect(descOf(svg)).toBe(`${text.description} Inga uppgifter att visa.`);
      expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(descOf(statusBarsSvg([], { title: "T", description: "" }, { locale: "en" }))).toBe("No data to show.");
  });

  it("treats a missing value as zero beside real ones and never writes NaN", () => {
    const svg = statusBarsSvg([{ label: "Mål", segments: [{ label: "A", colour: "#009e73", value: Number.NaN }, { label: "B", colour: "#56b4e9", value: 4 }] }], text);
    renders(svg);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(descOf(svg)).toBe(text.description);
    expect(visibleTexts(svg).filter((t) => t === "4")).toHaveLength(3); // segment, total, axis tick
  });

  it("formats numbers for the locale", () => {
    const big = [{ label: "Mål", segments: [{ label: "A", colour: "#56b4e9", value: 12345 }] }];
    expect(visibleTexts(statusBarsSvg(big, text, { locale: "sv" }))).toContain("12\u00a0345");
    expect(visibleTexts(statusBarsSvg(big, text, { locale: "en" }))).toContain("12,345");
  });

  it("is deterministic, writes ids only from idPrefix, and honours the width", () => {
    expect(statusBarsSvg(bars, text)).toBe(statusBarsSvg(structuredClone(bars), { ...text }));
    expect(statusBarsSvg(bars, text)).not.toContain(" id=");
    const withIds = statusBarsSvg(bars, text, { idPrefix: "goal-chart", width: 900 });
    expect(withIds).toContain('aria-labelledby="goal-chart-title" aria-describedby="goal-chart-desc"');
    expect(withIds).toContain('<title id="goal-chart-title">');
    expect(withIds).toMatch(/^<svg [^>]*width="900"/);
    expect(statusBarsSvg(bars, text, { idPrefix: '"><script>' })).toContain('id="script-title"');
  });
});
