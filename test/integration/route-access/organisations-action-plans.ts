// Route × role rows for the organisations and action plans routes. POSTs send invalid input (or name an organisation
// that does not exist), so nothing changes.
import { asfEditors, asfEditorsInvalid, internalOnly, NO_ID, PLAN, shapers, shapersInvalid, type Row } from "./rows.ts";

const ORG = "/malmo/organisationer";
const AP = `${PLAN}/handlingsplaner`;
/** Archive and restore an organisation that does not exist: 404 for those who may, 403 for the rest. */
const noSuchOrganisation = { anonymous: 303, admin: 404, coordinator: 404, all: 403 };

export const organisationsActionPlansRows: Record<string, Row> = {
  "GET /:ws/organisationer/hantera": { url: () => `${ORG}/hantera`, answers: shapers },
  "GET /:ws/organisationer/hantera/ny": { url: () => `${ORG}/hantera/ny`, answers: shapers },
  "POST /:ws/organisationer/hantera/ny": { url: () => `${ORG}/hantera/ny`, form: { name: "", type: "board" }, answers: shapersInvalid },
  "GET /:ws/organisationer/:org/andra": { url: () => `${ORG}/asf/andra`, answers: shapers },
  "POST /:ws/organisationer/:org/andra": { url: () => `${ORG}/asf/andra`, form: { version: "1", name: "", type: "administration" }, answers: shapersInvalid },
  "POST /:ws/organisationer/:org/flytta": { url: () => `${ORG}/asf/flytta`, form: { direction: "at-sidan" }, answers: shapersInvalid },
  "POST /:ws/organisationer/:org/arkivera": { url: () => `${ORG}/finns-inte/arkivera`, answers: noSuchOrganisation },
  "POST /:ws/organisationer/:org/aterstall": { url: () => `${ORG}/finns-inte/aterstall`, answers: noSuchOrganisation },

  "GET /:ws/planer/:plan/handlingsplaner": { url: () => AP, answers: internalOnly },
  "GET /:ws/planer/:plan/handlingsplaner/ny": { url: () => `${AP}/ny`, answers: asfEditors },
  "POST /:ws/planer/:plan/handlingsplaner/ny": { url: () => `${AP}/ny`, form: { organisationId: "" }, answers: asfEditorsInvalid },
  "GET /:ws/planer/:plan/handlingsplaner/:org": { url: () => `${AP}/asf`, answers: internalOnly },
  "GET /:ws/planer/:plan/handlingsplaner/:org/dokument": { url: () => `${AP}/asf/dokument?format=docx`, answers: internalOnly },
  "GET /:ws/planer/:plan/importera": { url: () => `${PLAN}/importera`, answers: internalOnly },
  "POST /:ws/planer/:plan/importera": { url: () => `${PLAN}/importera`, form: { organisation: "" }, answers: asfEditorsInvalid },
  "GET /:ws/planer/:plan/importera/:id": { url: () => `${PLAN}/importera/${NO_ID}`, answers: { anonymous: 303, all: 404 } },
  "POST /:ws/planer/:plan/importera/:id": { url: () => `${PLAN}/importera/${NO_ID}`, form: { version: "1" }, answers: { anonymous: 303, all: 404 } },
  "GET /:ws/planer/:plan/handlingsplaner/:org/andra": { url: () => `${AP}/asf/andra`, answers: asfEditors },
  "POST /:ws/planer/:plan/handlingsplaner/:org/andra": { url: () => `${AP}/asf/andra`, form: { version: "1", title: "" }, answers: asfEditorsInvalid },
  "GET /:ws/planer/:plan/handlingsplaner/:org/anta": { url: () => `${AP}/asf/anta`, answers: asfEditors },
  "POST /:ws/planer/:plan/handlingsplaner/:org/anta": { url: () => `${AP}/asf/anta`, form: { version: "1", adoptedOn: "", adoptedBy: "" }, answers: asfEditorsInvalid },
  "GET /:ws/planer/:plan/handlingsplaner/:org/revisioner": { url: () => `${AP}/asf/revisioner`, answers: internalOnly },
  "GET /:ws/planer/:plan/handlingsplaner/:org/revisioner/jamfor": { url: () => `${AP}/asf/revisioner/jamfor?fran=1&till=1`, answers: internalOnly },
  "GET /:ws/planer/:plan/handlingsplaner/:org/revisioner/:n": { url: () => `${AP}/asf/revisioner/1`, answers: internalOnly },
};
