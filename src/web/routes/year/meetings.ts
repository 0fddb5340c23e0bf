// A group's meetings (internal: everyone with a role reads, coordinators and administrators write).
//   GET/POST /:ws/grupper/:group/moten/ny                            plan a meeting (once, or recurring)
//   GET/POST /:ws/grupper/:group/moten/:id                           the meeting; change its details
//   GET/POST /:ws/grupper/:group/moten/:id/tillfallen/:start         one occurrence of a series; open it for minutes
//   POST     /:ws/grupper/:group/moten/:id/protokoll                 save minutes and decisions
//   POST     /:ws/grupper/:group/moten/:id/atgarder                  add an action item
//   POST     /:ws/grupper/:group/moten/:id/atgarder/:item/klar       mark it done or open again (its owner too)
//   POST     /:ws/grupper/:group/moten/:id/stall-in                  cancel it (cancel=1) or take that back (cancel=0)
//   GET      /:ws/grupper/:group/moten/:id/minnesanteckningar.docx   the minutes as Word
//   GET      /:ws/grupper/:group/moten/:id/kalender.ics              the meeting (or series) for a calendar
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { confirmPersonalData, formFlag, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { recurrenceChoice, recurrenceForm } from "../../forms/recurrence-form.ts";
import { safeReturnPath } from "../../forms/return-to.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { setFlash } from "../../forms/flash.ts";
import { formatDate } from "../../i18n/index.ts";
import { yearLinks } from "../../pages/year/links.ts";
import { NewMeetingPage } from "../../pages/year/meeting-form.tsx";
import { MeetingPage, type MeetingPageProps } from "../../pages/year/meeting-page.tsx";
import * as s from "../../../db/schema/index.ts";
import { Conflict, NotFound } from "../../../domain/errors.ts";
import { actionItems, meetingTimes, membersOf } from "../../../queries/groups.ts";
import { groupCalendarEntries } from "../../../queries/calendar-entries.ts";
import { saveMeeting } from "../../../commands/save-meeting.ts";
import { openMeetingOccurrence } from "../../../commands/open-meeting-occurrence.ts";
import { saveMinutes } from "../../../commands/save-minutes.ts";
import { addActionItem } from "../../../commands/add-action-item.ts";
import { setActionItemDone } from "../../../commands/set-action-item-done.ts";
import { setMeetingCancelled } from "../../../commands/cancel-meeting.ts";
import { meetingFormFields, type MeetingFields } from "../../../commands/support/meeting-input.ts";
import { choiceFromRule, describeRule, NO_RECURRENCE } from "../../../wheel/recurrence-choice.ts";
import { instantOf, localParts } from "../../../wheel/recurrence.ts";
import { buildCalendar, CALENDAR_MEDIA_TYPE, calendarFileName } from "../../../calendar/ics.ts";
import { renderPool } from "../../../reports/render-worker/pool.ts";
import { DOCUMENT_MEDIA_TYPES } from "../../../reports/media-types.ts";
import { recurrenceWords } from "./wheel-context.ts";
import { loadGroup, personOptions } from "./group-data.ts";
import { parseParams } from "../internal/load.ts";

const groupParams = z.object({ ws: slugSchema, group: slugSchema });
const meetingParams = groupParams.extend({ id: uuidSchema });
const occurrenceParams = meetingParams.extend({ start: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}$/) });
const itemParams = meetingParams.extend({ item: uuidSchema });
const meetingForm = recurrenceForm.extend({
  version: formVersion, title: formText, date: formText, startTime: formText, endTime: formText, place: formText, videoUrl: formText, agenda: formText,
  confirmPersonalData, confirmOverlap: formFlag,
});
const minutesForm = z.object({ version: formVersion, minutes: formText, decisions: formText, confirmPersonalData });
const itemForm = z.object({ itemText: formText, ownerUserId: formText, dueOn: formText, confirmPersonalData });
const doneForm = z.object({ version: formVersion, done: formText, tillbaka: formText });
const cancelForm = z.object({ version: formVersion, cancel: formText });

function meetingFields(form: z.infer<typeof meetingForm>): MeetingFields {
  return {
    title: form.title, date: form.date, startTime: form.startTime, endTime: form.endTime, place: form.place, videoUrl: form.videoUrl, agenda: form.agenda,
    recurrence: recurrenceChoice(form),
  };
}

