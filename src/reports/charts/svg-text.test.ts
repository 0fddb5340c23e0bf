import { describe, expect, it } from "vitest";
import { contrastRatio, safeColour, sequentialColour, luminance, textColourOn } from "./colour.ts";
import { escapeXml, num, textWidth, truncateText, wrapText } from "./svg-text.ts";

describe("chart text", () => {
  it("escapes the five XML characters, keeps å/ä/ö and drops characters XML forbids", () => {
    expect(escapeXml(`a & b < c > d "e" 'f' åäöÅÄÖ`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos; åäöÅÄÖ");
    expect(escapeXml("x\u0000y\u0007z\uFFFF")).toBe("xyz");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });

  it("measures DejaVu Sans widths: i narrow, m wide, bold wider, unknown characters as wide", () => {
    expect(textWidth("iiii", 10)).toBeCloseTo(11.12, 1);
    expect(textWidth("mmmm", 10)).toBeCloseTo(38.96, 1);
    expect(textWidth("Åtgärd", 12, true)).toBeGreaterThan(textWidth("Åtgärd", 12));
    expect(textWidth("中", 10)).toBe(10);
  });

  it("wraps words into lines that fit, splits a word longer than a line, and cuts what does not fit", () => {
    const wrapped = wrapText("Staden arbetar aktivt med att förhindra att våld upprepas", 150, 13, 3);
    expect(wrapped.truncated).toBe(false);
    expect(wrapped.lines.join(" ")).toBe("Staden arbetar aktivt med att förhindra att våld upprepas");
    for (const line of wrapped.lines) expect(textWidth(line, 13)).toBeLessThanOrEqual(150);
    expect(wrapped.lines.length).toBeGreaterThan(1);

    const long = wrapText("Gymnasieochvuxenutbildningsförvaltningen", 80, 12, 5);
    expect(long.lines.length).toBeGreaterThan(1);
    expect(long.lines[0]).toMatch(/-$/);
    expect(long.lines.join("").replace(/-/g, "")).toBe("Gymnasieochvuxenutbildningsförvaltningen");

    const cut = wrapText("ett två tre fyra fem sex sju åtta nio tio elva tolv", 60, 12, 2);
    expect(cut.truncated).toBe(true);
    expect(cut.lines).toHaveLength(2);
    expect(cut.lines[1]).toMatch(/…$/);
    for (const line of cut.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(60);
  });

  it("truncates one line with an ellipsis only when it does not fit", () => {
    expect(truncateText("Kort", 100, 12)).toEqual({ text: "Kort", truncated: false });
    const cut = truncateText("Arbetsmarknads- och socialförvaltningen", 100, 12);
    expect(cut.truncated).toBe(true);
    expect(cut.text.endsWith("…")).toBe(true);
    expect(textWidth(cut.text, 12)).toBeLessThanOrEqual(100);
  });

  it("never writes NaN or Infinity as a coordinate", () => {
    expect(num(Number.NaN)).toBe("0");
    expect(num(Number.POSITIVE_INFINITY)).toBe("0");
    expect(num(12.345)).toBe("12.3");
    expect(num(-0.01)).toBe("0");
  });
});

describe("chart colours", () => {
  it("chooses black or white text with at least 4.5:1 contrast on any fill", () => {
    const fills = ["#9e9e9e", "#e69f00", "#56b4e9", "#009e73", "#cc79a7", "#0072b2", "#d55e00", "#f0e442", "#000000", "#ffffff", "#777777", "#808080", "#08306b", "#ff0000", "#00ff00", "#0000ff"];
    for (let i = 0; i <= 20; i += 1) fills.push(sequentialColour(i / 20));
    for (const fill of fills) expect(contrastRatio(fill, textColourOn(fill)), fill).toBeGreaterThanOrEqual(4.5);
    expect(textColourOn("#08306b")).toBe("#ffffff");
    expect(textColourOn("#e69f00")).toBe("#000000");
  });

  it("reads only hex colours; anything else becomes neutral grey", () => {
    expect(safeColour("#ABC")).toBe("#aabbcc");
    expect(safeColour("009E73")).toBe("#009e73");
    expect(safeColour('red" onload="x')).toBe("#9e9e9e");
    expect(safeColour(undefined)).toBe("#9e9e9e");
  });

  it("makes the heatmap scale one hue getting darker as the value grows", () => {
    let previous = Infinity;
    for (let i = 0; i <= 10; i += 1) {
      const l = luminance(sequentialColour(i / 10));
      expect(l).toBeLessThan(previous);
      previous = l;
    }
  });
});
