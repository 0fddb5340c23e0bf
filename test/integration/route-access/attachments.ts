// Route × role rows for attachments.
import type { Row } from "./rows.ts";

export const attachmentsRows: Record<string, Row> = {
};
