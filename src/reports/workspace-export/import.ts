// Reads a workspace export: checks the file (format, version, every row's shape, references inside the file), then writes
// it in ONE transaction — into an install that does not hold it yet, or as a copy under a new slug with new ids (--as).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client.ts";
import { recordAudit } from "../../commands/audit.ts";
import { WORKSPACE_LIMITS } from "../../commands/create-workspace.ts";
import { RESERVED_WORKSPACE_SLUGS, slugProblem } from "../../commands/support/plan-structure.ts";
import {
  EXPORT_FORMAT, EXPORT_TABLES, EXPORT_VERSION, IMPORTED_ACTION, WORKSPACE_TABLE, exportFileSchema,
  type ExportRow, type ExportTable, type WorkspaceExport,
} from "./format.ts";
import { quoted } from "./export.ts";

/** The file or the target database does not allow the import; the message says why. Nothing was written. */
export class ImportRefused extends Error {}

const MAX_ISSUES = 3;

/** Parses and checks the text of an export file. Throws ImportRefused with a message a person can act on. */
export function parseWorkspaceExport(text: string): WorkspaceExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportRefused(`the file is not complete JSON, so it may be truncated or damaged (${(error as Error).message})`);
  }
  const envelope = value as { format?: unknown; version?: unknown } | null;
  if (!envelope || typeof envelope !== "object" || Array.isArray(envelope) || envelope.format !== EXPORT_FORMAT) {
    throw new ImportRefused(`the file is not a Samverka workspace export (its "format" is not "${EXPORT_FORMAT}")`);
  }
  if (typeof envelope.version === "number" && Number.isInteger(envelope.version) && envelope.version > EXPORT_VERSION) {
    throw new ImportRefused(
      `the file is export format version ${envelope.version}, written by a newer Samverka; this version reads version ${EXPORT_VERSION}. ` +
        "Import it with a Samverka at least as new as the one that exported it",
    );
  }
  if (envelope.version !== EXPORT_VERSION) throw new ImportRefused(`the file's export format version ${JSON.stringify(envelope.version)} is not valid`);
  const checked = exportFileSchema.safeParse(value);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, MAX_ISSUES).map((issue) => `${issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "")}: ${issue.message}`);
    const more = checked.error.issues.length > MAX_ISSUES ? ` (and ${checked.error.issues.length - MAX_ISSUES} more)` : "";
    throw new ImportRefused(`the file does not match export format version ${EXPORT_VERSION}: ${issues.join("; ")}${more}`);
  }
  const file = checked.data as unknown as WorkspaceExport;
  checkReferences(file);
  return file;
}

/** Every row belongs to the file's workspace, ids are unique, and every reference points at a row in the file. */
function checkReferences(file: WorkspaceExport): void {
  const workspaceId = file.workspace.id as string;
  const ids = new Map<string, Set<string>>([["workspace", new Set([workspaceId])]]);
  for (const table of EXPORT_TABLES) {
    if (!table.hasId) continue;
    const seen = new Set<string>();
    for (const row of file.tables[table.name] ?? []) {
      if (seen.has(row.id as string)) throw new ImportRefused(`the file holds the id ${String(row.id)} twice in ${table.name}`);
      seen.add(row.id as string);
    }
    ids.set(table.name, seen);
  }
  for (const table of EXPORT_TABLES) {
    (file.tables[table.name] ?? []).forEach((row, index) => {
      for (const { column, table: target } of table.references) {
        const value = row[column];
        if (value === null) continue;
        if (!ids.get(target)?.has(value as string)) {
          throw new ImportRefused(`tables.${table.name}[${index}].${column} points at a ${target} that is not in the file (${String(value)})`);
        }
      }
      if (!("workspace_id" in row)) return;
      if (row.workspace_id !== workspaceId && !(table.name === "audit_event" && row.workspace_id === null)) {
        throw new ImportRefused(`tables.${table.name}[${index}] belongs to another workspace than the file's`);
      }
      if (table.name === "audit_event" && row.workspace_id === null) throw new ImportRefused(`tables.audit_event[${index}] belongs to no workspace`);
    });
  }
}

const UUID_IN_TEXT = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Replaces every id of the map wherever it occurs: id and reference columns, ids inside texts and jsonb (keys too). */
function remapped(value: unknown, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === "string") return value.replace(UUID_IN_TEXT, (found) => map.get(found.toLowerCase()) ?? found);
  if (Array.isArray(value)) return value.map((item) => remapped(item, map));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [remapped(key, map) as string, remapped(item, map)]));
  }
  return value;
}

function remapRow(table: ExportTable, row: ExportRow, map: ReadonlyMap<string, string>): ExportRow {
  if (map.size === 0) return row;
  const out: ExportRow = {};
  for (const column of table.columns) out[column.name] = column.kind === "bytea" ? row[column.name] : remapped(row[column.name], map);
  return out;
}

/** A row as json_populate_recordset reads it: bytea as PostgreSQL's hex text. */
function databaseRow(table: ExportTable, row: ExportRow): ExportRow {
  const out: ExportRow = { ...row };
  for (const column of table.columns) {
    const value = row[column.name];
    if (column.kind === "bytea" && typeof value === "string") out[column.name] = `\\x${Buffer.from(value, "base64").toString("hex")}`;
  }
  return out;
}

