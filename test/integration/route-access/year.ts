// Route × role rows for the annual wheel, groups and meetings. The wheel and its feed are public (Malmö has a
// published plan); groups and meetings are internal; changing anything is for coordinators and administrators, and
// marking an action item for its owner too. Every POST changes nothing: empty input (400), a stale version (409), or
// an address that names nothing (404) for those who may; everyone else 403.
import { ids, internalOnly, NO_ID, shapers, shapersInvalid, type Answers, type Row } from "./rows.ts";

const W = "/malmo/arshjul";
const G = "/malmo/grupper/samordningsgruppen";
const nothingThere: Answers = { anonymous: 303, admin: 404, coordinator: 404, all: 403 };
const stale: Answers = { anonymous: 303, admin: 409, coordinator: 409, all: 403 };
const kept = () => `${G}/moten/${ids.meetingKept}`;
const series = () => `${G}/moten/${ids.meetingSeries}`;

export const yearRows: Record<string, Row> = {
  "GET /:ws/arshjul": { url: () => `${W}?ar=2027`, answers: { all: 200 } },
  "GET /:ws/arshjul/lista": { url: () => `${W}/lista?ar=2027`, answers: { all: 200 } },
  "GET /:ws/arshjul/arshjul.png": { url: () => `${W}/arshjul.png?ar=2027`, answers: { all: 200 } },
  "GET /:ws/arshjul/arshjul.pdf": { url: () => `${W}/arshjul.pdf?ar=2027`, answers: { all: 200 } },
  "GET /:ws/arshjul/kalender.ics": { url: () => `${W}/kalender.ics`, answers: { all: 200 } },
  "GET /:ws/arshjul/handelser/ny": { url: () => `${W}/handelser/ny`, answers: shapers },
  "POST /:ws/arshjul/handelser/ny": { url: () => `${W}/handelser/ny`, form: { title: "" }, answers: shapersInvalid },
  "GET /:ws/arshjul/handelser/:id": { url: () => `${W}/handelser/${ids.wheelEvent}`, answers: shapers },
  "POST /:ws/arshjul/handelser/:id": { url: () => `${W}/handelser/${ids.wheelEvent}`, form: { version: "1", title: "" }, answers: shapersInvalid },
  "POST /:ws/arshjul/handelser/:id/ta-bort": { url: () => `${W}/handelser/${NO_ID}/ta-bort`, answers: nothingThere },
  "GET /:ws/arshjul/handelser/:id/kalender.ics": { url: () => `${W}/handelser/${ids.wheelEvent}/kalender.ics`, answers: { all: 200 } },
  "GET /:ws/arshjul/kategorier": { url: () => `${W}/kategorier`, answers: shapers },
  "POST /:ws/arshjul/kategorier": { url: () => `${W}/kategorier`, form: { name: "", colour: "#000000" }, answers: shapersInvalid },
  "POST /:ws/arshjul/kategorier/:id": { url: () => `${W}/kategorier/${ids.wheelCategory}`, form: { name: "", colour: "#000000" }, answers: shapersInvalid },
  "POST /:ws/arshjul/kategorier/:id/ta-bort": { url: () => `${W}/kategorier/${NO_ID}/ta-bort`, answers: nothingThere },
  "POST /:ws/arshjul/kategorier/:id/aterstall": { url: () => `${W}/kategorier/${NO_ID}/aterstall`, answers: nothingThere },

  "GET /:ws/grupper": { url: () => "/malmo/grupper", answers: internalOnly },
  "POST /:ws/grupper/ny": { url: () => "/malmo/grupper/ny", form: { name: "", kind: "other" }, answers: shapersInvalid },
  "GET /:ws/grupper/:group": { url: () => G, answers: internalOnly },
  "POST /:ws/grupper/:group": { url: () => G, form: { version: "1", name: "", kind: "coordination" }, answers: shapersInvalid },
  "POST /:ws/grupper/:group/medlemmar": { url: () => `${G}/medlemmar`, form: { userId: "", organisationId: "", roleTitle: "" }, answers: shapersInvalid },
  "POST /:ws/grupper/:group/medlemmar/:id/ta-bort": { url: () => `${G}/medlemmar/${NO_ID}/ta-bort`, answers: nothingThere },
  // A group that does not exist: renewing the demo group's address would change it.
  "POST /:ws/grupper/:group/kalender/ny-adress": { url: () => "/malmo/grupper/ingen-sadan-grupp/kalender/ny-adress", answers: nothingThere },
  // The feed needs no login: its secret address is the key.
  "GET /:ws/grupper/:group/kalender/:token": { url: () => `${G}/kalender/${ids.groupToken}.ics`, answers: { all: 200 } },

  "GET /:ws/grupper/:group/moten/ny": { url: () => `${G}/moten/ny`, answers: shapers },
  "POST /:ws/grupper/:group/moten/ny": { url: () => `${G}/moten/ny`, form: { title: "" }, answers: shapersInvalid },
  "GET /:ws/grupper/:group/moten/:id": { url: kept, answers: internalOnly },
  "POST /:ws/grupper/:group/moten/:id": { url: kept, form: { version: "1", title: "" }, answers: shapersInvalid },
  "GET /:ws/grupper/:group/moten/:id/tillfallen/:start": { url: () => `${series()}/tillfallen/2026-12-12T09-30`, answers: internalOnly },
  // A start the series never has.
  "POST /:ws/grupper/:group/moten/:id/tillfallen/:start": { url: () => `${series()}/tillfallen/2026-12-13T09-30`, answers: nothingThere },
  "POST /:ws/grupper/:group/moten/:id/protokoll": { url: () => `${kept()}/protokoll`, form: { version: "0", minutes: "x" }, answers: stale },
  "POST /:ws/grupper/:group/moten/:id/atgarder": { url: () => `${kept()}/atgarder`, form: { itemText: "" }, answers: shapersInvalid },
  // A stale version changes nothing and goes back to the page with a word; people who neither own nor run it: 403.
  "POST /:ws/grupper/:group/moten/:id/atgarder/:item/klar": { url: () => `${kept()}/atgarder/${ids.actionItem}/klar`, form: { version: "0", done: "1" }, answers: { anonymous: 303, admin: 303, coordinator: 303, all: 403 } },
  // A stale version cancels nothing and goes back to the meeting with a word.
  "POST /:ws/grupper/:group/moten/:id/stall-in": { url: () => `${kept()}/stall-in`, form: { version: "0", cancel: "1" }, answers: { anonymous: 303, admin: 303, coordinator: 303, all: 403 } },
  "GET /:ws/grupper/:group/moten/:id/minnesanteckningar.docx": { url: () => `${kept()}/minnesanteckningar.docx`, answers: internalOnly },
  "GET /:ws/grupper/:group/moten/:id/kalender.ics": { url: () => `${kept()}/kalender.ics`, answers: internalOnly },
};
