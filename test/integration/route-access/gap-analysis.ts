// Route × role rows for gap-analysis: internal, read by everyone with a role in the workspace.
import { internalOnly, PLAN, type Row } from "./rows.ts";

export const gapAnalysisRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/analys": { url: () => `${PLAN}/analys`, answers: internalOnly },
  "GET /:ws/planer/:plan/analys.csv": { url: () => `${PLAN}/analys.csv?uppfoljning=uppfoljning-2024`, answers: internalOnly },
};
