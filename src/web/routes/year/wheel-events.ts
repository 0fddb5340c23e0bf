// Changing the annual wheel: its events and categories (coordinators and administrators), and one event as a
// calendar file (everyone who sees the wheel).
//   GET/POST /:ws/arshjul/handelser/ny                     a new event
//   GET/POST /:ws/arshjul/handelser/:id                    change an event
//   POST     /:ws/arshjul/handelser/:id/ta-bort             take it off the wheel (archived)
//   GET      /:ws/arshjul/handelser/:id/kalender.ics        the event for a calendar
//   GET/POST /:ws/arshjul/kategorier                       the categories; add one
//   POST     /:ws/arshjul/kategorier/:id                    rename or recolour
//   POST     /:ws/arshjul/kategorier/:id/ta-bort|aterstall  remove (archive when in use) or bring back
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { confirmPersonalData, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { recurrenceChoice, recurrenceForm } from "../../forms/recurrence-form.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { setFlash } from "../../forms/flash.ts";
import { yearLinks } from "../../pages/year/links.ts";
import { WheelEventPage, type WheelEventPageProps } from "../../pages/year/wheel-event-page.tsx";
import { WheelCategoriesPage, type WheelCategoriesPageProps } from "../../pages/year/wheel-categories-page.tsx";
import * as s from "../../../db/schema/index.ts";
import { Conflict, Forbidden, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import type { Workspace } from "../../../queries/plan-graph.ts";
import { findWorkspace } from "../../../queries/find-plan.ts";
import { readsInternal, workspaceForViewer } from "../public/page-response.ts";
import { archiveWheelEvent, saveWheelEvent, wheelEventFormFields, type WheelEventFields } from "../../../commands/save-wheel-event.ts";
import { removeWheelCategory, restoreWheelCategory, saveWheelCategory } from "../../../commands/wheel-category.ts";
import { NO_RECURRENCE } from "../../../wheel/recurrence-choice.ts";
import { buildCalendar, CALENDAR_MEDIA_TYPE, calendarFileName } from "../../../calendar/ics.ts";
import { parseParams, requireViewer } from "../internal/load.ts";

const wsParams = z.object({ ws: slugSchema });
const idParams = wsParams.extend({ id: uuidSchema });
const eventForm = recurrenceForm.extend({
  version: formVersion, title: formText, description: formText, categoryId: formText, when: z.enum(["date", "month"]).catch("date"),
  startsOn: formText, endsOn: formText, month: formText, confirmPersonalData,
});
const categoryForm = z.object({ name: formText, colour: formText, confirmPersonalData });

function eventFields(form: z.infer<typeof eventForm>): WheelEventFields {
  return {
    title: form.title, description: form.description, categoryId: form.categoryId, when: form.when, startsOn: form.startsOn, endsOn: form.endsOn, month: form.month,
    recurrence: recurrenceChoice(form),
  };
}

export function registerWheelEventRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function loadManaged(request: FastifyRequest, wsSlug: string) {
    const viewer = requireViewer(request);
    const workspace = await findWorkspace(db(), wsSlug);
    if (!can(viewer, "manage", { type: "year", workspaceId: workspace.id })) throw new Forbidden();
    return { viewer, workspace };
  }

  async function eventPageProps(
    ctx: PageContext,
    workspace: Workspace,
    event: { id: string; startsOn: string | null } | null,
    values: WheelEventFields,
    version: number,
  ): Promise<WheelEventPageProps> {
    const categories = await db().select().from(s.wheelCategories).where(eq(s.wheelCategories.workspaceId, workspace.id)).orderBy(asc(s.wheelCategories.position));
    const categoryOptions = categories.filter((c) => !c.archivedAt || c.id === values.categoryId).map((c) => ({ value: c.id, label: c.name }));
    const icsHref = event?.startsOn ? yearLinks.eventIcs(workspace.slug, event.id) : null;
    return { ctx, workspace, eventId: event?.id ?? null, icsHref, version, values, categoryOptions, errors: {}, askConfirm: false };
  }

  async function findEvent(workspaceId: string, id: string) {
    const [event] = await db().select().from(s.wheelEvents).where(and(eq(s.wheelEvents.id, id), eq(s.wheelEvents.workspaceId, workspaceId)));
    if (!event || event.archivedAt) throw new NotFound("wheel_event");
    return event;
  }

  app.get("/:ws/arshjul/handelser/ny", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const { workspace } = await loadManaged(request, p.ws);
    const empty: WheelEventFields = { title: "", description: "", categoryId: "", when: "date", startsOn: "", endsOn: "", month: "", recurrence: NO_RECURRENCE };
    return sendPage(reply, h(WheelEventPage, await eventPageProps(pageContext(request, reply), workspace, null, empty, 0)));
  });

  app.post("/:ws/arshjul/handelser/ny", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const { viewer, workspace } = await loadManaged(request, p.ws);
    const form = eventForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const props = await eventPageProps(ctx, workspace, null, eventFields(form), 0);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => saveWheelEvent(db(), viewer, { ...eventFields(form), workspaceId: workspace.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => yearLinks.list(workspace.slug),
      invalid: (problems) => h(WheelEventPage, { ...props, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  app.get("/:ws/arshjul/handelser/:id", async (request, reply) => {
    const p = parseParams(idParams, request.params);
    const { workspace } = await loadManaged(request, p.ws);
    const event = await findEvent(workspace.id, p.id);
    return sendPage(reply, h(WheelEventPage, await eventPageProps(pageContext(request, reply), workspace, event, wheelEventFormFields(event), event.version)));
  });

  app.post("/:ws/arshjul/handelser/:id", async (request, reply) => {
    const p = parseParams(idParams, request.params);
    const { viewer, workspace } = await loadManaged(request, p.ws);
    const event = await findEvent(workspace.id, p.id);
    const form = eventForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const props = await eventPageProps(ctx, workspace, event, eventFields(form), form.version);
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => saveWheelEvent(db(), viewer, { ...eventFields(form), workspaceId: workspace.id, eventId: event.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => yearLinks.list(workspace.slug),
      invalid: (problems) => h(WheelEventPage, { ...props, ...problems }),
      conflict: (conflict, problems) => h(WheelEventPage, { ...props, ...problems, version: (conflict as Conflict<WheelEventFields>).currentVersion }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/arshjul/handelser/:id/ta-bort", async (request, reply) => {
    const p = parseParams(idParams, request.params);
    const { viewer, workspace } = await loadManaged(request, p.ws);
    await archiveWheelEvent(db(), viewer, { workspaceId: workspace.id, eventId: p.id });
    state.cache.invalidate();
    setFlash(reply, "wheel.event.archived");
    return reply.redirect(yearLinks.list(workspace.slug), 303);
  });

  app.get("/:ws/arshjul/handelser/:id/kalender.ics", async (request, reply) => {
    const p = parseParams(idParams, request.params);
    const workspace = await findWorkspace(db(), p.ws);
    const viewed = await workspaceForViewer(state, request.viewer ?? null, p.ws);
    if (!viewed || (!readsInternal(request.viewer ?? null, workspace) && !viewed.graphs.some((g) => g.plan.published))) throw new NotFound("wheel_event");
    const event = await findEvent(workspace.id, p.id);
    if (!event.startsOn) throw new NotFound("wheel_event");
    const body = buildCalendar({
      name: event.title,
      entries: [{ uid: `wheel-event-${event.id}@samverka`, title: event.title, description: event.description, allDay: true, startDate: event.startsOn, endDate: event.endsOn ?? event.startsOn, rrule: event.rrule, sequence: event.version - 1 }],
    });
    return reply.type(CALENDAR_MEDIA_TYPE).header("cache-control", "private, no-store").header("content-disposition", `attachment; filename="${calendarFileName(event.title)}"`).send(body);
  });

  // ---- categories ----------------------------------------------------------------------------------------------

  async function categoriesProps(ctx: PageContext, workspace: Workspace): Promise<WheelCategoriesPageProps> {
    const [categories, events] = await Promise.all([
      db().select().from(s.wheelCategories).where(eq(s.wheelCategories.workspaceId, workspace.id)).orderBy(asc(s.wheelCategories.position)),
      db().select({ categoryId: s.wheelEvents.categoryId, archivedAt: s.wheelEvents.archivedAt }).from(s.wheelEvents).where(eq(s.wheelEvents.workspaceId, workspace.id)),
    ]);
    return {
      ctx, workspace, failed: null, errors: {}, askConfirm: false,
      categories: categories.map((c) => ({ id: c.id, name: c.name, colour: c.colour, archived: !!c.archivedAt, events: events.filter((e) => e.categoryId === c.id && !e.archivedAt).length })),
    };
  }

  app.get("/:ws/arshjul/kategorier", async (request, reply) => {
    const p = parseParams(wsParams, request.params);
    const { workspace } = await loadManaged(request, p.ws);
    return sendPage(reply, h(WheelCategoriesPage, await categoriesProps(pageContext(request, reply), workspace)));
  });

  async function saveCategory(request: FastifyRequest, reply: Parameters<typeof sendPage>[0], categoryId: string | undefined) {
    const p = parseParams(wsParams, request.params);
    const { viewer, workspace } = await loadManaged(request, p.ws);
    const form = categoryForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const props = await categoriesProps(ctx, workspace);
    return submitForm({
      ctx, reply, flash: categoryId ? "form.saved" : "form.created",
      run: () => saveWheelCategory(db(), viewer, { workspaceId: workspace.id, categoryId, name: form.name, colour: form.colour, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => yearLinks.categories(workspace.slug),
      invalid: (problems) => h(WheelCategoriesPage, { ...props, ...problems, failed: { form: categoryId ?? "new", name: form.name, colour: form.colour } }),
      after: () => state.cache.invalidate(),
    });
  }

  app.post("/:ws/arshjul/kategorier", (request, reply) => saveCategory(request, reply, undefined));
  app.post("/:ws/arshjul/kategorier/:id", (request, reply) => saveCategory(request, reply, parseParams(idParams, request.params).id));

  app.post("/:ws/arshjul/kategorier/:id/ta-bort", async (request, reply) => {
    const p = parseParams(idParams, request.params);
    const { viewer, workspace } = await loadManaged(request, p.ws);
    const result = await removeWheelCategory(db(), viewer, { workspaceId: workspace.id, categoryId: p.id });
    state.cache.invalidate();
    setFlash(reply, result.archived ? "wheel.category.archivedInUse" : "wheel.category.removed", result.archived ? { count: result.usedBy } : undefined);
    return reply.redirect(yearLinks.categories(workspace.slug), 303);
  });

  app.post("/:ws/arshjul/kategorier/:id/aterstall", async (request, reply) => {
    const p = parseParams(idParams, request.params);
    const { viewer, workspace } = await loadManaged(request, p.ws);
    await restoreWheelCategory(db(), viewer, { workspaceId: workspace.id, categoryId: p.id });
    state.cache.invalidate();
    setFlash(reply, "wheel.category.restored");
    return reply.redirect(yearLinks.categories(workspace.slug), 303);
  });
}
