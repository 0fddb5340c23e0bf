// The lossless workspace export format ("samverka-workspace", version 1): which tables and columns it holds, how each
// column's value is written, the zod check of a file, and the JSON Schema published in docs/export-schema.json.
// Everything is derived from the drizzle schema through tablesInDependencyOrder, so a new table or column shows up here.
import { z } from "zod";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { tablesInDependencyOrder } from "../../db/tables.ts";

export const EXPORT_FORMAT = "samverka-workspace";
export const EXPORT_VERSION = 1;

/** Audit events with this action are written by the importing install and never exported (so export → import → export is identical). */
export const IMPORTED_ACTION = "workspace.imported";

/**
 * Tables never exported: sessions (log-ins), invitations (single-use token hashes, and password-reset requests) and the
 * mail outbox (holds one-time links in its message bodies), and imports between upload and commit (working data; what
 * was committed is in the plan's own tables). The workspace row is the envelope's `workspace`.
 */
export const LEFT_OUT_TABLES: ReadonlySet<string> = new Set(["session", "invitation", "mail_outbox", "import_draft"]);

/** Columns never exported. Accounts carry only who the person is; a group's calendar-feed token is a secret. */
export const LEFT_OUT_COLUMNS: Readonly<Record<string, ReadonlySet<string>>> = {
  app_user: new Set(["password_hash", "system_admin", "version", "created_at", "updated_at"]),
  group: new Set(["calendar_token"]),
};

export type ColumnKind = "uuid" | "text" | "integer" | "bigint" | "boolean" | "timestamp" | "date" | "numeric" | "jsonb" | "bytea";

export interface ExportColumn {
  name: string;
  kind: ColumnKind;
  nullable: boolean;
}

export interface ExportTable {
  name: string;
  table: PgTable;
  /** In the schema's column order: the order of every row's keys in the file. */
  columns: ExportColumn[];
  /** Columns the rows are ordered by: id, or the composite primary key of a link table. */
  orderBy: string[];
  hasId: boolean;
  /** Single-column foreign keys: column → referenced table (all reference that table's id). */
  references: Array<{ column: string; table: string }>;
}

const KINDS: Record<string, ColumnKind> = {
  uuid: "uuid",
  text: "text",
  integer: "integer",
  bigint: "bigint",
  boolean: "boolean",
  "timestamp with time zone": "timestamp",
  date: "date",
  numeric: "numeric",
  jsonb: "jsonb",
  bytea: "bytea",
};

function describe(name: string, table: PgTable): ExportTable {
  const config = getTableConfig(table);
  const leftOut = LEFT_OUT_COLUMNS[name] ?? new Set<string>();
  const columns = config.columns
    .filter((column) => !leftOut.has(column.name))
    .map((column) => {
      const kind = KINDS[column.getSQLType()];
      // A new column type must be given a written form here before it can be exported.
      if (!kind) throw new Error(`workspace export: column ${name}.${column.name} has type ${column.getSQLType()} with no export form`);
      return { name: column.name, kind, nullable: !column.notNull };
    });
  const hasId = config.columns.some((column) => column.name === "id" && column.primary);
  const orderBy = hasId ? ["id"] : (config.primaryKeys[0]?.columns.map((column) => column.name) ?? []);
  if (orderBy.length === 0) throw new Error(`workspace export: table ${name} has no primary key to order by`);
  const references = config.foreignKeys.map((fk) => {
    const reference = fk.reference();
    if (reference.columns.length !== 1 || reference.foreignColumns[0]?.name !== "id") throw new Error(`workspace export: ${name} has a foreign key this format does not handle`);
    return { column: reference.columns[0]!.name, table: getTableConfig(reference.foreignTable).name };
  });
  return { name, table, columns, orderBy, hasId, references };
}

/** The workspace row, described like the tables (it is the envelope's `workspace`). */
export const WORKSPACE_TABLE: ExportTable = describe("workspace", tablesInDependencyOrder.find((t) => t.name === "workspace")!.table);

/** The exported tables in dependency order (parents first): the keys of `tables`, in this order. */
export const EXPORT_TABLES: readonly ExportTable[] = tablesInDependencyOrder
  .filter((t) => t.name !== "workspace" && !LEFT_OUT_TABLES.has(t.name))
  .map((t) => describe(t.name, t.table));

export type ExportRow = Record<string, unknown>;

