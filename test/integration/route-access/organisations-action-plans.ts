// Route × role rows for the organisations action plans routes.
import type { Row } from "./rows.ts";

export const organisationsActionPlansRows: Record<string, Row> = {};
