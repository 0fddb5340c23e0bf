// Route × role rows for the board and search routes. The goal page's filters are on its existing route (a core row);
// search is as public as the plan: everyone reads the published Malmö plan's search (internal readers search more).
import { PLAN, type Row } from "./rows.ts";

export const boardSearchRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/sok": { url: () => `${PLAN}/sok?q=${encodeURIComponent("våldsutövare")}`, answers: { all: 200 } },
};
