// Writes docs/export-schema.json, the JSON Schema of the workspace export, from the same table list the export uses.
// Run after a schema change: `node --import tsx scripts/export-schema.ts` (test/integration/workspace-export.test.ts
// fails while the committed file is out of date).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { exportJsonSchema } from "../src/reports/workspace-export/format.ts";

export const SCHEMA_FILE = fileURLToPath(new URL("../docs/export-schema.json", import.meta.url));

export function exportSchemaText(): string {
  return `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, exportSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
