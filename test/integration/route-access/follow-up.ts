// Route × role rows for follow-up rounds, organisation reports and activity reports. The demo's only round,
// "Uppföljning 2024", is closed, so every write answers 400 ("the round is closed") to those who may write, and
// nothing changes; the happy paths are in follow-up-cycle.test.ts.
import { asfEditorsInvalid, ids, internalOnly, PLAN, shapers, shapersInvalid, type Row } from "./rows.ts";

const ROUND = `${PLAN}/uppfoljning/uppfoljning-2024`;
const ASF = `${ROUND}/asf`;
const approverInvalid = { anonymous: 303, approver: 400, all: 403 };

export const followUpRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/uppfoljning": { url: () => `${PLAN}/uppfoljning`, answers: internalOnly },
  "GET /:ws/planer/:plan/uppfoljning/ny": { url: () => `${PLAN}/uppfoljning/ny`, answers: shapers },
  "POST /:ws/planer/:plan/uppfoljning/ny": { url: () => `${PLAN}/uppfoljning/ny`, answers: shapersInvalid, form: { name: "" } },
  "GET /:ws/planer/:plan/uppfoljning/:round/installningar": { url: () => `${ROUND}/installningar`, answers: shapers },
  "POST /:ws/planer/:plan/uppfoljning/:round/installningar": { url: () => `${ROUND}/installningar`, answers: shapersInvalid, form: { name: "" } },
  "POST /:ws/planer/:plan/uppfoljning/:round/stang": { url: () => `${ROUND}/stang`, answers: shapersInvalid, form: {} },
  "GET /:ws/planer/:plan/uppfoljning/:round/:org": { url: () => ASF, answers: internalOnly },
  "GET /:ws/planer/:plan/uppfoljning/:round/:org/dokument": { url: () => `${ASF}/dokument?format=docx`, answers: internalOnly },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/sammanfattning": { url: () => `${ASF}/sammanfattning`, answers: asfEditorsInvalid, form: { summary: "x" } },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/delar": { url: () => `${ASF}/delar`, answers: asfEditorsInvalid, form: { activityId: "" } },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/lamna-in": { url: () => `${ASF}/lamna-in`, answers: asfEditorsInvalid, form: {} },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/godkann": { url: () => `${ASF}/godkann`, answers: approverInvalid, form: {} },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/avsla": { url: () => `${ASF}/avsla`, answers: approverInvalid, form: {} },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/acceptera": { url: () => `${ASF}/acceptera`, answers: shapersInvalid, form: {} },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/returnera": { url: () => `${ASF}/returnera`, answers: shapersInvalid, form: {} },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/oppna-igen": { url: () => `${ASF}/oppna-igen`, answers: shapersInvalid, form: {} },
  "GET /:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity": { url: () => `${ASF}/aktiviteter/${ids.asfActivity}`, answers: internalOnly },
  "POST /:ws/planer/:plan/uppfoljning/:round/:org/aktiviteter/:activity": {
    url: () => `${ASF}/aktiviteter/${ids.asfActivity}`, answers: asfEditorsInvalid, form: { narrative: "x" },
  },
};
