// Route × role rows for the goals and taxonomies routes: the plan's administrators and coordinators shape them,
// everyone else with a role gets 403, anonymous visitors log in. POSTs send input that is refused (an empty title, a
// move without a direction) or name a row that does not exist (404), so nothing changes. Malmö's goals have no
// prerequisites, so those rows name one that does not exist.
import { ids, NO_ID, PLAN, shapers, shapersInvalid, type Answers, type Row } from "./rows.ts";

/** A row that does not exist: 404 for those who may shape the plan, 403 for the rest. */
const shapersNotFound: Answers = { anonymous: 303, admin: 404, coordinator: 404, all: 403 };
const GOALS = `${PLAN}/hantera/mal`;
const goal = () => `${GOALS}/${ids.goal1}`;
const strategy = () => `${goal()}/strategier/${ids.strategy}`;
const prerequisites = () => `${goal()}/forutsattningar`;
const TAXONOMIES = `${PLAN}/hantera/taxonomier`;
const taxonomy = () => `${TAXONOMIES}/${ids.taxonomy}`;
const term = () => `${taxonomy()}/termer/${ids.term}`;

export const goalsTaxonomiesRows: Record<string, Row> = {
  "GET /:ws/planer/:plan/hantera/mal": { url: () => GOALS, answers: shapers },
  "GET /:ws/planer/:plan/hantera/mal/ny": { url: () => `${GOALS}/ny`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/mal/ny": { url: () => `${GOALS}/ny`, form: { number: "", title: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/mal/:id": { url: goal, answers: shapers },
  "POST /:ws/planer/:plan/hantera/mal/:id": { url: goal, form: { version: "1", number: "1", title: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/mal/:id/historik": { url: () => `${goal()}/historik`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/mal/:id/flytta": { url: () => `${goal()}/flytta`, form: { direction: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/mal/:id/arkivera": { url: () => `${GOALS}/${NO_ID}/arkivera`, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/mal/:id/aterstall": { url: () => `${GOALS}/${NO_ID}/aterstall`, answers: shapersNotFound },

  "GET /:ws/planer/:plan/hantera/mal/:id/strategier/ny": { url: () => `${goal()}/strategier/ny`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/mal/:id/strategier/ny": { url: () => `${goal()}/strategier/ny`, form: { title: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/mal/:id/strategier/:sid": { url: strategy, answers: shapers },
  "POST /:ws/planer/:plan/hantera/mal/:id/strategier/:sid": { url: strategy, form: { version: "1", title: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/mal/:id/strategier/:sid/flytta": { url: () => `${strategy()}/flytta`, form: { direction: "sideways" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/mal/:id/strategier/:sid/arkivera": { url: () => `${goal()}/strategier/${NO_ID}/arkivera`, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/mal/:id/strategier/:sid/aterstall": { url: () => `${goal()}/strategier/${NO_ID}/aterstall`, answers: shapersNotFound },

  "GET /:ws/planer/:plan/hantera/mal/:id/forutsattningar/ny": { url: () => `${prerequisites()}/ny`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/mal/:id/forutsattningar/ny": { url: () => `${prerequisites()}/ny`, form: { text: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid": { url: () => `${prerequisites()}/${NO_ID}`, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid": { url: () => `${prerequisites()}/${NO_ID}`, form: { version: "1", text: "x" }, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid/flytta": { url: () => `${prerequisites()}/${NO_ID}/flytta`, form: { direction: "up" }, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid/arkivera": { url: () => `${prerequisites()}/${NO_ID}/arkivera`, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/mal/:id/forutsattningar/:pid/aterstall": { url: () => `${prerequisites()}/${NO_ID}/aterstall`, answers: shapersNotFound },

  "GET /:ws/planer/:plan/hantera/taxonomier": { url: () => TAXONOMIES, answers: shapers },
  "GET /:ws/planer/:plan/hantera/taxonomier/ny": { url: () => `${TAXONOMIES}/ny`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/taxonomier/ny": { url: () => `${TAXONOMIES}/ny`, form: { name: "", multiple: "1" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/taxonomier/:id": { url: taxonomy, answers: shapers },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id": { url: taxonomy, form: { version: "1", name: "", multiple: "1" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/taxonomier/:id/historik": { url: () => `${taxonomy()}/historik`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/flytta": { url: () => `${taxonomy()}/flytta`, form: {}, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/arkivera": { url: () => `${TAXONOMIES}/${NO_ID}/arkivera`, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/aterstall": { url: () => `${TAXONOMIES}/${NO_ID}/aterstall`, answers: shapersNotFound },

  "GET /:ws/planer/:plan/hantera/taxonomier/:id/termer/ny": { url: () => `${taxonomy()}/termer/ny`, answers: shapers },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/termer/ny": { url: () => `${taxonomy()}/termer/ny`, form: { name: "" }, answers: shapersInvalid },
  "GET /:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid": { url: term, answers: shapers },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid": { url: term, form: { version: "1", name: "" }, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid/flytta": { url: () => `${term()}/flytta`, form: {}, answers: shapersInvalid },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid/arkivera": { url: () => `${taxonomy()}/termer/${NO_ID}/arkivera`, answers: shapersNotFound },
  "POST /:ws/planer/:plan/hantera/taxonomier/:id/termer/:tid/aterstall": { url: () => `${taxonomy()}/termer/${NO_ID}/aterstall`, answers: shapersNotFound },
};
