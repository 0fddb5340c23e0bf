// Import figures: read + recognise (the readers, the personal-data check and the recogniser, no target plan) of our
// own fixtures as Word and PDF, and of the seed documents when ../shared/seeds is there (≤100 KB of text each), against
// a floor measured in the same run: decoding the same bytes and splitting them into lines.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readAndRecognise } from "../src/import/read-and-recognise.ts";
import { exempelbyActionPlanDocx, exempelbyActionPlanPdf } from "../test/support/import-fixtures.ts";
import { medianOfRuns, round } from "./stats.ts";

export interface ImportFigure {
  ms: number;
  kb: number;
  ratioToFloor: number;
}

const SEEDS = join(process.cwd(), "..", "shared", "seeds");


export async function benchImport(options: { runs: number; log: (line: string) => void }): Promise<{ documents: Record<string, ImportFigure>; seeds: boolean }> {
  const documents: Array<{ name: string; file: string; bytes: Uint8Array }> = [
    { name: "exempelbyDocx", file: "plan.docx", bytes: await exempelbyActionPlanDocx() },
    { name: "exempelbyPdf", file: "plan.pdf", bytes: await exempelbyActionPlanPdf() },
  ];
  const seeds = existsSync(SEEDS);
  if (seeds) {
    for (const [name, file] of [["seedPlanText", "malmo-plan-fri-fran-vald-2022-2026.txt"], ["seedActionPlanMd", "malmo-asf-handlingsplan-2023-2026.md"], ["seedFollowUpOcr", "malmo-asf-uppfoljning-2024-ocr.txt"]] as const) {
      documents.push({ name, file, bytes: readFileSync(join(SEEDS, file)) });
    }
  } else options.log(`  ${SEEDS} is absent: only our own fixtures are measured`);
  const out: Record<string, ImportFigure> = {};
  for (const d of documents) {
    options.log(`  ${d.name}: read + recognise, ${options.runs} runs…`);
    const ms = await medianOfRuns(options.runs, async () => {
      const result = await readAndRecognise(d.bytes, d.file, null, "sv");
      if (!result.ok) throw new Error(`${d.file}: ${result.message}`);
    });
    const floorMs = await medianOfRuns(options.runs, () => new TextDecoder("utf-8").decode(d.bytes).split("\n").length);
    out[d.name] = { ms: round(ms, 1), kb: round(d.bytes.byteLength / 1024, 1), ratioToFloor: round(ms / Math.max(floorMs, 0.001), 0) };
  }
  return { documents: out, seeds };
}
