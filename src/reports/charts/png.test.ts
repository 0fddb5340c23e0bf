import { describe, expect, it } from "vitest";
import { barsSvg, heatmapSvg, statusBarsSvg, statusChangeSvg, svgToPng } from "./index.ts";
import { PNG_SIGNATURE, pngSize } from "./test-support.ts";

const text = { title: "Diagram", description: "Beskrivning." };

describe("svgToPng", () => {
  it("makes a PNG of the requested width from every chart", () => {
    const charts = [
      statusBarsSvg([{ label: "Mål 1", segments: [{ label: "Pågående", colour: "#56b4e9", value: 3 }] }], text),
      heatmapSvg({ rows: ["ASF"], columns: ["Mål 1"], values: [[2]] }, text),
      statusChangeSvg([{ label: "Pågående", colour: "#56b4e9", before: 1, after: 2 }], { ...text, beforeLabel: "2023", afterLabel: "2024" }),
      barsSvg([{ label: "Universell", value: 4 }], text),
      barsSvg([], text),
    ];
    for (const svg of charts) {
      const png = svgToPng(svg, { width: 1200 });
      expect(Array.from(png.slice(0, 8))).toEqual(PNG_SIGNATURE);
      expect(pngSize(png).width).toBe(1200);
      const svgHeight = Number(/height="(\d+)"/.exec(svg)?.[1]);
      expect(pngSize(png).height).toBe(Math.round((svgHeight * 1200) / 720));
    }
  });

  it("keeps the SVG's own size when no width is asked for", () => {
    const svg = barsSvg([{ label: "A", value: 1 }], text, { width: 500 });
    expect(pngSize(svgToPng(svg)).width).toBe(500);
  });

  it("draws text with the packaged DejaVu Sans (a text changes the picture)", () => {
    const page = (content: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="10" y="28" font-size="20" font-family="DejaVu Sans">${content}</text></svg>`;
    const empty = svgToPng(page(""));
    const swedish = svgToPng(page("åäö ÅÄÖ"));
    const other = svgToPng(page("abc ABC"));
    expect(Buffer.from(swedish).equals(Buffer.from(empty))).toBe(false);
    expect(Buffer.from(swedish).equals(Buffer.from(other))).toBe(false);
  });

  it("refuses malformed SVG", () => {
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><text>a & b</text></svg>')).toThrow();
    expect(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toThrow();
  });

  it("gives the same bytes for the same chart", () => {
    const svg = barsSvg([{ label: "Åtgärd", value: 3 }], text);
    expect(Buffer.from(svgToPng(svg, { width: 800 })).equals(Buffer.from(svgToPng(svg, { width: 800 })))).toBe(true);
  });
});
