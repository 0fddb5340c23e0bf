// Route × role rows for round-overview.
import type { Row } from "./rows.ts";

export const roundOverviewRows: Record<string, Row> = {
};