async function insertRows(db: Db, table: ExportTable, rows: ExportRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = table.columns.map((column) => quoted(column.name)).join(", ");
  // One statement per table: self-references (organisation.parent_id) are checked at its end, so row order does not matter.
  const head = sql.raw(`insert into ${quoted(table.name)} (${columns}) select ${columns} from json_populate_recordset(null::${quoted(table.name)}, `);
  await db.execute(sql`${head}${JSON.stringify(rows.map((row) => databaseRow(table, row)))}::json)`);
}

async function existingIds(db: Db, table: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const head = sql.raw(`select count(*)::int as n from ${quoted(table)} where id in (select value::uuid from json_array_elements_text(`);
  const [row] = await queryRows<{ n: number }>(db, sql`${head}${JSON.stringify(ids)}::json))`);
  return Number(row?.n ?? 0);
}

export interface ImportOptions {
  /** Import as a copy under this slug: every id is replaced by a new one. */
  as?: string;
  /** How the import was started, for the audit event ("cli"). */
  via?: string;
  actorUserId?: string | null;
}

export interface ImportResult {
  workspaceId: string;
  slug: string;
  /** Rows written, the workspace row and new accounts included. */
  rows: number;
  usersCreated: number;
  usersMatched: number;
  /** Each id of the file that was written under another id: old → new. */
  idMap: Map<string, string>;
}

/** Writes a checked export in one transaction. Throws ImportRefused (nothing written) when the database does not allow it. */
export async function importWorkspace(db: Db, file: WorkspaceExport, options: ImportOptions = {}): Promise<ImportResult> {
  const copy = options.as !== undefined;
  const slug = options.as ?? (file.workspace.slug as string);
  if (copy) {
    const problem = slugProblem(slug, WORKSPACE_LIMITS.slug, RESERVED_WORKSPACE_SLUGS);
    if (problem) {
      throw new ImportRefused(
        `"${slug}" cannot be a workspace slug: ${problem.key === "ps.slugReserved" ? "it is reserved" : `use 1–${WORKSPACE_LIMITS.slug} lower-case letters, digits and hyphens`}`,
      );
    }
  }
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [taken] = await queryRows<{ id: string }>(t, sql`select id from workspace where slug = ${slug}`);
      if (taken) {
        throw new ImportRefused(
          copy
            ? `a workspace with the slug "${slug}" already exists; choose another slug for --as`
            : `a workspace with the slug "${slug}" already exists; give --as <new-slug> to import the file as a copy`,
        );
      }
      const idMap = new Map<string, string>();
      if (copy) {
        idMap.set(file.workspace.id as string, randomUUID());
        for (const table of EXPORT_TABLES) {
          if (!table.hasId || table.name === "app_user") continue;
          for (const row of file.tables[table.name] ?? []) idMap.set(row.id as string, randomUUID());
        }
      } else {
        const owned = [file.workspace.id as string];
        let clashes = await existingIds(t, "workspace", owned);
        for (const table of EXPORT_TABLES) {
          if (!table.hasId || table.name === "app_user") continue;
          clashes += await existingIds(t, table.name, (file.tables[table.name] ?? []).map((row) => row.id as string));
        }
        if (clashes > 0) {
          throw new ImportRefused(
            `this database already holds ${clashes} of the file's ids (the workspace was probably imported or restored here before); ` +
              "give --as <new-slug> to import it as a copy with new ids",
          );
        }
      }

      // People: an account with the same address is the same person (its name and password are left as they are);
      // anyone else gets an account without a password, to be set through "forgot password".
      const userTable = EXPORT_TABLES.find((table) => table.name === "app_user")!;
      const newUsers: ExportRow[] = [];
      let usersMatched = 0;
      for (const user of file.tables.app_user ?? []) {
        const email = (user.email as string).toLowerCase();
        const [existing] = await queryRows<{ id: string }>(t, sql`select id from app_user where email = ${email}`);
        if (existing) {
          usersMatched++;
          if (existing.id !== user.id) idMap.set(user.id as string, existing.id);
          continue;
        }
        const idTaken = (await existingIds(t, "app_user", [user.id as string])) > 0;
        const id = idTaken ? randomUUID() : (user.id as string);
        if (id !== user.id) idMap.set(user.id as string, id);
        newUsers.push({ ...user, id, email });
      }
      await insertRows(t, userTable, newUsers);

      const workspace: ExportRow = { ...remapRow(WORKSPACE_TABLE, file.workspace, idMap), slug };
      await insertRows(t, WORKSPACE_TABLE, [workspace]);
      let rows = 1 + newUsers.length;
      for (const table of EXPORT_TABLES) {
        if (table.name === "app_user") continue;
        const tableRows = (file.tables[table.name] ?? []).map((row) => remapRow(table, row, idMap));
        await insertRows(t, table, tableRows);
        rows += tableRows.length;
      }
      const workspaceId = workspace.id as string;
      // The importing install's own record; never exported, so a later export of this workspace equals the file.
      await recordAudit(t, {
        workspaceId,
        actorUserId: options.actorUserId ?? null,
        via: options.via ?? "cli",
        action: IMPORTED_ACTION,
        subjectType: "workspace",
        subjectId: workspaceId,
        changes: copy ? [{ field: "slug", before: file.workspace.slug, after: slug }] : [],
      });
      return { workspaceId, slug, rows, usersCreated: newUsers.length, usersMatched, idMap };
    });
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    // A row the database refuses (a value out of range, a broken reference): the transaction wrote nothing.
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message ?? String(error);
    throw new ImportRefused(`the database refused a row of the file, so nothing was imported (${(cause.split("\n")[0] ?? "").replace(/\s*params:.*$/s, "")})`);
  }
}
