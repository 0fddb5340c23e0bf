// Route × role rows for reminders.
import type { Row } from "./rows.ts";

export const remindersRows: Record<string, Row> = {
};
