// Groups of a workspace (internal: everyone with a role reads, coordinators and administrators manage).
//   GET      /:ws/grupper                                   the groups (and a form for a new one)
//   POST     /:ws/grupper/ny                                create a group
//   GET/POST /:ws/grupper/:group                            the group; change its name, kind, description
//   POST     /:ws/grupper/:group/medlemmar                  add a member (a person, or a role at an organisation)
//   POST     /:ws/grupper/:group/medlemmar/:id/ta-bort      remove a member
//   POST     /:ws/grupper/:group/kalender/ny-adress         give the calendar feed a new secret address
//   GET      /:ws/grupper/:group/kalender/:token.ics        the group's meetings as a calendar feed (no login: the token)
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { and, eq } from "drizzle-orm";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { confirmPersonalData, formText, formVersion, slugSchema, uuidSchema } from "../../forms/form-schemas.ts";
import { sendPage } from "../../forms/send-page.ts";
import { submitForm } from "../../forms/submit.ts";
import { setFlash } from "../../forms/flash.ts";
import { yearLinks } from "../../pages/year/links.ts";
import { GroupsPage } from "../../pages/year/groups-page.tsx";
import { GroupPage, type GroupPageProps } from "../../pages/year/group-page.tsx";
import { translator } from "../../i18n/index.ts";
import * as s from "../../../db/schema/index.ts";
import { Forbidden, NotFound } from "../../../domain/errors.ts";
import { can } from "../../../policies/can.ts";
import { actionItems, groupsOfWorkspace, meetingsOfGroup, meetingTimes, membersOf } from "../../../queries/groups.ts";
import { groupCalendarEntries } from "../../../queries/calendar-entries.ts";
import { saveGroup, type GroupFields } from "../../../commands/save-group.ts";
import { addGroupMember, removeGroupMember, type MemberFields } from "../../../commands/group-member.ts";
import { renewCalendarToken } from "../../../commands/renew-calendar-token.ts";
import { buildCalendar, CALENDAR_MEDIA_TYPE } from "../../../calendar/ics.ts";
import { loadGroup, organisationOptions, personOptions } from "./group-data.ts";
import { loadWorkspaceInternal, parseParams } from "../internal/load.ts";

const wsParams = z.object({ ws: slugSchema });
const groupParams = wsParams.extend({ group: slugSchema });
const memberParams = groupParams.extend({ id: uuidSchema });
const feedParams = groupParams.extend({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });
const groupForm = z.object({ version: formVersion, name: formText, kind: formText, description: formText, confirmPersonalData });
const memberForm = z.object({ userId: formText, organisationId: formText, roleTitle: formText, confirmPersonalData });

const YEAR_MS = 365 * 86_400_000;
const EMPTY_GROUP: GroupFields = { name: "", kind: "coordination", description: "" };
const EMPTY_MEMBER: MemberFields = { userId: "", organisationId: "", roleTitle: "" };

