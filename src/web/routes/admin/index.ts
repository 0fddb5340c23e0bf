// The workspace's administration pages: the people with a role (and removing a role) and the audit log. Anonymous
// visitors are sent to log in; a workspace where the viewer has no role answers 404 (a guessed address tells
// nothing); a role there without the right answers 403.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import type { AppState } from "../../app-state.ts";
import { pageContext, type PageContext } from "../../context.ts";
import { renderDocument, type PageNode } from "../../render.ts";
import type { FieldErrors } from "../../components/form.tsx";
import type { Crumb } from "../../components/layout.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import { PeoplePage, removeButtonId } from "../../pages/admin/people-page.tsx";
import { AUDIT_FORM_FIELDS, AuditLogPage, type AuditLogForm } from "../../pages/admin/audit-log-page.tsx";
import { Forbidden, Invalid, LoginRequired, NotFound } from "../../../domain/errors.ts";
import { rolesIn } from "../../../domain/roles.ts";
import { can } from "../../../policies/can.ts";
import type { WorkspaceSubject } from "../../../policies/workspace.ts";
import { findWorkspace } from "../../../queries/find-plan.ts";
import type { Workspace } from "../../../queries/plan-graph.ts";
import { peopleOf } from "../../../queries/people.ts";
import { AUDIT_PAGE_SIZE, auditLog, auditLogOptions, type AuditFilters } from "../../../queries/audit-log.ts";
import { isOwnLastAdmin, mayRemoveRole, removeMembership } from "../../../commands/remove-membership.ts";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,80}$/);
const wsParams = z.object({ ws: slug });
const membershipParams = z.object({ ws: slug, membership: z.uuid() });

/** Addresses of the admin pages (and of the invitation pages the people page links to). */
export const adminLinks = {
  people: (ws: string) => `/${ws}/personer`,
  removeMembership: (ws: string, membershipId: string) => `/${ws}/personer/roller/${membershipId}/ta-bort`,
  invite: (ws: string) => `/${ws}/personer/bjud-in`,
  invitations: (ws: string) => `/${ws}/personer/inbjudningar`,
  log: (ws: string) => `/${ws}/logg`,
};

function send(reply: FastifyReply, page: PageNode, status = 200) {
  return reply.code(status).type("text/html; charset=utf-8").header("cache-control", "private, no-store").send(renderDocument(page));
}

const one = z.string().max(200);
const optionalUuid = z.union([z.literal(""), z.uuid()]);
const optionalType = z.union([z.literal(""), z.string().regex(/^[a-z][a-z0-9_.-]{0,60}$/)]);
const optionalDate = z.union([z.literal(""), z.iso.date()]);
const pageNumber = z.coerce.number().int().min(1).max(1_000_000);

/** Reads the filter form from the query: each field on its own, so one bad value becomes that field's error. */
function readLogQuery(query: unknown): { form: AuditLogForm; problems: Record<string, MessageKey>; page: number | null } {
  const q = (query && typeof query === "object" ? query : {}) as Record<string, unknown>;
  const raw = (name: string) => {
    const value = q[name];
    if (value === undefined) return { text: "", ok: true };
    const parsed = one.safeParse(value);
    return parsed.success ? { text: parsed.data.trim(), ok: true } : { text: "", ok: false };
  };
  const form = {} as AuditLogForm;
  const problems: Record<string, MessageKey> = {};
  const check = (name: keyof AuditLogForm, schema: z.ZodType, problem: MessageKey) => {
    const { text, ok } = raw(name);
    form[name] = text;
    if (!ok || !schema.safeParse(text).success) problems[name] = problem;
  };
  check("person", optionalUuid, "admin.log.choiceInvalid");
  check("organisation", optionalUuid, "admin.log.choiceInvalid");
  check("typ", optionalType, "admin.log.choiceInvalid");
  check("fran", optionalDate, "admin.log.dateInvalid");
  check("till", optionalDate, "admin.log.dateInvalid");
  if (!problems.fran && !problems.till && form.fran && form.till && form.till < form.fran) problems.till = "admin.log.dateOrder";
  const sida = q.sida;
  const page = sida === undefined || sida === "" ? 1 : pageNumber.safeParse(sida).success ? pageNumber.parse(sida) : null;
  return { form, problems, page };
}

