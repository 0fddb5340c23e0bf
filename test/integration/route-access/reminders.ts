// Route × role rows for reminders and the outbox. "Send reminder now" targets the demo's closed round 2024: refused as
// "round not open" (400, nothing sent) for the coordinators and administrators who may send reminders, 403 for the
// others. The outbox is for coordinators and administrators.
import { PLAN, shapers, shapersInvalid, type Row } from "./rows.ts";

export const remindersRows: Record<string, Row> = {
  "POST /:ws/planer/:plan/uppfoljning/:round/paminn": {
    url: () => `${PLAN}/uppfoljning/uppfoljning-2024/paminn`, form: { tillbaka: `${PLAN}/uppfoljning/uppfoljning-2024/oversikt` }, answers: shapersInvalid,
  },
  "GET /:ws/utkorg": { url: () => "/malmo/utkorg", answers: shapers },
};