function sameToken(a: string, b: string | null): boolean {
  if (!b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function registerGroupRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  async function listPage(request: FastifyRequest, reply: FastifyReply, values: GroupFields) {
    const p = parseParams(wsParams, request.params);
    const { viewer, workspace } = await loadWorkspaceInternal(db(), request, p.ws);
    if (!can(viewer, "read", { type: "year", workspaceId: workspace.id })) throw new Forbidden();
    const groups = await groupsOfWorkspace(db(), workspace.id, new Date());
    const mayManage = can(viewer, "manage", { type: "year", workspaceId: workspace.id });
    return { viewer, workspace, props: { ctx: pageContext(request, reply), workspace, groups, mayManage, values, errors: {}, askConfirm: false } };
  }

  app.get("/:ws/grupper", async (request, reply) => {
    const { props } = await listPage(request, reply, EMPTY_GROUP);
    return sendPage(reply, h(GroupsPage, props));
  });

  app.post("/:ws/grupper/ny", async (request, reply) => {
    const form = groupForm.parse(request.body ?? {});
    const values = { name: form.name, kind: form.kind, description: form.description };
    const { viewer, workspace, props } = await listPage(request, reply, values);
    return submitForm({
      ctx: props.ctx, reply, flash: "form.created",
      run: () => saveGroup(db(), viewer, { ...values, workspaceId: workspace.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (created) => yearLinks.group(workspace.slug, created.slug),
      invalid: (problems) => h(GroupsPage, { ...props, ...problems }),
      after: () => state.cache.invalidate(),
    });
  });

  async function groupProps(ctx: PageContext, l: Awaited<ReturnType<typeof loadGroup>>, overrides: Partial<GroupPageProps> = {}): Promise<GroupPageProps> {
    const { workspace, group } = l;
    const now = new Date();
    const meetings = await meetingsOfGroup(db(), group.id);
    const [members, openItems, people, organisations] = await Promise.all([
      membersOf(db(), group.id),
      actionItems(db(), { workspaceId: workspace.id, meetingIds: meetings.map((m) => m.id), openOnly: true }),
      l.mayManage ? personOptions(db(), workspace.id) : Promise.resolve([]),
      l.mayManage ? organisationOptions(db(), workspace.id) : Promise.resolve([]),
    ]);
    return {
      ctx, workspace, group, members, openItems, viewerId: l.viewer.userId,
      coming: meetingTimes(meetings, now, new Date(now.getTime() + YEAR_MS), { withCancelled: true }).slice(0, 20),
      past: meetingTimes(meetings, new Date(now.getTime() - YEAR_MS), now, { withCancelled: true }).reverse(),
      feedUrl: group.calendarToken ? `${state.publicUrl}${yearLinks.groupFeed(workspace.slug, group.slug, group.calendarToken)}` : null,
      manage: l.mayManage
        ? { values: { name: group.name, kind: group.kind, description: group.description }, version: group.version, member: EMPTY_MEMBER, personOptions: people, organisationOptions: organisations }
        : null,
      errorForm: null, errors: {}, askConfirm: false,
      ...overrides,
    };
  }

  app.get("/:ws/grupper/:group", async (request, reply) => {
    const p = parseParams(groupParams, request.params);
    const l = await loadGroup(db(), request, p.ws, p.group, false);
    return sendPage(reply, h(GroupPage, await groupProps(pageContext(request, reply), l)));
  });

  app.post("/:ws/grupper/:group", async (request, reply) => {
    const p = parseParams(groupParams, request.params);
    const l = await loadGroup(db(), request, p.ws, p.group, true);
    const form = groupForm.parse(request.body ?? {});
    const values = { name: form.name, kind: form.kind, description: form.description };
    const ctx = pageContext(request, reply);
    const props = await groupProps(ctx, l);
    return submitForm({
      ctx, reply, flash: "form.saved",
      run: () => saveGroup(db(), l.viewer, { ...values, workspaceId: l.workspace.id, groupId: l.group.id, version: form.version, confirmedPersonalData: form.confirmPersonalData }),
      redirect: (saved) => yearLinks.group(l.workspace.slug, saved.slug),
      invalid: (problems) => h(GroupPage, { ...props, ...problems, errorForm: "group", manage: props.manage && { ...props.manage, values, version: form.version } }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/grupper/:group/medlemmar", async (request, reply) => {
    const p = parseParams(groupParams, request.params);
    const l = await loadGroup(db(), request, p.ws, p.group, true);
    const form = memberForm.parse(request.body ?? {});
    const member = { userId: form.userId, organisationId: form.organisationId, roleTitle: form.roleTitle };
    const ctx = pageContext(request, reply);
    const props = await groupProps(ctx, l);
    return submitForm({
      ctx, reply, flash: "groups.member.added",
      run: () => addGroupMember(db(), l.viewer, { ...member, workspaceId: l.workspace.id, groupId: l.group.id, confirmedPersonalData: form.confirmPersonalData }),
      redirect: () => `${yearLinks.group(l.workspace.slug, l.group.slug)}#members`,
      invalid: (problems) => h(GroupPage, { ...props, ...problems, errorForm: "member", manage: props.manage && { ...props.manage, member } }),
      after: () => state.cache.invalidate(),
    });
  });

  app.post("/:ws/grupper/:group/medlemmar/:id/ta-bort", async (request, reply) => {
    const p = parseParams(memberParams, request.params);
    const l = await loadGroup(db(), request, p.ws, p.group, true);
    await removeGroupMember(db(), l.viewer, { workspaceId: l.workspace.id, groupId: l.group.id, memberId: p.id });
    state.cache.invalidate();
    setFlash(reply, "groups.member.removed");
    return reply.redirect(`${yearLinks.group(l.workspace.slug, l.group.slug)}#members`, 303);
  });

  app.post("/:ws/grupper/:group/kalender/ny-adress", async (request, reply) => {
    const p = parseParams(groupParams, request.params);
    const l = await loadGroup(db(), request, p.ws, p.group, true);
    await renewCalendarToken(db(), l.viewer, { workspaceId: l.workspace.id, groupId: l.group.id });
    setFlash(reply, "groups.calendarRenewed");
    return reply.redirect(`${yearLinks.group(l.workspace.slug, l.group.slug)}#calendar`, 303);
  });

  app.get("/:ws/grupper/:group/kalender/:token", async (request, reply) => {
    const p = parseParams(feedParams, request.params);
    const token = p.token.replace(/\.ics$/, "");
    const [row] = await db()
      .select({ group: s.groups, workspaceSlug: s.workspaces.slug })
      .from(s.groups)
      .innerJoin(s.workspaces, eq(s.workspaces.id, s.groups.workspaceId))
      .where(and(eq(s.workspaces.slug, p.ws), eq(s.groups.slug, p.group)));
    if (!row || row.group.archivedAt || !sameToken(token, row.group.calendarToken)) throw new NotFound("calendar");
    const t = translator("sv");
    const base = state.publicUrl;
    const entries = await groupCalendarEntries(db(), row.group.id, {
      videoLink: (url) => t("meeting.videoInCalendar", { url }),
      meeting: (id) => `${base}${yearLinks.meeting(row.workspaceSlug, row.group.slug, id)}`,
    });
    const body = buildCalendar({ name: row.group.name, url: `${base}${yearLinks.group(row.workspaceSlug, row.group.slug)}`, entries });
    return reply.type(CALENDAR_MEDIA_TYPE).header("cache-control", "private, no-store").header("content-disposition", `inline; filename="${row.group.slug}.ics"`).send(body);
  });
}
