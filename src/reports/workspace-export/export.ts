// Collects everything of one workspace into the lossless export format, read in one snapshot.
// PostgreSQL writes each value in its fixed written form (format.ts), so PGlite and a PostgreSQL server give the same bytes.
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client.ts";
import {
  EXPORT_FORMAT, EXPORT_TABLES, EXPORT_VERSION, IMPORTED_ACTION, WORKSPACE_TABLE,
  type ExportColumn, type ExportRow, type ExportTable, type WorkspaceExport,
} from "./format.ts";

export class ExportRefused extends Error {}

export const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function writtenForm(column: ExportColumn): string {
  const ref = `r.${quoted(column.name)}`;
  switch (column.kind) {
    case "timestamp":
      return `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
    case "date":
      return `to_char(${ref}, 'YYYY-MM-DD')`;
    case "bytea":
      return `translate(encode(${ref}, 'base64'), E'\\n', '')`;
    default:
      return ref;
  }
}

/** Object keys sorted at every depth (jsonb keeps no key order of its own worth keeping). */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/** A row with its keys in the table's column order and jsonb values with sorted keys. */
function canonicalRow(table: ExportTable, row: Record<string, unknown>): ExportRow {
  const out: ExportRow = {};
  for (const column of table.columns) {
    const value = row[column.name] ?? null;
    out[column.name] = column.kind === "jsonb" ? sortedKeys(value) : value;
  }
  return out;
}

async function readRows(db: Db, table: ExportTable, where: SQL): Promise<ExportRow[]> {
  const fields = table.columns.map((column) => `'${column.name}', ${writtenForm(column)}`).join(", ");
  const order = table.orderBy.map((name) => `r.${quoted(name)}`).join(", ");
  // Names come from the schema; the only values are the bound parameters in `where`.
  const select = sql.raw(`select coalesce(json_agg(json_build_object(${fields}) order by ${order}), '[]'::json) as rows from ${quoted(table.name)} r where `);
  const [result] = await queryRows<{ rows: Array<Record<string, unknown>> | string }>(db, sql`${select}${where}`);
  const rows = typeof result?.rows === "string" ? (JSON.parse(result.rows) as Array<Record<string, unknown>>) : (result?.rows ?? []);
  return rows.map((row) => canonicalRow(table, row));
}

/** Collects the workspace with this slug. Throws ExportRefused when there is none. */
export async function exportWorkspace(db: Db, slug: string): Promise<WorkspaceExport> {
  return db.transaction(
    async (tx) => {
      const t = tx as unknown as Db;
      const [workspace] = await readRows(t, WORKSPACE_TABLE, sql`r.slug = ${slug}`);
      if (!workspace) throw new ExportRefused(`there is no workspace with the slug "${slug}"`);
      const workspaceId = workspace.id as string;
      const tables: Record<string, ExportRow[]> = {};
      for (const table of EXPORT_TABLES) {
        if (table.name === "app_user") continue;
        const where = table.name === "audit_event" ? sql`r.workspace_id = ${workspaceId} and r.action <> ${IMPORTED_ACTION}` : sql`r.workspace_id = ${workspaceId}`;
        tables[table.name] = await readRows(t, table, where);
      }
      // The people: everyone the exported rows point at (members, authors, approvers, audit actors).
      const userIds = new Set<string>();
      for (const table of EXPORT_TABLES) {
        for (const { column, table: target } of table.references) {
          if (target !== "app_user") continue;
          for (const row of tables[table.name] ?? []) if (typeof row[column] === "string") userIds.add(row[column] as string);
        }
      }
      const users = await readRows(
        t,
        EXPORT_TABLES.find((table) => table.name === "app_user")!,
        sql`r.id in (select value::uuid from json_array_elements_text(${JSON.stringify([...userIds])}::json))`,
      );
      // Keys of `tables` in dependency order, whatever order they were read in.
      const ordered: Record<string, ExportRow[]> = {};
      for (const table of EXPORT_TABLES) ordered[table.name] = table.name === "app_user" ? users : (tables[table.name] ?? []);
      return { format: EXPORT_FORMAT, version: EXPORT_VERSION, workspace, tables: ordered };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
