// Route × role rows for the plan structure routes.
import type { Row } from "./rows.ts";

export const planStructureRows: Record<string, Row> = {};
