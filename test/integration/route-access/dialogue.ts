// Route × role rows for dialogue meetings and their development areas. Everyone with a role reads them; coordinators
// and administrators plan them. Every POST changes nothing: an empty title or text (400), or an area that already
// became a need, which can neither be removed nor made a need again (400); everyone else gets 403.
import { ids, internalOnly, PLAN, shapers, shapersInvalid, type Row } from "./rows.ts";

const meeting = () => `${PLAN}/dialogmoten/${ids.dialogueMeeting}`;
const areaThatIsANeed = () => `${PLAN}/dialogmoten/${ids.dialogueAreaNeedMeeting}/utvecklingsomraden/${ids.dialogueAreaNeed}`;

export const dialogueRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/dialogmoten": { url: () => `${PLAN}/dialogmoten`, answers: internalOnly },
  "GET /:ws/planer/:plan/dialogmoten/ny": { url: () => `${PLAN}/dialogmoten/ny?organisation=asf`, answers: shapers },
  "POST /:ws/planer/:plan/dialogmoten/ny": { url: () => `${PLAN}/dialogmoten/ny`, form: { title: "", heldOn: "2026-03-17" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/dialogmoten/:id": { url: meeting, answers: internalOnly },
  "POST /:ws/planer/:plan/dialogmoten/:id": { url: meeting, form: { version: "1", title: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden": { url: () => `${meeting()}/utvecklingsomraden`, form: { areaText: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden/:area/till-behov": {
    url: () => `${areaThatIsANeed()}/till-behov`, form: { version: "1", goalId: ids.goal1! }, answers: shapersInvalid,
  },
  "POST /:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden/:area/ta-bort": {
    url: () => `${areaThatIsANeed()}/ta-bort`, form: { version: "1" }, answers: shapersInvalid,
  },
};
