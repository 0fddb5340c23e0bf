// Route × role rows for dialogue.
import type { Row } from "./rows.ts";

export const dialogueRows: Record<string, Row> = {
};
