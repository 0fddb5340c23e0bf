// Route × role rows for follow-up rounds, organisation reports and activity reports (lead).
import type { Row } from "./rows.ts";

export const followUpRows: Record<string, Row> = {
};
