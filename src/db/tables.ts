// Every table of the schema, parents before children (foreign keys), for backup, restore and demo removal.
import { is } from "drizzle-orm";
import { PgTable, getTableConfig } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.ts";

export interface TableInfo {
  name: string;
  table: PgTable;
  /** Names of the tables this one references (self-references left out). */
  parents: string[];
  hasWorkspace: boolean;
}

function collect(): TableInfo[] {
  const tables = Object.values(schema).filter((value) => is(value, PgTable)) as PgTable[];
  const infos = tables.map((table) => {
    const config = getTableConfig(table);
    const parents = config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((name) => name !== config.name);
    return { name: config.name, table, parents: [...new Set(parents)], hasWorkspace: config.columns.some((c) => c.name === "workspace_id") };
  });
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const next = infos.filter((info) => !placed.has(info.name) && info.parents.every((p) => placed.has(p)));
    if (next.length === 0) throw new Error("foreign keys form a cycle between tables");
    for (const info of next.sort((a, b) => a.name.localeCompare(b.name))) {
      ordered.push(info);
      placed.add(info.name);
    }
  }
  return ordered;
}

export const tablesInDependencyOrder: readonly TableInfo[] = collect();
