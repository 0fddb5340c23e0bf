// Route × role rows for the goals taxonomies routes.
import type { Row } from "./rows.ts";

export const goalsTaxonomiesRows: Record<string, Row> = {};
