// Route × role rows for compiled-report: the compiled report of a round (web page; ?format=docx|pdf downloads).
// Internal and read-only: everyone with a role in the workspace reads it, as the round's overview; anonymous → log in.
import { internalOnly, PLAN, type Row } from "./rows.ts";

export const compiledReportRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/uppfoljning/:round/rapport": { url: () => `${PLAN}/uppfoljning/uppfoljning-2024/rapport`, answers: internalOnly },
};
