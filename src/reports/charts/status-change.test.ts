import { describe, expect, it } from "vitest";
import { statusChangeSvg, svgToPng } from "./index.ts";
import { assertWellFormed, descOf, NASTY, NASTY_ESCAPED, STATUSES, titles, visibleTexts } from "./test-support.ts";

const BEFORE = [4, 8, 12, 3, 1];
const AFTER = [2, 6, 15, 9, 1];
const rows = STATUSES.map((s, i) => ({ ...s, before: BEFORE[i]!, after: AFTER[i]! }));
const text = { title: "Status före och efter", description: "Pågående: 12 i 2023, 15 i 2024 …", beforeLabel: "Uppföljning 2023", afterLabel: "Uppföljning 2024" };

function renders(svg: string): void {
  assertWellFormed(svg);
  expect(svgToPng(svg).length).toBeGreaterThan(100);
}

describe("statusChangeSvg", () => {
  it("draws before and after per status with values, the change, and a legend naming both rounds", () => {
    const svg = statusChangeSvg(rows, text);
    renders(svg);
    expect(svg).toContain('role="img"');
    expect(titles(svg)[0]).toBe(text.title);
    expect(descOf(svg)).toBe(text.description);
    const shown = visibleTexts(svg);
    expect(shown).toContain("Uppföljning 2023");
    expect(shown).toContain("Uppföljning 2024");
    for (const s of STATUSES) expect(shown).toContain(s.label);
    expect(shown).toContain("4");
    expect(shown).toContain("2 (\u22122)");
    expect(shown).toContain("15 (+3)");
    expect(shown).toContain("9 (+6)");
    expect(shown).toContain("1 (±0)");
    expect(svg).toContain('fill="#009e73"');
  });

  it("writes a missing value as a dash and no change", () => {
    const svg = statusChangeSvg([{ label: "Pågående", colour: "#56b4e9", before: Number.NaN, after: 3 }], text, { locale: "en" });
    renders(svg);
    expect(visibleTexts(svg)).toEqual(expect.arrayContaining(["–", "3"]));
    expect(svg).not.toMatch(/NaN|\(\+/);
  });

  it("escapes labels and round names", () => {
    const svg = statusChangeSvg([{ label: NASTY, colour: "#56b4e9", before: 1, after: 2 }], { ...text, beforeLabel: NASTY, afterLabel: "Efter & nu" });
    renders(svg);
    expect(svg).toContain(NASTY_ESCAPED);
    expect(svg).toContain("Efter &amp; nu");
    expect(visibleTexts(svg)).toContain(NASTY);
  });

  it("draws a calm chart saying 'no data' for no rows or only zeros", () => {
    for (const input of [[], [{ label: "A", colour: "#000000", before: 0, after: 0 }]]) {
      const svg = statusChangeSvg(input, text);
      renders(svg);
      expect(descOf(svg)).toBe(`${text.description} Inga uppgifter att visa.`);
    }
  });

  it("is deterministic", () => {
    expect(statusChangeSvg(rows, text)).toBe(statusChangeSvg(structuredClone(rows), { ...text }));
  });
});
