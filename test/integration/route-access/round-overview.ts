// Route × role rows for round-overview: the coordinator's overview of a round and each person's "Att göra".
// Both are read-only and internal: everyone with a role in the workspace reads them (coordinators see more on them).
import { internalOnly, PLAN, type Row } from "./rows.ts";

export const roundOverviewRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/uppfoljning/:round/oversikt": { url: () => `${PLAN}/uppfoljning/uppfoljning-2024/oversikt`, answers: internalOnly },
  "GET /:ws/att-gora": { url: () => "/malmo/att-gora", answers: internalOnly },
};