export function registerMeetingRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  // ---- a new meeting --------------------------------------------------------------------------------------------

  app.get("/:ws/grupper/:group/moten/ny", async (request, reply) => {
    const p = parseParams(groupParams, request.params);
    const { workspace, group } = await loadGroup(db(), request, p.ws, p.group, true);
    const values: MeetingFields = { title: group.name, date: "", startTime: "09:00", endTime: "11:00", place: "", videoUrl: "", agenda: "", recurrence: NO_RECURRENCE };
    return sendPage(reply, h(NewMeetingPage, { ctx: pageContext(request, reply), workspace, group, values, errors: {}, askConfirm: false }));
  });

  app.post("/:ws/grupper/:group/moten/ny", async (request, reply) => {
    const p = parseParams(groupParams, request.params);
    const { viewer, workspace, group } = await loadGroup(db(), request, p.ws, p.group, true);
    const form = meetingForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    return submitForm({
      ctx, reply, flash: "form.created",
      run: () => saveMeeting(db(), viewer, { ...meetingFields(form), groupId: group.id, confirmedPersonalData: form.confirmPersonalData, confirmedOverlap: form.confirmOverlap }),
      redirect: (created) => yearLinks.meeting(workspace.slug, group.slug, created.id),
      invalid: (problems) => h(NewMeetingPage, { ctx, workspace, group, values: meetingFields(form), ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  // ---- one meeting ----------------------------------------------------------------------------------------------

  async function loadMeeting(request: FastifyRequest, manage: boolean) {
    const p = parseParams(meetingParams, request.params);
    const l = await loadGroup(db(), request, p.ws, p.group, manage);
    const [meeting] = await db().select().from(s.meetings).where(and(eq(s.meetings.id, p.id), eq(s.meetings.groupId, l.group.id)));
    if (!meeting) throw new NotFound("meeting");
    return { ...l, meeting };
  }
  type Loaded = Awaited<ReturnType<typeof loadMeeting>>;

  async function meetingProps(ctx: PageContext, l: Loaded, at: { start: Date; end: Date; virtual: boolean } | null = null): Promise<MeetingPageProps> {
    const { workspace, group } = l;
    const [meeting] = await db().select().from(s.meetings).where(eq(s.meetings.id, l.meeting.id));
    const m = meeting ?? l.meeting;
    const [series] = m.seriesId ? await db().select().from(s.meetings).where(eq(s.meetings.id, m.seriesId)) : [];
    const related = m.rrule ? await db().select().from(s.meetings).where(eq(s.meetings.groupId, group.id)) : [];
    const now = new Date();
    const coming = m.rrule
      ? meetingTimes(related.filter((r) => r.id === m.id || r.seriesId === m.id), new Date(now.getTime() - 30 * 86_400_000), new Date(now.getTime() + 400 * 86_400_000), { withCancelled: true }).slice(0, 24)
      : [];
    const [items, people] = await Promise.all([
      actionItems(db(), { workspaceId: workspace.id, meetingIds: m.rrule ? [] : [m.id] }),
      l.mayManage ? personOptions(db(), workspace.id) : Promise.resolve([]),
    ]);
    return {
      ctx, workspace, group, meeting: m, start: at?.start ?? m.startsAt, end: at?.end ?? m.endsAt, virtual: at?.virtual ?? false, series: series ?? null,
      recurrenceText: describeRule(m.rrule ?? series?.rrule ?? null, recurrenceWords(ctx)), coming, items, viewerId: l.viewer.userId,
      manage: l.mayManage
        ? { values: meetingFormFields(m, choiceFromRule(m.rrule)), version: m.version, minutes: { minutes: m.minutes, decisions: m.decisions }, item: { text: "", ownerUserId: "", dueOn: "" }, personOptions: people }
        : null,
      errorForm: null, errors: {}, askConfirm: false,
    };
  }

  app.get("/:ws/grupper/:group/moten/:id", async (request, reply) => {
    const l = await loadMeeting(request, false);
    return sendPage(reply, h(MeetingPage, await meetingProps(pageContext(request, reply), l)));
  });

  app.post("/:ws/grupper/:group/moten/:id", async (request, reply) => {
    const l = await loadMeeting(request, true);
    const form = meetingForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const props = await meetingProps(ctx, l);
    const values = meetingFields(form);
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => saveMeeting(db(), l.viewer, { ...values, groupId: l.group.id, meetingId: l.meeting.id, version: form.version, confirmedPersonalData: form.confirmPersonalData, confirmedOverlap: form.confirmOverlap }),
      redirect: () => yearLinks.meeting(l.workspace.slug, l.group.slug, l.meeting.id),
      invalid: (problems) => h(MeetingPage, { ...props, ...problems, errorForm: "details", manage: props.manage && { ...props.manage, values, version: form.version } }),
      after: () => state.cache.invalidate(),
    });
  });

  /** The occurrence of the series at a local start ("2027-02-10T10-00"), kept or not. */
  async function loadOccurrence(request: FastifyRequest, manage: boolean) {
    const p = parseParams(occurrenceParams, request.params);
    const l = await loadMeeting(request, manage);
    if (!l.meeting.rrule) throw new NotFound("meeting_occurrence");
    const [date, time] = p.start.split("T") as [string, string];
    const start = instantOf(date, time.replace("-", ":"));
    const [kept] = await db().select().from(s.meetings).where(and(eq(s.meetings.seriesId, l.meeting.id), eq(s.meetings.recurrenceStart, start)));
    const found = meetingTimes([l.meeting], start, new Date(start.getTime() + 60_000))[0];
    if (!kept && (!found || found.start.getTime() !== start.getTime())) throw new NotFound("meeting_occurrence");
    return { ...l, start, kept, found };
  }

  app.get("/:ws/grupper/:group/moten/:id/tillfallen/:start", async (request, reply) => {
    const l = await loadOccurrence(request, false);
    if (l.kept) return reply.redirect(yearLinks.meeting(l.workspace.slug, l.group.slug, l.kept.id), 303);
    return sendPage(reply, h(MeetingPage, await meetingProps(pageContext(request, reply), l, { start: l.found!.start, end: l.found!.end, virtual: true })));
  });

  app.post("/:ws/grupper/:group/moten/:id/tillfallen/:start", async (request, reply) => {
    const l = await loadOccurrence(request, true);
    const opened = await openMeetingOccurrence(db(), l.viewer, { groupId: l.group.id, seriesId: l.meeting.id, start: l.start });
    state.cache.invalidate();
    setFlash(reply, "meeting.occurrenceOpened");
    return reply.redirect(yearLinks.meeting(l.workspace.slug, l.group.slug, opened.id), 303);
  });

  // ---- minutes and action items ---------------------------------------------------------------------------------

  app.post("/:ws/grupper/:group/moten/:id/protokoll", async (request, reply) => {
    const l = await loadMeeting(request, true);
    const form = minutesForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const props = await meetingProps(ctx, l);
    const minutes = { minutes: form.minutes, decisions: form.decisions };
    return submitForm({
      ctx, reply, flash: "meeting.minutesSaved",
      run: () => saveMinutes(db(), l.viewer, { ...minutes, groupId: l.group.id, meetingId: l.meeting.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => `${yearLinks.meeting(l.workspace.slug, l.group.slug, l.meeting.id)}#mote-anteckningar`,
      invalid: (problems) => h(MeetingPage, { ...props, ...problems, errorForm: "minutes", manage: props.manage && { ...props.manage, minutes, version: form.version } }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/grupper/:group/moten/:id/atgarder", async (request, reply) => {
    const l = await loadMeeting(request, true);
    const form = itemForm.parse(request.body ?? {});
    const ctx = pageContext(request, reply);
    const props = await meetingProps(ctx, l);
    const item = { text: form.itemText, ownerUserId: form.ownerUserId, dueOn: form.dueOn };
    return submitForm({
      ctx, reply, flash: "meeting.item.added",
      run: () => addActionItem(db(), l.viewer, { ...item, groupId: l.group.id, meetingId: l.meeting.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => `${yearLinks.meeting(l.workspace.slug, l.group.slug, l.meeting.id)}#mote-atgarder`,
      invalid: (problems) => h(MeetingPage, { ...props, ...problems, errorForm: "item", manage: props.manage && { ...props.manage, item } }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/grupper/:group/moten/:id/atgarder/:item/klar", async (request, reply) => {
    const p = parseParams(itemParams, request.params);
    const l = await loadMeeting(request, false);
    const form = doneForm.parse(request.body ?? {});
    const [item] = await db().select().from(s.actionItems).where(and(eq(s.actionItems.id, p.item), eq(s.actionItems.meetingId, l.meeting.id)));
    if (!item) throw new NotFound("action_item");
    const back = safeReturnPath(form.tillbaka, yearLinks.meeting(l.workspace.slug, l.group.slug, l.meeting.id));
    try {
      await setActionItemDone(db(), l.viewer, { itemId: item.id, done: form.done === "1", version: form.version });
      setFlash(reply, form.done === "1" ? "meeting.item.markedDone" : "meeting.item.reopened");
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      // Someone else marked it meanwhile: show the list as it is now.
      setFlash(reply, "meeting.item.changedMeanwhile");
    }
    state.cache.invalidate();
    return reply.redirect(back, 303);
  });

  app.post("/:ws/grupper/:group/moten/:id/stall-in", async (request, reply) => {
    const l = await loadMeeting(request, true);
    const form = cancelForm.parse(request.body ?? {});
    const cancel = form.cancel === "1";
    try {
      await setMeetingCancelled(db(), l.viewer, { groupId: l.group.id, meetingId: l.meeting.id, cancelled: cancel, version: form.version });
      setFlash(reply, cancel ? "meeting.cancelledNow" : "meeting.reinstatedNow");
    } catch (error) {
      if (!(error instanceof Conflict)) throw error;
      setFlash(reply, "meeting.changedMeanwhile");
    }
    state.cache.invalidate();
    return reply.redirect(yearLinks.meeting(l.workspace.slug, l.group.slug, l.meeting.id), 303);
  });

  // ---- downloads ------------------------------------------------------------------------------------------------

  app.get("/:ws/grupper/:group/moten/:id/minnesanteckningar.docx", async (request, reply) => {
    const l = await loadMeeting(request, false);
    if (l.meeting.rrule) throw new NotFound("minutes");
    const ctx = pageContext(request, reply);
    const { t } = ctx;
    const m = l.meeting;
    const [members, items] = await Promise.all([membersOf(db(), l.group.id), actionItems(db(), { workspaceId: l.workspace.id, meetingIds: [m.id] })]);
    const docx = await renderPool().render("minutes-docx", {
      locale: ctx.locale, groupName: l.group.name, title: m.title,
      when: `${formatDate(m.startsAt, ctx.locale)}, ${localParts(m.startsAt).time}–${localParts(m.endsAt).time}`,
      place: m.place, videoUrl: m.videoUrl, members: members.map((x) => [x.roleTitle, x.person, x.organisation].filter(Boolean).join(", ")),
      agenda: m.agenda, minutes: m.minutes, decisions: m.decisions,
      actionItems: items.map((i) => ({ text: i.text, owner: i.owner?.name ?? "", due: i.dueOn ? formatDate(i.dueOn, ctx.locale) : "", done: i.done })),
      labels: {
        heading: t("minutes.heading"), group: t("minutes.group"), when: t("meeting.when"), place: t("meeting.place"), video: t("meeting.video"), members: t("groups.members"),
        agenda: t("meeting.agenda"), minutes: t("meeting.minutes"), decisions: t("meeting.decisions"), actionItems: t("meeting.items"), owner: t("minutes.owner"),
        due: t("minutes.due"), status: t("minutes.status"), done: t("minutes.done"), open: t("minutes.open"), none: t("minutes.none"),
      },
    });
    return reply
      .type(DOCUMENT_MEDIA_TYPES.docx)
      .header("cache-control", "private, no-store")
      .header("content-disposition", `attachment; filename="${calendarFileName(`${l.group.slug} ${localParts(m.startsAt).date}`).replace(/\.ics$/, ".docx")}"`)
      .send(docx);
  });

  app.get("/:ws/grupper/:group/moten/:id/kalender.ics", async (request, reply) => {
    const l = await loadMeeting(request, false);
    const ctx = pageContext(request, reply);
    const base = state.publicUrl;
    const entries = await groupCalendarEntries(db(), l.group.id, {
      videoLink: (url) => ctx.t("meeting.videoInCalendar", { url }),
      meeting: (id) => `${base}${yearLinks.meeting(l.workspace.slug, l.group.slug, id)}`,
      onlyMeetingId: l.meeting.id,
    });
    const body = buildCalendar({ name: l.meeting.title, entries });
    return reply.type(CALENDAR_MEDIA_TYPE).header("cache-control", "private, no-store").header("content-disposition", `attachment; filename="${calendarFileName(l.meeting.title)}"`).send(body);
  });
}
