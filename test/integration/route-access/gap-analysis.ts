// Route × role rows for gap-analysis.
import type { Row } from "./rows.ts";

export const gapAnalysisRows: Record<string, Row> = {
};