export interface WorkspaceExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  workspace: ExportRow;
  tables: Record<string, ExportRow[]>;
}

// ---- written forms of values -------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Always UTC with microseconds (PostgreSQL's precision), e.g. 2024-03-01T09:30:00.123456Z. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const patterns: Partial<Record<ColumnKind, RegExp>> = { uuid: UUID, timestamp: TIMESTAMP, date: DATE, bytea: BASE64 };

function zodFor(kind: ColumnKind): z.ZodType {
  switch (kind) {
    case "uuid":
    case "timestamp":
    case "date":
    case "bytea":
      return z.string().regex(patterns[kind]!, { message: `not a ${kind} in the export's written form` });
    case "text":
      return z.string();
    case "integer":
      return z.number().int().min(-2147483648).max(2147483647);
    case "bigint":
      return z.number().int().refine(Number.isSafeInteger, { message: "not a safe integer" });
    case "boolean":
      return z.boolean();
    case "numeric":
      return z.number();
    case "jsonb":
      return z.json();
  }
}

function rowSchema(table: ExportTable) {
  const shape: Record<string, z.ZodType> = {};
  for (const column of table.columns) shape[column.name] = column.nullable ? zodFor(column.kind).nullable() : zodFor(column.kind);
  return z.strictObject(shape);
}

/** The zod check of a whole file (after its format and version were found acceptable). */
export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  workspace: rowSchema(WORKSPACE_TABLE),
  tables: z.strictObject(Object.fromEntries(EXPORT_TABLES.map((table) => [table.name, z.array(rowSchema(table))]))),
});

// ---- JSON Schema (docs/export-schema.json) -----------------------------------------------------------------------

function jsonSchemaFor(column: ExportColumn): Record<string, unknown> {
  const base: Record<string, unknown> = (() => {
    switch (column.kind) {
      case "uuid":
        return { type: "string", format: "uuid", pattern: UUID.source };
      case "timestamp":
        return { type: "string", format: "date-time", pattern: TIMESTAMP.source, description: "UTC, microseconds" };
      case "date":
        return { type: "string", format: "date", pattern: DATE.source };
      case "bytea":
        return { type: "string", contentEncoding: "base64", pattern: BASE64.source };
      case "text":
        return { type: "string" };
      case "integer":
        return { type: "integer", minimum: -2147483648, maximum: 2147483647 };
      case "bigint":
        return { type: "integer" };
      case "boolean":
        return { type: "boolean" };
      case "numeric":
        return { type: "number" };
      case "jsonb":
        return { description: "any JSON value; object keys sorted" };
    }
  })();
  if (!column.nullable) return base;
  if (column.kind === "jsonb") return base;
  return { ...base, type: [base.type as string, "null"] };
}

function rowJsonSchema(table: ExportTable): Record<string, unknown> {
  return {
    type: "object",
    description: `One row of ${table.name}; keys in this order; rows ordered by ${table.orderBy.join(", ")}.`,
    properties: Object.fromEntries(table.columns.map((column) => [column.name, jsonSchemaFor(column)])),
    required: table.columns.map((column) => column.name),
    additionalProperties: false,
  };
}

/** The published JSON Schema (draft 2020-12) of the format, generated from the same table list as the export. */
export function exportJsonSchema(): Record<string, unknown> {
  const rowDefs = Object.fromEntries([WORKSPACE_TABLE, ...EXPORT_TABLES].map((table) => [table.name, rowJsonSchema(table)]));
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Samverka workspace export, version 1",
    description:
      "A full, lossless export of one workspace (see docs/export-format.md). Generated by scripts/export-schema.ts from the database schema; do not edit.",
    type: "object",
    properties: {
      format: { const: EXPORT_FORMAT },
      version: { const: EXPORT_VERSION },
      workspace: { $ref: "#/$defs/workspace" },
      tables: {
        type: "object",
        description: "Every exported table, in dependency order (parents first); each an array of rows.",
        properties: Object.fromEntries(EXPORT_TABLES.map((table) => [table.name, { type: "array", items: { $ref: `#/$defs/${table.name}` } }])),
        required: EXPORT_TABLES.map((table) => table.name),
        additionalProperties: false,
      },
    },
    required: ["format", "version", "workspace", "tables"],
    additionalProperties: false,
    $defs: rowDefs,
  };
}

/** The file's text: two-space indented JSON and a final newline. The same data always gives the same bytes. */
export function serializeExport(file: WorkspaceExport): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
