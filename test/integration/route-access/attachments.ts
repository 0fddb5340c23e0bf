// Route × role rows for attachments. The demo's only activity reports are in the closed round 2024: an upload there is
// refused as "round closed" (400) for those who may write ASF's report, and 403 for everyone else. No attachment exists
// in the demo, so download and remove target NO_ID: 404 for everyone with a role (anonymous visitors log in first).
import { NO_ID, PLAN, ids, type Row } from "./rows.ts";

const report = () => `${PLAN}/uppfoljning/uppfoljning-2024/asf/aktiviteter/${ids.asfActivity}`;

export const attachmentsRows: Record<string, Row> = {
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity/bilagor": {
    url: () => `${report()}/bilagor`, form: { tillbaka: report() },
    answers: { anonymous: 303, admin: 400, coordinator: 400, editor: 400, all: 403 },
  },
  "GET /:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity/bilagor/:attachment": {
    url: () => `${report()}/bilagor/${NO_ID}`, answers: { anonymous: 303, all: 404 },
  },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity/bilagor/:attachment/ta-bort": {
    url: () => `${report()}/bilagor/${NO_ID}/ta-bort`, answers: { anonymous: 303, all: 404 },
  },
};
