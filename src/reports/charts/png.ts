// SVG → PNG with resvg, using the DejaVu Sans files from the dejavu-fonts-ttf package (never system fonts), so
// the picture is the same on every machine and å/ä/ö are drawn.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";

let fontFiles: string[] | undefined;

function dejavuFiles(): string[] {
  if (!fontFiles) {
    const dir = join(dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fontFiles = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"].map((file) => join(dir, file));
  }
  return fontFiles;
}

/** The SVG as a PNG on white, scaled to `width` pixels (default: the SVG's own width). Throws on malformed SVG. */
export function svgToPng(svg: string, options?: { width?: number }): Uint8Array {
  const width = options?.width;
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: dejavuFiles(), defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    fitTo: typeof width === "number" && Number.isFinite(width) && width > 0 ? { mode: "width", value: Math.round(width) } : { mode: "original" },
    background: "#ffffff",
    logLevel: "off",
  });
  return new Uint8Array(resvg.render().asPng());
}
