// Route × role rows for exports.
import type { Row } from "./rows.ts";

export const exportsRows: Record<string, Row> = {
};
