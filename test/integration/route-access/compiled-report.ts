// Route × role rows for compiled-report.
import type { Row } from "./rows.ts";

export const compiledReportRows: Record<string, Row> = {
};
