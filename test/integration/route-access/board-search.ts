// Route × role rows for the board search routes.
import type { Row } from "./rows.ts";

export const boardSearchRows: Record<string, Row> = {};
