// Route × role rows for the plan structure routes. Creating a workspace is for system administrators only (none of
// the seven demo people is one); the rest is for the workspace's administrators and coordinators. POSTs send input
// that is refused (an empty name) or name a status that does not exist, so nothing changes.
import { ids, NO_ID, PLAN, shapers, shapersInvalid, type Answers, type Row } from "./rows.ts";

const systemAdminsOnly: Answers = { anonymous: 303, all: 403 };
/** A status that does not exist: 404 for those who may shape the plan, 403 for the rest. */
const shapersNotFound: Answers = { anonymous: 303, admin: 404, coordinator: 404, all: 403 };
const STATUSES = `${PLAN}/hantera/statusar`;

export const planStructureRows: Record<string, Row> = {
  "GET /arbetsytor/ny": { url: () => "/arbetsytor/ny", answers: systemAdminsOnly },
  "POST /arbetsytor/ny": { url: () => "/arbetsytor/ny", form: { name: "", slug: "", defaultLocale: "sv" }, answers: systemAdminsOnly },
  "GET /:ws/hantera": { url: () => "/malmo/hantera", answers: shapers },
  "GET /:ws/planer/ny": { url: () => "/malmo/planer/ny", answers: shapers },
  "POST /:ws/planer/ny": { url: () => "/malmo/planer/ny", form: { name: "", periodStart: "2025-01-01", periodEnd: "2025-12-31" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera": { url: () => `${PLAN}/hantera`, answers: shapers },
  "GET /:ws/planer/:plan/hantera/uppgifter": { url: () => `${PLAN}/hantera/uppgifter`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/uppgifter": { url: () => `${PLAN}/hantera/uppgifter`, form: { version: "1", name: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/ordval": { url: () => `${PLAN}/hantera/ordval`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/ordval": { url: () => `${PLAN}/hantera/ordval`, form: { version: "1", goalOne: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/statusar": { url: () => STATUSES, answers: shapers },
  "GET /:ws/planer/:plan/hantera/statusar/ny": { url: () => `${STATUSES}/ny`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/statusar/ny": { url: () => `${STATUSES}/ny`, form: { name: "", colour: "#000000" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/statusar/:id": { url: () => `${STATUSES}/${ids.status}`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/statusar/:id": { url: () => `${STATUSES}/${ids.status}`, form: { version: "1", name: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/statusar/:id/flytta": { url: () => `${STATUSES}/${NO_ID}/flytta`, form: { direction: "up" }, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/statusar/:id/arkivera": { url: () => `${STATUSES}/${NO_ID}/arkivera`, form: { version: "1" }, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/statusar/:id/aterstall": { url: () => `${STATUSES}/${NO_ID}/aterstall`, form: { version: "1" }, answers: shapersNotFound },
};
