// Dialogue meetings (dialogmöten) and their development areas. Everyone with a role in the workspace reads them;
// coordinators and administrators plan them, write notes and agree development areas.
//   GET      /:ws/planer/:plan/dialogmoten                      the meetings and the last meeting per organisation
//   GET/POST /:ws/planer/:plan/dialogmoten/ny                   plan a meeting (?organisation=<slug> ticks one)
//   GET/POST /:ws/planer/:plan/dialogmoten/:id                  the meeting (agenda, what was agreed last time); edit
//   POST     /:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden                      add a development area
//   POST     /:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden/:area/till-behov     make it a need under a goal
//   POST     /:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden/:area/ta-bort        remove one (not when a need)
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import type { Option } from "../../components/form.tsx";
import { confirmPersonalData, formList, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import type { TranslatedProblems } from "../../forms/field-errors.ts";
import { formatDate } from "../../i18n/index.ts";
import { links } from "../../pages/public/links.ts";
import { formLinks, goalOptionLabel, organisationOptions } from "../../pages/internal/activity-form-parts.tsx";
import { flattenTree } from "../../pages/internal/organisations/tree.ts";
import { DialogueListPage } from "../../pages/internal/dialogue/list-page.tsx";
import { NewMeetingPage, type NewMeetingPageProps } from "../../pages/internal/dialogue/meeting-form.tsx";
import { MeetingPage, type MeetingManage, type MeetingPageProps } from "../../pages/internal/dialogue/meeting-page.tsx";
import { dialogueLinks } from "../../pages/internal/dialogue/links.ts";
import * as s from "../../../db/schema/index.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import type { Organisation, Plan, Workspace } from "../../../queries/plan-graph.ts";
import { findMeeting, lastMeetingPerOrganisation, meetingsOfPlan, previousMeeting } from "../../../queries/dialogue-meetings.ts";
import { dialogueAgenda } from "../../../queries/dialogue-agenda.ts";
import { createDialogueMeeting } from "../../../commands/create-dialogue-meeting.ts";
import { meetingFields, updateDialogueMeeting } from "../../../commands/update-dialogue-meeting.ts";
import { addDevelopmentArea } from "../../../commands/add-development-area.ts";
import { removeDevelopmentArea } from "../../../commands/remove-development-area.ts";
import { developmentAreaToNeed } from "../../../commands/development-area-to-need.ts";
import { areaField } from "../../../commands/support/development-area.ts";
import type { DialogueMeetingFields } from "../../../commands/support/dialogue-input.ts";
import { loadPlanInternal, parseParams } from "./load.ts";

const planParams = z.object({ ws: slugSchema, plan: slugSchema });
const meetingParams = planParams.extend({ id: uuidSchema });
const areaParams = meetingParams.extend({ area: uuidSchema });
const newQuery = z.object({ organisation: formText, tillbaka: formText }).catch({ organisation: "", tillbaka: "" });
const meetingForm = z.object({
  version: formVersion,
  tillbaka: formText,
  title: formText,
  heldOn: formText,
  organisationIds: formList.catch([]),
  participants: formText,
  notes: formText,
  confirmPersonalData,
});
const areaForm = z.object({ areaText: formText, confirmPersonalData });
const areaActionForm = z.object({ version: formVersion, goalId: formText });

function parseMeetingBody(body: unknown) {
  const form = meetingForm.parse(body ?? {});
  const fields: DialogueMeetingFields = {
    title: form.title, heldOn: form.heldOn, organisationIds: form.organisationIds, participants: form.participants, notes: form.notes,
  };
  return { fields, version: form.version, back: form.tillbaka, confirmed: form.confirmPersonalData };
}

const subject = (workspaceId: string) => ({ type: "followUp" as const, workspaceId });

export function registerDialogueRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** The plan; `manage` also requires the right to plan dialogue meetings (403 otherwise). */
  async function loadPlan(request: FastifyRequest, params: { ws: string; plan: string }, manage: boolean) {
    const loaded = await loadPlanInternal(db(), request, params.ws, params.plan);
    if (!can(loaded.viewer, "read", subject(loaded.workspace.id))) throw new Forbidden();
    const mayManage = can(loaded.viewer, "manageDialogue", subject(loaded.workspace.id));
    if (manage && !mayManage) throw new Forbidden();
    return { ...loaded, mayManage };
  }

  /** Organisations one may choose: not external, in tree order; archived ones only when the meeting already has them. */
  async function organisationChoices(ctx: PageContext, workspaceId: string, had: readonly string[]): Promise<{ all: Organisation[]; options: Option[] }> {
    const all = await db().select().from(s.organisations).where(eq(s.organisations.workspaceId, workspaceId));
    const ordered = [...flattenTree(all).map((x) => x.organisation), ...all.filter((o) => o.archivedAt).sort((a, b) => a.name.localeCompare(b.name, "sv"))];
    return { all, options: organisationOptions(ctx, ordered, "own", had) };
  }

  // ---- the list -------------------------------------------------------------------------------------------------

  app.get("/:ws/planer/:plan/dialogmoten", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { workspace, plan, mayManage } = await loadPlan(request, p, false);
    const [meetings, lastMeetings] = await Promise.all([meetingsOfPlan(db(), plan.id), lastMeetingPerOrganisation(db(), plan)]);
    return sendPage(reply, h(DialogueListPage, { ctx: pageContext(request, reply), workspace, plan, meetings, lastMeetings, mayManage }));
  });

  // ---- a new meeting --------------------------------------------------------------------------------------------

  async function newPageProps(ctx: PageContext, workspace: Workspace, plan: Plan, values: DialogueMeetingFields, back: string): Promise<NewMeetingPageProps> {
    const { options } = await organisationChoices(ctx, workspace.id, []);
    return {
      ctx, workspace, plan, action: dialogueLinks.create(workspace.slug, plan.slug), back, values, organisationOptions: options, errors: {}, askConfirm: false,
    };
  }

  app.get("/:ws/planer/:plan/dialogmoten/ny", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { workspace, plan } = await loadPlan(request, p, true);
    const query = newQuery.parse(request.query ?? {});
    const ctx = pageContext(request, reply);
    const { all } = await organisationChoices(ctx, workspace.id, []);
    const chosen = all.find((o) => o.slug === query.organisation && !o.archivedAt && o.type !== "external");
    const values: DialogueMeetingFields = {
      title: chosen ? ctx.t("dialogue.form.defaultTitle", { name: chosen.name }) : "", heldOn: "", organisationIds: chosen ? [chosen.id] : [],
      participants: "", notes: "",
    };
    const back = safeReturnPath(query.tillbaka, dialogueLinks.list(workspace.slug, plan.slug));
    return sendPage(reply, h(NewMeetingPage, await newPageProps(ctx, workspace, plan, values, back)));
  });

  app.post("/:ws/planer/:plan/dialogmoten/ny", async (request, reply) => {
    const p = parseParams(planParams, request.params);
    const { viewer, workspace, plan } = await loadPlan(request, p, true);
    const form = parseMeetingBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, dialogueLinks.list(workspace.slug, plan.slug));
    const props = await newPageProps(ctx, workspace, plan, form.fields, back);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => createDialogueMeeting(db(), viewer, { ...form.fields, planId: plan.id, confirmedPersonalData: form.confirmed }),
      redirect: (created) => dialogueLinks.meeting(workspace.slug, plan.slug, created.id),
      invalid: (problems) => h(NewMeetingPage, { ...props, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  // ---- one meeting ----------------------------------------------------------------------------------------------

  async function loadMeeting(request: FastifyRequest, manage: boolean) {
    const p = parseParams(meetingParams, request.params);
    const loaded = await loadPlan(request, p, manage);
    const view = await findMeeting(db(), loaded.plan.id, p.id);
    if (!view) throw new NotFound("dialogue_meeting");
    return { ...loaded, view };
  }
  type LoadedMeeting = Awaited<ReturnType<typeof loadMeeting>>;

  /** The meeting's page as it is saved now (read afresh: a write that did not go through may follow another's). */
  async function meetingProps(ctx: PageContext, l: LoadedMeeting): Promise<MeetingPageProps> {
    const { workspace, plan, viewer } = l;
    const view = (await findMeeting(db(), plan.id, l.view.meeting.id)) ?? l.view;
    const organisationIds = view.organisations.map((o) => o.id);
    const [previous, agenda] = await Promise.all([
      previousMeeting(db(), view.meeting, organisationIds),
      dialogueAgenda(db(), plan.id, view.organisations, view.meeting.heldOn),
    ]);
    let manage: MeetingPageProps["manage"] = null;
    if (l.mayManage) {
      const [{ options }, goals] = await Promise.all([
        organisationChoices(ctx, workspace.id, organisationIds),
        db().select().from(s.goals).where(eq(s.goals.planId, plan.id)).orderBy(asc(s.goals.position), asc(s.goals.number)),
      ]);
      manage = {
        values: meetingFields(view.meeting, organisationIds), version: view.meeting.version, organisationOptions: options, areaText: "",
        goalOptions: goals.filter((g) => !g.archivedAt).map((g) => ({ value: g.id, label: goalOptionLabel(ctx, plan.vocabulary, g) })),
      };
    }
    const needHref: MeetingPageProps["needHref"] = (need) =>
      !need.archivedAt && can(viewer, "update", { type: "need", workspaceId: workspace.id, organisationId: need.organisationId })
        ? formLinks.need(workspace.slug, plan.slug, need.id)
        : links.goal(workspace.slug, plan.slug, need.goalNumber);
    return { ctx, workspace, plan, view, previous, agenda, manage, needHref, errors: {}, askConfirm: false, errorForm: null };
  }

  /** The page with a form's problems (and, for the meeting's own form, what was typed and the version to save at). */
  function meetingPage(props: MeetingPageProps, problems: TranslatedProblems, errorForm: MeetingPageProps["errorForm"], manage: Partial<MeetingManage> = {}) {
    return h(MeetingPage, { ...props, ...problems, errorForm, manage: props.manage && { ...props.manage, ...manage } });
  }

  /**
   * Runs a command; when it refuses (bad input, a stale version), first reads the page to show again, since
   * submitForm's callbacks draw synchronously.
   */
  async function orReadPage<R>(ctx: PageContext, l: LoadedMeeting, run: () => Promise<R>, keep: (props: MeetingPageProps) => void): Promise<R> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof Invalid || error instanceof Conflict) keep(await meetingProps(ctx, l));
      throw error;
    }
  }

  app.get("/:ws/planer/:plan/dialogmoten/:id", async (request, reply) => {
    const l = await loadMeeting(request, false);
    const ctx = pageContext(request, reply);
    return sendPage(reply, h(MeetingPage, await meetingProps(ctx, l)));
  });

  app.post("/:ws/planer/:plan/dialogmoten/:id", async (request, reply) => {
    const l = await loadMeeting(request, true);
    const form = parseMeetingBody(request.body);
    const ctx = pageContext(request, reply);
    const back = safeReturnPath(form.back, dialogueLinks.meeting(l.workspace.slug, l.plan.slug, l.view.meeting.id));
    let props: MeetingPageProps | undefined;
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () =>
        orReadPage(ctx, l, () => updateDialogueMeeting(db(), l.viewer, {
          ...form.fields, planId: l.plan.id, meetingId: l.view.meeting.id, version: form.version, confirmedPersonalData: form.confirmed,
        }), (p) => (props = p)),
      redirect: () => back,
      invalid: (problems) => meetingPage(props!, problems, "edit", { values: form.fields, version: form.version }),
      conflict: (conflict, problems) => {
        const c = conflict as Conflict<DialogueMeetingFields>;
        return meetingPage(props!, problems, "edit", { values: form.fields, version: c.currentVersion, theirs: c.current });
      },
      after: () => state.cache.invalidate(),
    });
  });

  // ---- development areas ----------------------------------------------------------------------------------------

  async function loadArea(request: FastifyRequest) {
    const p = parseParams(areaParams, request.params);
    const l = await loadMeeting(request, true);
    return { ...l, areaId: p.area };
  }

  /** A write on an area that was changed meanwhile (made a need): the page as it is now, with a word at the area. */
  function areaChanged(ctx: PageContext, areaId: string): TranslatedProblems {
    return { errors: { [areaField(areaId)]: ctx.t("dialogue.area.changed") }, askConfirm: false };
  }

  app.post("/:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden", async (request, reply) => {
    const l = await loadMeeting(request, true);
    const form = areaForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const meetingUrl = dialogueLinks.meeting(l.workspace.slug, l.plan.slug, l.view.meeting.id);
    let props: MeetingPageProps | undefined;
    return submitForm({
      ctx, reply, flash: "dialogue.area.added",
      run: () =>
        orReadPage(ctx, l, () => addDevelopmentArea(db(), l.viewer, {
          planId: l.plan.id, meetingId: l.view.meeting.id, text: form.areaText, confirmedPersonalData: form.confirmPersonalData,
        }), (p) => (props = p)),
      redirect: () => `${meetingUrl}#utvecklingsomraden`,
      invalid: (problems) => meetingPage(props!, problems, "area", { areaText: form.areaText }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden/:area/till-behov", async (request, reply) => {
    const l = await loadArea(request);
    const form = areaActionForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const { meeting } = l.view;
    const meetingUrl = dialogueLinks.meeting(l.workspace.slug, l.plan.slug, meeting.id);
    let props: MeetingPageProps | undefined;
    return submitForm({
      ctx, reply, flash: "dialogue.area.madeNeed",
      run: () =>
        orReadPage(ctx, l, () => developmentAreaToNeed(db(), l.viewer, {
          planId: l.plan.id, meetingId: meeting.id, areaId: l.areaId, goalId: form.goalId, version: form.version,
          description: ctx.t("dialogue.need.description", { meeting: meeting.title, date: formatDate(meeting.heldOn, ctx.locale) }),
        }), (p) => (props = p)),
      redirect: () => `${meetingUrl}#${areaField(l.areaId)}`,
      invalid: (problems) => meetingPage(props!, problems, null),
      conflict: () => meetingPage(props!, areaChanged(ctx, l.areaId), null),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/planer/:plan/dialogmoten/:id/utvecklingsomraden/:area/ta-bort", async (request, reply) => {
    const l = await loadArea(request);
    const form = areaActionForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const meetingUrl = dialogueLinks.meeting(l.workspace.slug, l.plan.slug, l.view.meeting.id);
    let props: MeetingPageProps | undefined;
    return submitForm({
      ctx, reply, flash: "dialogue.area.removed",
      run: () =>
        orReadPage(ctx, l, () => removeDevelopmentArea(db(), l.viewer, { planId: l.plan.id, meetingId: l.view.meeting.id, areaId: l.areaId, version: form.version }), (p) => (props = p)),
      redirect: () => `${meetingUrl}#utvecklingsomraden`,
      invalid: (problems) => meetingPage(props!, problems, null),
      conflict: () => meetingPage(props!, areaChanged(ctx, l.areaId), null),
      after: () => state.cache.invalidate(),
    });
  });
}
