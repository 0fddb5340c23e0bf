// Route × role rows for the activity form, archiving, financing and needs. Every POST sends input that changes
// nothing: an empty title or source (400), or a stale version (409) for those who may; everyone else gets 403.
import { asfEditors, asfEditorsInvalid, ids, PLAN, shapers, shapersInvalid, type Answers, type Row } from "./rows.ts";

/** A stale version from those who may write ASF's activity. */
const asfEditorsStale: Answers = { anonymous: 303, admin: 409, coordinator: 409, editor: 409, all: 403 };
/** Coordinators and every organisation's editors may open the form for a new need (an editor names their own organisation). */
const needCreators: Answers = { anonymous: 303, admin: 200, coordinator: 200, editor: 200, all: 403 };
const needCreatorsInvalid: Answers = { anonymous: 303, admin: 400, coordinator: 400, editor: 400, all: 403 };

const activity = () => `${PLAN}/aktiviteter/${ids.asfActivity}`;
const financing = () => `${activity()}/finansiering/${ids.asfFinancing}`;
// The demo's first need was identified by the leisure administration: ASF's editor may not write it.
const need = () => `${PLAN}/behov/${ids.need}`;

export const activitiesNeedsRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/aktiviteter/ny": { url: () => `${PLAN}/aktiviteter/ny?handlingsplan=asf`, answers: asfEditors },
  "POST /:ws/planer/:plan/aktiviteter/ny": { url: () => `${PLAN}/aktiviteter/ny?handlingsplan=asf`, form: { title: "" }, answers: asfEditorsInvalid },
  // Restoring an activity that is not archived changes nothing: back to where one came from, for those who may.
  "POST /:ws/planer/:plan/aktiviteter/:id/aterstall": { url: () => `${activity()}/aterstall`, answers: { anonymous: 303, admin: 303, coordinator: 303, editor: 303, all: 403 } },
  "POST /:ws/planer/:plan/aktiviteter/:id/arkivera": { url: () => `${activity()}/arkivera`, form: { version: "0" }, answers: asfEditorsStale },
  "GET /:ws/planer/:plan/aktiviteter/:id/finansiering/ny": { url: () => `${activity()}/finansiering/ny`, answers: asfEditors },
  "POST /:ws/planer/:plan/aktiviteter/:id/finansiering/ny": { url: () => `${activity()}/finansiering/ny`, form: { source: "" }, answers: asfEditorsInvalid },
  "GET /:ws/planer/:plan/aktiviteter/:id/finansiering/:fid": { url: financing, answers: asfEditors },
  "POST /:ws/planer/:plan/aktiviteter/:id/finansiering/:fid": { url: financing, form: { version: "1", source: "" }, answers: asfEditorsInvalid },
  "POST /:ws/planer/:plan/aktiviteter/:id/finansiering/:fid/ta-bort": { url: () => `${financing()}/ta-bort`, form: { version: "0" }, answers: asfEditorsStale },
  "GET /:ws/planer/:plan/behov/ny": { url: () => `${PLAN}/behov/ny`, answers: needCreators },
  "POST /:ws/planer/:plan/behov/ny": { url: () => `${PLAN}/behov/ny`, form: { title: "" }, answers: needCreatorsInvalid },
  "GET /:ws/planer/:plan/behov/:id": { url: need, answers: shapers },
  "POST /:ws/planer/:plan/behov/:id": { url: need, form: { version: "1", title: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/behov/:id/arkivera": { url: () => `${need()}/arkivera`, form: { version: "0" }, answers: { anonymous: 303, admin: 409, coordinator: 409, all: 403 } },
};