function logQueryString(form: AuditLogForm, page: number): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FORM_FIELDS) if (form[name]) params.set(name, form[name]);
  if (page > 1) params.set("sida", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function registerAdminRoutes(app: FastifyInstance, state: AppState) {
  const db = () => state.database.db;

  /** The workspace of an admin page, once the viewer is known to have `action` there. */
  async function adminWorkspace(request: FastifyRequest, action: "administerPeople" | "readAuditLog"): Promise<Workspace> {
    const p = wsParams.safeParse(request.params);
    if (!p.success) throw new NotFound("page");
    if (!request.viewer) throw new LoginRequired();
    const workspace = await findWorkspace(db(), p.data.ws);
    if (rolesIn(request.viewer, workspace.id).size === 0) throw new NotFound("workspace");
    if (!can<WorkspaceSubject>(request.viewer, action, { type: "workspace", workspaceId: workspace.id })) throw new Forbidden();
    return workspace;
  }

  const crumbs = (workspace: Workspace, current: string): Crumb[] => [{ label: workspace.name, href: `/#${workspace.slug}` }, { label: current }];

  async function peoplePage(request: FastifyRequest, ctx: PageContext, workspace: Workspace, extra: { notice?: string; errors: FieldErrors }) {
    const viewer = request.viewer;
    const subject: WorkspaceSubject = { type: "workspace", workspaceId: workspace.id };
    const tools = [
      { href: adminLinks.invite(workspace.slug), label: ctx.t("admin.people.invite") },
      { href: adminLinks.invitations(workspace.slug), label: ctx.t("admin.people.invitations") },
      ...(can(viewer, "readAuditLog", subject) ? [{ href: adminLinks.log(workspace.slug), label: ctx.t("admin.people.log") }] : []),
    ];
    return h(PeoplePage, {
      ctx, crumbs: crumbs(workspace, ctx.t("admin.people.crumb")), workspaceName: workspace.name, people: await peopleOf(db(), workspace.id),
      removable: (person, role) =>
        mayRemoveRole(viewer, workspace.id, role.role) && !(viewer && isOwnLastAdmin(viewer, workspace.id, { userId: person.userId, role: role.role })),
      removeAction: (membershipId) => adminLinks.removeMembership(workspace.slug, membershipId),
      links: tools, ...extra,
    });
  }

  app.get("/:ws/personer", async (request, reply) => {
    const workspace = await adminWorkspace(request, "administerPeople");
    const ctx = pageContext(request, reply);
    const removed = (request.query as Record<string, unknown> | undefined)?.borttagen === "1";
    return send(reply, await peoplePage(request, ctx, workspace, { notice: removed ? ctx.t("admin.people.removed") : undefined, errors: {} }));
  });

  app.post("/:ws/personer/roller/:membership/ta-bort", async (request, reply) => {
    const p = membershipParams.safeParse(request.params);
    if (!p.success) throw new NotFound("page");
    const workspace = await adminWorkspace(request, "administerPeople");
    try {
      await removeMembership(db(), request.viewer, { workspaceId: workspace.id, membershipId: p.data.membership });
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      const ctx = pageContext(request, reply);
      const errors: FieldErrors = {};
      for (const [membershipId, problem] of Object.entries(error.fields)) errors[removeButtonId(membershipId)] = ctx.t(problem.key as MessageKey, problem.params);
      return send(reply, await peoplePage(request, ctx, workspace, { errors }), 400);
    }
    return reply.redirect(`${adminLinks.people(workspace.slug)}?borttagen=1`, 303);
  });

  app.get("/:ws/logg", async (request, reply) => {
    const workspace = await adminWorkspace(request, "readAuditLog");
    const { form, problems, page } = readLogQuery(request.query);
    if (page === null) throw new NotFound("page");
    const ctx = pageContext(request, reply);
    const options = await auditLogOptions(db(), workspace.id);
    // A well-formed choice the form does not offer (an address typed by hand) is named too, rather than shown as "all".
    if (form.person && !problems.person && !options.actors.some((a) => a.id === form.person)) problems.person = "admin.log.choiceInvalid";
    if (form.organisation && !problems.organisation && !options.organisations.some((o) => o.id === form.organisation)) problems.organisation = "admin.log.choiceInvalid";
    if (form.typ && !problems.typ && !options.subjectTypes.includes(form.typ)) problems.typ = "admin.log.choiceInvalid";
    const errors: FieldErrors = {};
    for (const name of AUDIT_FORM_FIELDS) {
      const key = problems[name];
      if (key) errors[name] = ctx.t(key);
    }
    let result = null;
    if (Object.keys(errors).length === 0) {
      const filters: AuditFilters = {
        actorId: form.person || undefined, organisationId: form.organisation || undefined, subjectType: form.typ || undefined,
        from: form.fran || undefined, to: form.till || undefined,
      };
      const found = await auditLog(db(), workspace.id, filters, page);
      const pages = Math.max(1, Math.ceil(found.total / AUDIT_PAGE_SIZE));
      if (page > pages) throw new NotFound("page");
      result = { ...found, page, pages, pageSize: AUDIT_PAGE_SIZE };
    }
    const subject: WorkspaceSubject = { type: "workspace", workspaceId: workspace.id };
    const tools = can(request.viewer, "administerPeople", subject) ? [{ href: adminLinks.people(workspace.slug), label: ctx.t("admin.people.crumb") }] : [];
    const action = adminLinks.log(workspace.slug);
    return send(
      reply,
      h(AuditLogPage, {
        ctx, crumbs: crumbs(workspace, ctx.t("admin.log.crumb")), workspaceSlug: workspace.slug, workspaceName: workspace.name, action, form, options, errors,
        result, pageHref: (n: number) => `${action}${logQueryString(form, n)}`, tools,
      }),
      result ? 200 : 400,
    );
  });
}
