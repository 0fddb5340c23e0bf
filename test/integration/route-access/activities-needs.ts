// Route × role rows for the activities needs routes.
import type { Row } from "./rows.ts";

export const activitiesNeedsRows: Record<string, Row> = {};
