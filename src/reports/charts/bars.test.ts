import { describe, expect, it } from "vitest";
import { barsSvg, svgToPng } from "./index.ts";
import { assertWellFormed, descOf, NASTY, NASTY_ESCAPED, titles, visibleTexts } from "./test-support.ts";

const LEVELS = [{ label: "Universell prevention", value: 24 }, { label: "Selektiv prevention", value: 11 }, { label: "Indikerad prevention", value: 7 }];
const text = { title: "Aktiviteter per preventionsnivå", description: "Universell prevention: 24 aktiviteter …" };

function renders(svg: string): void {
  assertWellFormed(svg);
  expect(svgToPng(svg).length).toBeGreaterThan(100);
}

describe("barsSvg", () => {
  it("draws a labelled bar per item with its value, longer for more", () => {
    const svg = barsSvg(LEVELS, text);
    renders(svg);
    expect(svg).toContain('role="img"');
    expect(titles(svg)[0]).toBe(text.title);
    expect(descOf(svg)).toBe(text.description);
    const shown = visibleTexts(svg);
    for (const level of LEVELS) {
      expect(shown).toContain(level.label);
      expect(shown).toContain(String(level.value));
    }
    const widths = Array.from(svg.matchAll(/<rect [^>]*width="([\d.]+)" height="22" fill="#0072b2">/g), (m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]! / widths[2]!).toBeCloseTo(24 / 7, 1);
  });

  it("takes a hex colour and refuses anything else", () => {
    expect(barsSvg(LEVELS, text, { colour: "#D55E00" })).toContain('fill="#d55e00"');
    const odd = barsSvg(LEVELS, text, { colour: 'url(#x)" onload="alert(1)' });
    expect(odd).not.toContain("onload");
    expect(odd).toContain('fill="#0072b2"');
  });

  it("shows a missing value as a dash and decimals in the locale's way", () => {
    const svg = barsSvg([{ label: "Saknas", value: Number.NaN }, { label: "Andel", value: 2.5 }], text, { locale: "sv" });
    renders(svg);
    expect(visibleTexts(svg)).toEqual(expect.arrayContaining(["–", "2,5"]));
    expect(visibleTexts(barsSvg([{ label: "Share", value: 2.5 }], text, { locale: "en" }))).toContain("2.5");
    expect(svg).not.toContain("NaN");
  });

  it("escapes labels and keeps Swedish letters", () => {
    const svg = barsSvg([{ label: NASTY, value: 3 }], { title: NASTY, description: NASTY });
    renders(svg);
    expect(svg).toContain(NASTY_ESCAPED);
    expect(titles(svg)[0]).toBe(NASTY);
  });

  it("draws a calm chart saying 'no data' for no bars or only zeros", () => {
    for (const input of [[], [{ label: "A", value: 0 }], [{ label: "A", value: Number.NaN }]]) {
      const svg = barsSvg(input, text, { locale: "en" });
      renders(svg);
      expect(descOf(svg)).toBe(`${text.description} No data to show.`);
      expect(visibleTexts(svg)).toEqual(["No data to show."]);
    }
  });

  it("is deterministic", () => {
    expect(barsSvg(LEVELS, text)).toBe(barsSvg(structuredClone(LEVELS), { ...text }));
  });
});
