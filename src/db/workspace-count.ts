// Whether the database holds any workspace yet (an empty install gets the demo on first start).
import { count } from "drizzle-orm";
import type { Db } from "./client.ts";
import { workspaces } from "./schema/index.ts";

export async function workspaceCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(workspaces);
  return row?.n ?? 0;
}
