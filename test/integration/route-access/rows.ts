// The shape of a row in the route × role access table, and the demo ids rows may point at. Each area of the app
// keeps its rows in its own file here; route-access.test.ts joins them and fails on a route without a row.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../src/db/client.ts";

export const ROLE_EMAILS = {
  anonymous: null,
  admin: "admin@malmo.example",
  coordinator: "samordnare@malmo.example",
  steering: "styrgrupp@malmo.example",
  editor: "asf.redaktor@malmo.example",
  approver: "asf.godkannare@malmo.example",
  reader: "lasare@malmo.example",
} as const;
export type Who = keyof typeof ROLE_EMAILS;

/** Expected status per role; `all` fills every role not named. */
export type Answers = Partial<Record<Who | "all", number>>;

export interface Row {
  /** A concrete URL for the route's pattern. */
  url: () => string;
  answers: Answers;
  /** Form fields for POST (the CSRF token is added); a POST that must not change anything sends invalid input. */
  form?: Record<string, string | string[]>;
  /** Log in afresh for this cell (the request ends the session). */
  freshSession?: boolean;
}

export const PLAN = "/malmo/planer/fri-fran-vald";
export const NO_ID = "00000000-0000-4000-8000-000000000000";

/** Common answer sets. */
export const internalOnly: Answers = { anonymous: 303, all: 200 };
/** Coordinators and administrators only (shaping the plan, organisations). */
export const shapers: Answers = { anonymous: 303, admin: 200, coordinator: 200, all: 403 };
/** A POST with invalid input from those who may: 400; everyone else as for the page. */
export const shapersInvalid: Answers = { anonymous: 303, admin: 400, coordinator: 400, all: 403 };
/** ASF's action plan and activities: coordinators, administrators and ASF's editor. */
export const asfEditors: Answers = { anonymous: 303, admin: 200, coordinator: 200, editor: 200, all: 403 };
export const asfEditorsInvalid: Answers = { anonymous: 303, admin: 400, coordinator: 400, editor: 400, all: 403 };

/** Ids in the Malmö demo, filled once before the table runs (see `prepareIds`). */
export const ids: Record<string, string> = {};

/** Looks up one id with SQL; fails loudly when the demo lacks it. */
export async function idOf(db: Db, query: ReturnType<typeof sql>): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, query);
  if (!row) throw new Error(`route-access: no demo row for ${JSON.stringify(query)}`);
  return row.id;
}

export async function prepareIds(db: Db): Promise<void> {
  const activity = (number: string) => idOf(db, sql`select a.id from activity a join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' and a.number = ${number}`);
  ids.asfActivity = await activity("1.2");
  ids.grfActivity = await activity("1.4");
  ids.goal1 = await idOf(db, sql`select g.id from goal g join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' and g.number = '1'`);
  ids.strategy = await idOf(db, sql`select s.id from strategy s join goal g on g.id = s.goal_id join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' order by g.position, s.position limit 1`);
  ids.prerequisite = await idOf(db, sql`select x.id from goal_prerequisite x join goal g on g.id = x.goal_id join plan p on p.id = g.plan_id where p.slug = 'fri-fran-vald' limit 1`).catch(() => NO_ID);
  ids.taxonomy = await idOf(db, sql`select t.id from taxonomy t join plan p on p.id = t.plan_id where p.slug = 'fri-fran-vald' order by t.position limit 1`);
  ids.term = await idOf(db, sql`select x.id from term x where x.taxonomy_id = ${ids.taxonomy} order by x.position limit 1`);
  ids.status = await idOf(db, sql`select s.id from follow_up_status s join plan p on p.id = s.plan_id where p.slug = 'fri-fran-vald' order by s.position limit 1`);
  ids.need = await idOf(db, sql`select n.id from need n join plan p on p.id = n.plan_id where p.slug = 'fri-fran-vald' order by n.position limit 1`);
  ids.financing = await idOf(db, sql`select f.id from financing f join activity a on a.id = f.activity_id join plan p on p.id = a.plan_id where p.slug = 'fri-fran-vald' limit 1`).catch(() => NO_ID);
  ids.asfFinancing = await idOf(db, sql`select f.id from financing f where f.activity_id = ${ids.asfActivity} order by f.created_at, f.id limit 1`);
  ids.dialogueMeeting = await idOf(db, sql`select m.id from dialogue_meeting m join plan p on p.id = m.plan_id where p.slug = 'fri-fran-vald' order by m.held_on desc limit 1`);
  ids.dialogueAreaNeed = await idOf(db, sql`select a.id from development_area a join dialogue_meeting m on m.id = a.dialogue_meeting_id join plan p on p.id = m.plan_id where p.slug = 'fri-fran-vald' and a.need_id is not null limit 1`);
  ids.dialogueAreaNeedMeeting = await idOf(db, sql`select a.dialogue_meeting_id as id from development_area a where a.id = ${ids.dialogueAreaNeed}`);
  ids.wheelEvent = await idOf(db, sql`select e.id from wheel_event e join workspace w on w.id = e.workspace_id where w.slug = 'malmo' and e.starts_on is not null order by e.title limit 1`);
  ids.wheelCategory = await idOf(db, sql`select c.id from wheel_category c join workspace w on w.id = c.workspace_id where w.slug = 'malmo' and c.key = 'training'`);
  ids.meetingSeries = await idOf(db, sql`select m.id from meeting m join "group" g on g.id = m.group_id where g.slug = 'samordningsgruppen' and m.series_id is null`);
  ids.meetingKept = await idOf(db, sql`select m.id from meeting m where m.series_id = ${ids.meetingSeries} limit 1`);
  ids.actionItem = await idOf(db, sql`select i.id from action_item i join app_user u on u.id = i.owner_user_id where i.meeting_id = ${ids.meetingKept} and u.email = 'samordnare@malmo.example' and i.done_at is null`);
  ids.groupToken = await idOf(db, sql`select calendar_token as id from "group" where slug = 'samordningsgruppen'`);
}
